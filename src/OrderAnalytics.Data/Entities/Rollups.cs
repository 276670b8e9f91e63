namespace OrderAnalytics.Data.Entities;

// The rollups: the same facts as orders and order_items, summed per business day (and hour) over exactly the columns the
// analytics filters and groups by, so a question reads a few dozen rows a day instead of every order and line. Non-test
// orders with a business date only. Kept equal to GROUP BYs over the normalized tables by statement-level triggers
// (migration AddRollups); never written by application code. Dimension columns hold the order's values as they are
// (null stays null). Three order rollups instead of one with every dimension: each question reads the narrowest one.

/// <summary>Orders per business day, restaurant, channel, order type and status: revenue, AOV, channel and order-type mix.</summary>
public sealed class OrderFactsDaily
{
    public DateOnly BusinessDate { get; set; }
    public long RestaurantId { get; set; }
    public string? OrderFrom { get; set; }
    public string? OrderType { get; set; }
    public string? OrderStatus { get; set; }
    public long Orders { get; set; }
    public decimal Total { get; set; }
    public decimal CoreTotal { get; set; }
    public decimal DiscountTotal { get; set; }
    public decimal TaxTotal { get; set; }
    /// <summary>Σ packaging + delivery + service charges + round_off.</summary>
    public decimal Charges { get; set; }
}

/// <summary>The same per IST hour of created_on (null when the order has none): peak hours.</summary>
public sealed class OrderFactsHourly
{
    public DateOnly BusinessDate { get; set; }
    public long RestaurantId { get; set; }
    public string? OrderFrom { get; set; }
    public string? OrderType { get; set; }
    public string? OrderStatus { get; set; }
    public short? Hour { get; set; }
    public long Orders { get; set; }
    public decimal Total { get; set; }
    public decimal CoreTotal { get; set; }
    public decimal DiscountTotal { get; set; }
    public decimal TaxTotal { get; set; }
    public decimal Charges { get; set; }
}

/// <summary>
/// Orders per business day, restaurant, channel, order type, status, IST hour and delivery locality (orders.locality):
/// delivery areas and areas × hour (migration AddAreaRollup).
/// </summary>
public sealed class AreaFactsHourly
{
    public DateOnly BusinessDate { get; set; }
    public long RestaurantId { get; set; }
    public string? OrderFrom { get; set; }
    public string? OrderType { get; set; }
    public string? OrderStatus { get; set; }
    public short? Hour { get; set; }
    public string? Locality { get; set; }
    public long Orders { get; set; }
    public decimal Total { get; set; }
    public decimal CoreTotal { get; set; }
    public decimal DiscountTotal { get; set; }
    public decimal TaxTotal { get; set; }
    public decimal Charges { get; set; }
}

/// <summary>Success orders per business day, restaurant, channel, order type and payment type: payment methods.</summary>
public sealed class OrderPaymentsDaily
{
    public DateOnly BusinessDate { get; set; }
    public long RestaurantId { get; set; }
    public string? OrderFrom { get; set; }
    public string? OrderType { get; set; }
    public string? PaymentType { get; set; }
    public long Orders { get; set; }
    public decimal Total { get; set; }
}

/// <summary>
/// Item lines of Success orders per business day, restaurant, channel, order type and the line's menu identity: its menu
/// item and matcher decision, and its normalised name only when that can matter (the line is not matched to a menu item,
/// so a verified alias of the name decides; aliases are joined when read, so a review decision counts at once).
/// </summary>
public sealed class ItemSalesDaily
{
    public DateOnly BusinessDate { get; set; }
    public long RestaurantId { get; set; }
    public string? OrderFrom { get; set; }
    public string? OrderType { get; set; }
    public long? MenuItemId { get; set; }
    public string? MatchDecision { get; set; }
    public string? NormalisedName { get; set; }
    public long Lines { get; set; }
    public decimal Quantity { get; set; }
    public decimal TotalPrice { get; set; }
    public decimal DiscountAmount { get; set; }
}

/// <summary>
/// What split (part-payment) Success orders change in the payment mix, per business day, restaurant, channel, order type and
/// method: a split order moves out of its own method (<see cref="WholeOrders"/>, <see cref="WholeTotal"/>, subtracted when read
/// from <see cref="OrderPaymentsDaily"/>) into the methods of its parts (<see cref="SplitOrders"/>, <see cref="SplitAmount"/>:
/// once per method, with that method's Σ part amounts), plus 'Part Payment (unallocated)' for the rest of the total when the
/// parts do not add up to it. Method is the order's payment type ('(none)' when null) or a part's payment type.
/// </summary>
public sealed class OrderSplitPaymentsDaily
{
    public DateOnly BusinessDate { get; set; }
    public long RestaurantId { get; set; }
    public string? OrderFrom { get; set; }
    public string? OrderType { get; set; }
    public string Method { get; set; } = "";
    /// <summary>Split orders in which this method paid a part (or that have an unallocated rest).</summary>
    public long SplitOrders { get; set; }
    public decimal SplitAmount { get; set; }
    /// <summary>Split orders whose own payment type is this method.</summary>
    public long WholeOrders { get; set; }
    public decimal WholeTotal { get; set; }
}

/// <summary>
/// Addons on item lines of Success orders per business day, restaurant, channel, order type and addon (name and group), the
/// line's quantity multiplied in: top addons. Quantity and sales are unconstrained numerics, so their sums keep the scale
/// of the products they add up (addon quantity × item quantity, × price).
/// </summary>
public sealed class AddonSalesDaily
{
    public DateOnly BusinessDate { get; set; }
    public long RestaurantId { get; set; }
    public string? OrderFrom { get; set; }
    public string? OrderType { get; set; }
    public string AddonName { get; set; } = "";
    public string? GroupName { get; set; }
    /// <summary>Addon rows (item lines carrying the addon).</summary>
    public long Lines { get; set; }
    /// <summary>Σ addon quantity × item quantity.</summary>
    public decimal Quantity { get; set; }
    /// <summary>Σ addon price × addon quantity × item quantity.</summary>
    public decimal Sales { get; set; }
}

/// <summary>
/// Success orders of one customer in one calendar month of business dates (migration AddRetentionRollup): the customer's
/// first month here is their cohort. Kept by the trigger that also keeps <see cref="RetentionDelta"/>.
/// </summary>
public sealed class CustomerMonth
{
    public long RestaurantId { get; set; }
    public long CustomerId { get; set; }
    /// <summary>First day of the month.</summary>
    public DateOnly Month { get; set; }
    public long Orders { get; set; }
    public decimal Revenue { get; set; }
}

/// <summary>
/// Customers, orders and revenue per restaurant, month and cohort (the month of the customer's first Success order),
/// written as signed deltas: the figures of a group are the <b>sums</b> of its rows. Append-only, so concurrent batches
/// never wait on each other's rows; new versus returning customers per month and the monthly cohorts read a few
/// thousand rows instead of every order.
/// </summary>
public sealed class RetentionDelta
{
    public long RestaurantId { get; set; }
    public DateOnly Month { get; set; }
    public DateOnly Cohort { get; set; }
    public long Customers { get; set; }
    public long Orders { get; set; }
    public decimal Revenue { get; set; }
}
