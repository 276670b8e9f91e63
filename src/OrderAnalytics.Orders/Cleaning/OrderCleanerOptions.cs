namespace OrderAnalytics.Orders;

/// <summary>Thresholds of the cleaning rules.</summary>
public sealed record OrderCleanerOptions
{
    public static OrderCleanerOptions Default { get; } = new();

    /// <summary>created_on later than now + this is flagged as in the future (POS clocks drift a little).</summary>
    public TimeSpan FutureTolerance { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>created_on before this (IST date) is flagged as implausibly old.</summary>
    public DateOnly EarliestPlausibleDate { get; init; } = new(2015, 1, 1);

    /// <summary>The money identity may be off by this much (₹) before it is flagged.</summary>
    public decimal MoneyTolerance { get; init; } = 1m;

    /// <summary>Item quantities above this are flagged as unrealistic (and ≤ 0 always is).</summary>
    public decimal MaxRealisticQuantity { get; init; } = 50m;

    /// <summary>Order ids of known test orders.</summary>
    public IReadOnlySet<string> TestOrderIds { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "99999" };

    /// <summary>Item names (case-insensitive, trimmed) that mark a test order.</summary>
    public IReadOnlySet<string> TestItemNames { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Test Item" };

    /// <summary>Order statuses whose zero-priced items are legitimately free.</summary>
    public IReadOnlySet<string> FreeOrderStatuses { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Complimentary" };

    /// <summary>At most this many offending lines are listed in one flag's detail.</summary>
    public int MaxLinesInDetail { get; init; } = 5;
}
