namespace OrderAnalytics.Predictions;

/// <summary>
/// The eleven segments of the widely used recency x frequency grid (the "RFM segment map" popularised by
/// Putler and the R rfm package). The brief's eight (Champions, Loyal, Potential Loyalist, New, At Risk,
/// Can't Lose, Hibernating, Lost) are all here; Promising, Need Attention and About To Sleep fill the grid
/// cells the eight leave open instead of forcing those customers into a wrong neighbour.
/// </summary>
public enum RfmSegment
{
    Champions,
    Loyal,
    PotentialLoyalist,
    New,
    Promising,
    NeedAttention,
    AboutToSleep,
    AtRisk,
    CantLose,
    Hibernating,
    Lost,
}

/// <summary>One customer's RFM position. Recency in days since the last order; Monetary = total spend.</summary>
public sealed record RfmCustomer(
    string CustomerKey,
    int RecencyDays,
    int Frequency,
    decimal Monetary,
    int R,
    int F,
    int M,
    RfmSegment Segment)
{
    public string Score => $"{R}{F}{M}";
}

public sealed record RfmResult(
    string ModelVersion,
    TrainingWindow? TrainingWindow,
    ModelStatus Status,
    DateOnly AsOf,
    IReadOnlyList<RfmCustomer> Customers,
    IReadOnlyDictionary<RfmSegment, int> SegmentCounts) : IModelResult;

/// <summary>
/// RFM quintile scores (1 = worst, 5 = best) and segments. Scores are percentile ranks with ties sharing
/// the score of the lowest-ranked member: at a cafe most customers have ordered once, and an arbitrary
/// tie-break would split identical one-time customers across F = 1..4. With shared ties every one-timer is
/// F = 1, as a reader would expect.
/// </summary>
public static class RfmAnalyzer
{
    public const string ModelVersion = "rfm-quintile-v1";

    public static RfmResult Analyze(IEnumerable<CustomerTransaction> transactions, DateOnly asOf)
    {
        var relevant = transactions.Where(t => t.Date <= asOf && !string.IsNullOrWhiteSpace(t.CustomerKey)).ToList();
        var customers = relevant
            .GroupBy(t => t.CustomerKey)
            .Select(g => (Key: g.Key, Recency: asOf.DayNumber - g.Max(t => t.Date).DayNumber, Frequency: g.Count(), Monetary: g.Sum(t => t.Amount)))
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .ToList();

        // for recency fewer days is better, so score its negation
        var r = Quintiles(customers.Select(c => (double)-c.Recency).ToList());
        var f = Quintiles(customers.Select(c => (double)c.Frequency).ToList());
        var m = Quintiles(customers.Select(c => (double)c.Monetary).ToList());
        var scored = customers
            .Select((c, i) => new RfmCustomer(c.Key, c.Recency, c.Frequency, c.Monetary, r[i], f[i], m[i], Segment(r[i], f[i])))
            .ToList();
        var counts = Enum.GetValues<RfmSegment>().ToDictionary(s => s, s => scored.Count(c => c.Segment == s));
        return new RfmResult(ModelVersion, TrainingWindow.Of(relevant.Select(t => t.Date)),
            scored.Count > 0 ? ModelStatus.Ok : ModelStatus.InsufficientData, asOf, scored, counts);
    }

    /// <summary>Score 1-5 = 1 + floor(5 * share of customers strictly worse), so ties share one score.</summary>
    internal static int[] Quintiles(IReadOnlyList<double> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var scores = new int[values.Count];
        for (int i = 0; i < values.Count; i++)
        {
            int below = LowerBound(sorted, values[i]);
            scores[i] = Math.Min(5, 1 + (int)Math.Floor(5.0 * below / values.Count));
        }
        return scores;
    }

    private static int LowerBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (sorted[mid] < value) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>
    /// The recency x frequency grid:
    /// <code>
    ///        F=1           F=2          F=3          F=4        F=5
    /// R=5    New           PotLoyalist  PotLoyalist  Champions  Champions
    /// R=4    Promising     PotLoyalist  PotLoyalist  Loyal      Loyal
    /// R=3    AboutToSleep  AboutToSleep NeedAttention Loyal     Loyal
    /// R=2    Hibernating   Hibernating  AtRisk       AtRisk     CantLose
    /// R=1    Lost          Lost         AtRisk       AtRisk     CantLose
    /// </code>
    /// </summary>
    public static RfmSegment Segment(int r, int f) => (r, f) switch
    {
        (5, >= 4) => RfmSegment.Champions,
        (3 or 4, >= 4) => RfmSegment.Loyal,
        (4 or 5, 2 or 3) => RfmSegment.PotentialLoyalist,
        (5, 1) => RfmSegment.New,
        (4, 1) => RfmSegment.Promising,
        (3, 3) => RfmSegment.NeedAttention,
        (3, _) => RfmSegment.AboutToSleep,
        (1 or 2, 5) => RfmSegment.CantLose,
        (1 or 2, 3 or 4) => RfmSegment.AtRisk,
        (2, _) => RfmSegment.Hibernating,
        _ => RfmSegment.Lost,
    };
}
