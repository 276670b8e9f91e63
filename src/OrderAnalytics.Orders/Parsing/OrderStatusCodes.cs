namespace OrderAnalytics.Orders;

/// <summary>PetPooja order-status callback codes: −1 cancelled, 1/2/3 accepted, 5 food ready, 4 dispatched, 10 delivered.</summary>
public static class OrderStatusCodes
{
    public const int Cancelled = -1;
    public const int FoodReady = 5;
    public const int Dispatched = 4;
    public const int Delivered = 10;

    /// <summary>The status name stored in <see cref="OrderAnalytics.Contracts.OrderStatusUpdate.Status"/>.</summary>
    public static string Name(int code) => code switch
    {
        -1 => "cancelled",
        1 or 2 or 3 => "accepted",
        5 => "food_ready",
        4 => "dispatched",
        10 => "delivered",
        _ => "unknown",
    };

    public static bool IsKnown(int code) => code is -1 or 1 or 2 or 3 or 4 or 5 or 10;

    /// <summary>Accepts the numeric code ("-1", 4, "10.0") or its name ("Cancelled", "food ready").</summary>
    public static bool TryParse(string? text, out int code)
    {
        code = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim();
        if (decimal.TryParse(s, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint,
                System.Globalization.CultureInfo.InvariantCulture, out var d))
        {
            if (d != decimal.Truncate(d) || d < -1 || d > 10) return false;
            code = (int)d;
            return IsKnown(code);
        }

        switch (s.ToLowerInvariant().Replace('_', ' ').Replace('-', ' '))
        {
            case "cancelled" or "canceled": code = -1; return true;
            case "accepted": code = 1; return true;
            case "food ready": code = 5; return true;
            case "dispatched": code = 4; return true;
            case "delivered": code = 10; return true;
            default: return false;
        }
    }
}
