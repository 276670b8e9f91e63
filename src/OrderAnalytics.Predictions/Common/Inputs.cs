namespace OrderAnalytics.Predictions;

// Plain in-memory inputs. The caller (a worker reading PostgreSQL) builds these; the models never touch storage.
// Dates are business dates (IST, day runs 05:00-04:59), already resolved by the cleaner.

/// <summary>One business day's totals for the restaurant. Revenue in rupees.</summary>
public sealed record DailyPoint(DateOnly Date, double Orders, double Revenue);

/// <summary>One clock hour (0-23, IST) of a business day. Late-night hours (0-4) belong to the previous business date.</summary>
public sealed record HourlyPoint(DateOnly Date, int Hour, double Orders, double Revenue);

/// <summary>A generic daily series value (item quantity, ingredient use, ...).</summary>
public sealed record SeriesPoint(DateOnly Date, double Value);

/// <summary>One order of one identified customer (deduplicated key: phone, or name+address for aggregator orders).</summary>
public sealed record CustomerTransaction(string CustomerKey, DateOnly Date, decimal Amount);

/// <summary>The distinct menu items of one order. Date is optional and only used to report the training window.</summary>
public sealed record Basket(string OrderKey, IReadOnlyList<string> Items, DateOnly? Date = null);

/// <summary>
/// Sales of one menu item variant on one order line or one day: UnitPrice is the list price,
/// Discount the rupees taken off the whole line (so the effective unit price is UnitPrice - Discount / Quantity).
/// </summary>
public sealed record ItemSales(string Item, string Variant, DateOnly Date, decimal UnitPrice, decimal Quantity, decimal Discount);

/// <summary>
/// One delivered order with its status-callback timeline (PetPooja codes 1/2/3 accepted, 5 food ready,
/// 4 dispatched, 10 delivered). Times are IST wall-clock. FoodReadyAt / DispatchedAt are optional.
/// </summary>
public sealed record DeliveryObservation(
    string OrderKey,
    DateTime AcceptedAt,
    DateTime? FoodReadyAt,
    DateTime? DispatchedAt,
    DateTime DeliveredAt,
    string Locality,
    int ItemCount,
    decimal OrderValue);
