namespace OrderAnalytics.Orders;

/// <summary>Codes of the <see cref="OrderAnalytics.Contracts.QualityFlag"/>s this library raises.</summary>
public static class QualityFlagCodes
{
    /// <summary>The order has no item lines.</summary>
    public const string NoItems = "no_items";

    /// <summary>total differs from core − discount + tax + packaging + delivery + service + round_off by more than ₹1.</summary>
    public const string MoneyIdentity = "money_identity";

    /// <summary>created_on is missing, unparseable, in the future or before 2015.</summary>
    public const string InvalidTimestamp = "invalid_timestamp";

    /// <summary>The customer phone is present but not a valid number.</summary>
    public const string InvalidPhone = "invalid_phone";

    /// <summary>An item line (not an addon) has a price ≤ 0.</summary>
    public const string NonPositivePrice = "non_positive_price";

    /// <summary>An item line has a quantity ≤ 0 or above the plausible maximum.</summary>
    public const string UnrealisticQuantity = "unrealistic_quantity";

    /// <summary>The known test order (orderID 99999) or an item named "Test Item".</summary>
    public const string TestOrder = "test_order";

    /// <summary>Free text longer than the limit was cut (or control characters were removed).</summary>
    public const string TextTruncated = "text_truncated";
}
