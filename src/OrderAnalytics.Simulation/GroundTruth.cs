namespace OrderAnalytics.Simulation;

/// <summary>Identity of an order: orderIDs are per outlet and overlap across outlets.</summary>
public readonly record struct OrderKey(string RestaurantRef, string OrderId);

/// <summary>
/// The final state of one order: its well-formed "orderdetails" event with the highest stream_id
/// (re-sends, edits and cancellations are earlier/later versions of the same order; status and malformed
/// events never change it).
/// </summary>
/// <param name="FinalStreamId">stream_id of the final version.</param>
/// <param name="Status">Order.status of the final version: Success, Cancelled or Complimentary.</param>
/// <param name="Total">Order.total of the final version, rupees.</param>
/// <param name="BusinessDate">IST business date of Order.created_on (05:00-04:59 belongs to one date).</param>
/// <param name="CreatedOn">Order.created_on, IST wall clock.</param>
/// <param name="Versions">Distinct versions seen (1 + edits + cancellation), re-sends not counted.</param>
/// <param name="OrderEvents">Well-formed orderdetails events of this order, re-sends included.</param>
/// <param name="IsTestOrder">The real stream's test order (orderID 99999, "Test Item").</param>
/// <param name="Phone">Customer's 10-digit mobile number, null when the order has none.</param>
public sealed record OrderTruth(
    string RestaurantRef,
    string OrderId,
    long FinalStreamId,
    string Status,
    decimal Total,
    DateOnly BusinessDate,
    DateTime CreatedOn,
    int Versions,
    int OrderEvents,
    bool IsTestOrder,
    string? OrderFrom,
    string? OrderType,
    string? Phone);

/// <summary>Revenue of one business date: the sum of final totals of orders whose final status is Success.</summary>
public sealed record DayRevenue(DateOnly BusinessDate, decimal Revenue, int Orders);

/// <summary>
/// What a correct loader must end up with after consuming every event of the stream once (in stream_id
/// order, de-duplicated by stream_id). Definitions:
/// <list type="bullet">
/// <item><see cref="Orders"/>: per (restID, orderID), the well-formed orderdetails event with the highest stream_id.</item>
/// <item><see cref="Days"/>: per IST business date (05:00-04:59) of created_on, the sum of Order.total and the count
/// of orders whose <em>final</em> status is exactly "Success", excluding the test order 99999. Cancelled and
/// Complimentary orders, status events and malformed events contribute nothing. Only dates with at least one
/// such order appear.</item>
/// <item><see cref="DistinctCustomers"/>: distinct 10-digit mobile numbers over well-formed orderdetails events
/// (all statuses; test order excluded), however the number is written (+91 98…, 098…, 91-98…).</item>
/// <item>Counts: <see cref="TotalEvents"/> = <see cref="OrderEvents"/> + <see cref="StatusEvents"/> +
/// <see cref="MalformedEvents"/>; <see cref="ResentEvents"/> ⊂ <see cref="OrderEvents"/>;
/// <see cref="DistinctOrders"/> = <see cref="Orders"/>.Count (test order included).</item>
/// </list>
/// </summary>
public sealed class GroundTruth
{
    internal GroundTruth(
        Dictionary<OrderKey, OrderTruth> orders,
        IReadOnlyList<DayRevenue> days,
        Dictionary<(string RestaurantRef, DateOnly BusinessDate), DayRevenue> restaurantDays,
        int distinctCustomers,
        int totalEvents,
        int orderEvents,
        int resentEvents,
        int statusEvents,
        int malformedEvents,
        long lastStreamId)
    {
        Orders = orders;
        Days = days;
        RestaurantDays = restaurantDays;
        DistinctCustomers = distinctCustomers;
        TotalEvents = totalEvents;
        OrderEvents = orderEvents;
        ResentEvents = resentEvents;
        StatusEvents = statusEvents;
        MalformedEvents = malformedEvents;
        LastStreamId = lastStreamId;
        foreach (var o in orders.Values)
        {
            switch (o.Status)
            {
                case "Success" when !o.IsTestOrder:
                    SuccessOrders++;
                    TotalRevenue += o.Total;
                    break;
                case "Cancelled":
                    CancelledOrders++;
                    break;
                case "Complimentary":
                    ComplimentaryOrders++;
                    break;
            }
            if (o.Versions > 1) EditedOrCancelledLater++;
        }
    }

    /// <summary>Final state per (restID, orderID); includes the test order when it was emitted.</summary>
    public IReadOnlyDictionary<OrderKey, OrderTruth> Orders { get; }

    /// <summary>Revenue per business date, all outlets together, ascending by date.</summary>
    public IReadOnlyList<DayRevenue> Days { get; }

    /// <summary>Revenue per (restID, business date).</summary>
    public IReadOnlyDictionary<(string RestaurantRef, DateOnly BusinessDate), DayRevenue> RestaurantDays { get; }

    /// <summary>Sum of <see cref="Days"/> revenue (= final totals of non-test Success orders).</summary>
    public decimal TotalRevenue { get; }

    /// <summary>Orders whose final status is Success (test order excluded) = sum of <see cref="Days"/> order counts.</summary>
    public int SuccessOrders { get; }

    public int CancelledOrders { get; }
    public int ComplimentaryOrders { get; }

    /// <summary>Orders with more than one version (edited and/or cancelled after a first Success).</summary>
    public int EditedOrCancelledLater { get; }

    public int DistinctCustomers { get; }
    public int TotalEvents { get; }

    /// <summary>Well-formed orderdetails events (re-sends included).</summary>
    public int OrderEvents { get; }

    public int ResentEvents { get; }
    public int StatusEvents { get; }
    public int MalformedEvents { get; }
    public int DistinctOrders => Orders.Count;
    public long LastStreamId { get; }
}

/// <summary>
/// Accumulates a <see cref="GroundTruth"/> from events (e.g. the backfill plus some live events). Events may
/// be added in any order; each stream id must be added once.
/// </summary>
public sealed class GroundTruthBuilder
{
    private sealed class Acc
    {
        public long FinalStreamId = -1;
        public string Status = "";
        public decimal Total;
        public DateOnly BusinessDate;
        public DateTime CreatedOn;
        public bool IsTest;
        public string? OrderFrom, OrderType, Phone;
        public int MaxVersion;
        public int Events;
    }

    private readonly Dictionary<OrderKey, Acc> _orders = new();
    private readonly HashSet<string> _phones = new(StringComparer.Ordinal);
    private int _total, _orderEvents, _resent, _status, _malformed;
    private long _last;

    public void Add(SimulatedEvent e) => Add(e.StreamId, e.Facts);

    public void Add(long streamId, EventFacts f)
    {
        _total++;
        _last = Math.Max(_last, streamId);
        switch (f.Kind)
        {
            case SimulatedEventKind.Malformed:
                _malformed++;
                return;
            case SimulatedEventKind.OrderStatus:
                _status++;
                return;
        }
        _orderEvents++;
        if (f.IsResend) _resent++;
        var key = new OrderKey(f.RestaurantRef, f.OrderId);
        if (!_orders.TryGetValue(key, out var acc)) _orders[key] = acc = new Acc();
        acc.Events++;
        acc.MaxVersion = Math.Max(acc.MaxVersion, f.Version);
        if (streamId > acc.FinalStreamId)
        {
            acc.FinalStreamId = streamId;
            acc.Status = f.OrderStatus ?? "";
            acc.Total = f.Total;
            acc.BusinessDate = f.BusinessDate;
            acc.CreatedOn = f.CreatedOn;
            acc.IsTest = f.IsTestOrder;
            acc.OrderFrom = f.OrderFrom;
            acc.OrderType = f.OrderType;
            acc.Phone = f.Phone;
        }
        if (!f.IsTestOrder && f.Phone is not null) _phones.Add(f.Phone);
    }

    public GroundTruth Build()
    {
        var orders = new Dictionary<OrderKey, OrderTruth>(_orders.Count);
        var days = new SortedDictionary<DateOnly, (decimal Revenue, int Orders)>();
        var restaurantDays = new Dictionary<(string, DateOnly), (decimal Revenue, int Orders)>();
        foreach (var (key, acc) in _orders)
        {
            var truth = new OrderTruth(key.RestaurantRef, key.OrderId, acc.FinalStreamId, acc.Status, acc.Total, acc.BusinessDate,
                acc.CreatedOn, acc.MaxVersion, acc.Events, acc.IsTest, acc.OrderFrom, acc.OrderType, acc.Phone);
            orders[key] = truth;
            if (truth.Status != "Success" || truth.IsTestOrder) continue;
            days.TryGetValue(truth.BusinessDate, out var d);
            days[truth.BusinessDate] = (d.Revenue + truth.Total, d.Orders + 1);
            var rk = (key.RestaurantRef, truth.BusinessDate);
            restaurantDays.TryGetValue(rk, out var rd);
            restaurantDays[rk] = (rd.Revenue + truth.Total, rd.Orders + 1);
        }
        return new GroundTruth(
            orders,
            days.Select(kv => new DayRevenue(kv.Key, kv.Value.Revenue, kv.Value.Orders)).ToList(),
            restaurantDays.ToDictionary(kv => kv.Key, kv => new DayRevenue(kv.Key.Item2, kv.Value.Revenue, kv.Value.Orders)),
            _phones.Count,
            _total,
            _orderEvents,
            _resent,
            _status,
            _malformed,
            _last);
    }
}
