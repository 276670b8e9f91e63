using OrderAnalytics.Contracts;

namespace OrderAnalytics.Orders;

/// <summary>
/// What <see cref="OrderEventParser.Parse"/> made of one raw event: exactly one of an order, a status
/// update, a quarantine reason or an ignore reason. <see cref="Outcome"/> is one of <see cref="EventOutcomes"/>.
/// </summary>
public sealed record ParseResult
{
    private ParseResult(string outcome, OrderData? order, OrderStatusUpdate? status, string? reason)
    {
        Outcome = outcome;
        Order = order;
        Status = status;
        Reason = reason;
    }

    public string Outcome { get; }
    public OrderData? Order { get; }
    public OrderStatusUpdate? Status { get; }

    /// <summary>Why the event was quarantined or ignored ("properties.Order.orderID: missing"); null otherwise.</summary>
    public string? Reason { get; }

    public bool IsOrder => Outcome == EventOutcomes.Order;
    public bool IsStatus => Outcome == EventOutcomes.Status;
    public bool IsQuarantined => Outcome == EventOutcomes.Quarantined;
    public bool IsIgnored => Outcome == EventOutcomes.Ignored;

    public static ParseResult ForOrder(OrderData order) =>
        new(EventOutcomes.Order, order ?? throw new ArgumentNullException(nameof(order)), null, null);

    public static ParseResult ForStatus(OrderStatusUpdate status) =>
        new(EventOutcomes.Status, null, status ?? throw new ArgumentNullException(nameof(status)), null);

    public static ParseResult Quarantine(string reason) => new(EventOutcomes.Quarantined, null, null, reason);

    public static ParseResult Ignore(string reason) => new(EventOutcomes.Ignored, null, null, reason);

    /// <summary>This result as the message contract's per-event outcome.</summary>
    public CleanedEvent ToCleanedEvent(RawOrderEvent raw) => new(raw, Outcome, Order, Status, Reason);
}
