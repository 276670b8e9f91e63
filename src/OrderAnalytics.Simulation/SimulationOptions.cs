namespace OrderAnalytics.Simulation;

/// <summary>
/// What to simulate. Everything generated is a pure function of these options: the same options give
/// byte-identical events, stream ids and ground truth.
/// </summary>
public sealed record SimulationOptions
{
    /// <summary>Expected distinct orders per year for one outlet at <see cref="Scale"/> 1.0.</summary>
    public const int OrdersPerYearAtScale1 = 10_300;

    /// <summary>Master seed.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>First business date simulated (IST business day 05:00-04:59).</summary>
    public DateOnly Start { get; init; } = new(2025, 1, 1);

    /// <summary>Number of business days simulated from <see cref="Start"/>.</summary>
    public int Days { get; init; } = 365;

    /// <summary>
    /// Volume multiplier. 1.0 ≈ 10K orders per outlet per year (the real cafe), daily revenue peaking
    /// around ₹50-60k; 30 gives 300K+ orders per year.
    /// </summary>
    public double Scale { get; init; } = 1.0;

    /// <summary>Number of outlets (distinct restID / res_name; orderIDs overlap across outlets).</summary>
    public int Restaurants { get; init; } = 1;

    /// <summary>Expected fraction of all events that are malformed (a corrupted extra copy of an order event).</summary>
    public double MalformedRate { get; init; } = 0.002;

    /// <summary>Probability that an orderdetails event is re-sent (identical raw_event, new stream_id / event_id).</summary>
    public double ResendRate { get; init; } = 0.03;

    /// <summary>Probability that an order is later edited (a new version with changed items / discount and totals).</summary>
    public double EditRate { get; init; } = 0.015;

    /// <summary>Probability that an order ends Cancelled (mostly Success → Cancelled later, some cancelled at once).</summary>
    public double CancelRate { get; init; } = 0.025;

    /// <summary>Probability that a POS order is Complimentary (staff desserts, goodwill).</summary>
    public double ComplimentaryRate { get; init; } = 0.004;

    /// <summary>Emit "orderstatus" events (1 accepted, 5 food ready, 4 dispatched, 10 delivered, -1 cancelled) for online delivery orders.</summary>
    public bool IncludeStatusEvents { get; init; } = true;

    /// <summary>Emit the real stream's test order (orderID 99999, "Test Item", created 2025-01-01) in the first day's block.</summary>
    public bool IncludeTestOrder { get; init; } = true;

    internal void Validate()
    {
        if (Days < 0) throw new ArgumentOutOfRangeException(nameof(Days), Days, "Days must be >= 0.");
        if (!(Scale > 0) || double.IsInfinity(Scale)) throw new ArgumentOutOfRangeException(nameof(Scale), Scale, "Scale must be > 0.");
        if (Restaurants is < 1 or > 50) throw new ArgumentOutOfRangeException(nameof(Restaurants), Restaurants, "Restaurants must be 1..50.");
        CheckRate(MalformedRate, nameof(MalformedRate), 0.5);
        CheckRate(ResendRate, nameof(ResendRate), 1);
        CheckRate(EditRate, nameof(EditRate), 1);
        CheckRate(CancelRate, nameof(CancelRate), 1);
        CheckRate(ComplimentaryRate, nameof(ComplimentaryRate), 1);
    }

    private static void CheckRate(double value, string name, double max)
    {
        if (double.IsNaN(value) || value < 0 || value > max)
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be within 0..{max}.");
    }
}
