namespace OrderAnalytics.Orders;

/// <summary>Limits that keep <see cref="OrderEventParser"/> safe on hostile input. The defaults suit PetPooja events.</summary>
public sealed record OrderParserOptions
{
    public static OrderParserOptions Default { get; } = new();

    /// <summary>Payloads longer than this (in characters) are quarantined without being parsed.</summary>
    public int MaxPayloadChars { get; init; } = 4 * 1024 * 1024;

    /// <summary>Maximum JSON nesting depth (a real event nests about 10 deep).</summary>
    public int MaxDepth { get; init; } = 32;

    /// <summary>Free text (names, addresses, notes, comments) is cut to this many characters and flagged.</summary>
    public int MaxTextLength { get; init; } = 500;

    /// <summary>Identifiers (orderID, restID, event ids) longer than this are quarantined.</summary>
    public int MaxIdLength { get; init; } = 64;

    /// <summary>More item lines (or addons per item, taxes, discounts) than this are quarantined.</summary>
    public int MaxLines { get; init; } = 1000;

    /// <summary>Any money amount whose absolute value exceeds this (₹) is quarantined as absurd.</summary>
    public decimal MaxAbsAmount { get; init; } = 10_000_000m;

    /// <summary>Any quantity whose absolute value exceeds this is quarantined as absurd (above 50 is only flagged).</summary>
    public decimal MaxAbsQuantity { get; init; } = 100_000m;
}
