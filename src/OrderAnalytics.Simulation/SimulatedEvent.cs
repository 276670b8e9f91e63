namespace OrderAnalytics.Simulation;

/// <summary>
/// One event as the upstream serves it. <paramref name="Json"/> is the complete envelope
/// (<c>{stream_id, event_id, aggregate_type, aggregate_id, event_type, occurred_at, raw_event}</c>) and is
/// always valid JSON, so a host can splice it verbatim into <c>{"data":[...]}</c>; malformed events are
/// malformed <em>inside</em> (e.g. <c>raw_event</c> is a string holding truncated JSON).
/// <paramref name="Facts"/> is what the event really is, for tests and ground truth; it is not served.
/// </summary>
public sealed record SimulatedEvent(long StreamId, string Json, EventFacts Facts);

public enum SimulatedEventKind
{
    /// <summary>A well-formed "orderdetails" event (an order version, possibly a re-send).</summary>
    OrderDetails,
    /// <summary>A well-formed "orderstatus" callback event.</summary>
    OrderStatus,
    /// <summary>A corrupted copy of an orderdetails event; a loader must quarantine it.</summary>
    Malformed,
}

/// <summary>How a malformed event is broken (its envelope stays valid JSON).</summary>
public enum MalformationKind
{
    /// <summary><c>raw_event</c> is a JSON string holding the raw event cut off part-way.</summary>
    TruncatedRawEvent,
    /// <summary><c>properties</c> has no <c>Order</c>.</summary>
    MissingOrder,
    /// <summary><c>Order.total</c> is a non-numeric string ("N/A").</summary>
    NonNumericTotal,
    /// <summary><c>OrderItem</c> is an object instead of an array.</summary>
    OrderItemNotArray,
    /// <summary><c>raw_event</c> is null or an empty string.</summary>
    EmptyRawEvent,
    /// <summary><c>raw_payload</c> has no <c>properties</c>.</summary>
    MissingProperties,
}

/// <summary>The truth about one generated event.</summary>
public sealed record EventFacts
{
    public required SimulatedEventKind Kind { get; init; }

    /// <summary>PetPooja restID of the outlet.</summary>
    public required string RestaurantRef { get; init; }

    /// <summary>orderID as text (= aggregate_id).</summary>
    public required string OrderId { get; init; }

    /// <summary>The envelope's occurred_at (when the upstream stored the event).</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>Order.created_on, IST wall clock.</summary>
    public required DateTime CreatedOn { get; init; }

    /// <summary>IST business date of created_on (05:00-04:59).</summary>
    public required DateOnly BusinessDate { get; init; }

    /// <summary>Order status of this version (Success / Cancelled / Complimentary); null for status events.</summary>
    public string? OrderStatus { get; init; }

    /// <summary>Status code of an orderstatus event (-1, 1, 2, 3, 4, 5, 10); null otherwise.</summary>
    public int? StatusCode { get; init; }

    /// <summary>Order.total of this version (0 for status events).</summary>
    public decimal Total { get; init; }

    /// <summary>The customer's mobile number as 10 digits (the payload writes it +91 98…, 098…, 91-98…); null when the order has none.</summary>
    public string? Phone { get; init; }

    /// <summary>"webhook" or "pull".</summary>
    public required string Dialect { get; init; }

    public bool RawEventIsString { get; init; }

    /// <summary>True for a re-sent copy of an earlier event (identical raw_event).</summary>
    public bool IsResend { get; init; }

    /// <summary>1-based version of the order this event carries (edits and cancellations add versions).</summary>
    public int Version { get; init; }

    public bool IsTestOrder { get; init; }

    public MalformationKind? Malformation { get; init; }

    /// <summary>Order.order_from (Zomato, POS, Swiggy, Home Website).</summary>
    public string? OrderFrom { get; init; }

    /// <summary>Order.order_type (Delivery, Dine In, Pick Up, Takeaway, Delivery (Parcel)).</summary>
    public string? OrderType { get; init; }

    /// <summary>The items of this version with the menu item each raw name really is.</summary>
    public IReadOnlyList<LineFacts> Lines { get; init; } = [];
}

/// <summary>One order line: the raw name as sent and the menu item it really is (null menu fields for "Test Item").</summary>
public sealed record LineFacts(
    string RawName,
    string? MenuName,
    string? Variant,
    string? Type,
    int Quantity,
    decimal UnitPrice,
    decimal Total,
    IReadOnlyList<string> Addons);
