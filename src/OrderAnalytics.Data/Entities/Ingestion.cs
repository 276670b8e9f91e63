namespace OrderAnalytics.Data.Entities;

/// <summary>Every event exactly as it arrived, with its outcome. The source of every replay.</summary>
public sealed class RawEvent
{
    public required string EventId { get; set; }
    public long? StreamId { get; set; }
    public required string Source { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    /// <summary>The untouched body (text, not jsonb: malformed events must be kept byte for byte).</summary>
    public required string Payload { get; set; }
    /// <summary>order / status / quarantined / ignored.</summary>
    public required string Outcome { get; set; }
    public string? Reason { get; set; }
    public string? RestaurantRef { get; set; }
    public string? OrderId { get; set; }
    public DateTimeOffset ProcessedAt { get; set; }
}

/// <summary>Quarantined events and consumer faults waiting for a person. Resolved rows stay for the audit trail.</summary>
public sealed class ReviewItem
{
    public long Id { get; set; }
    /// <summary>quarantine / fault.</summary>
    public required string Kind { get; set; }
    public required string EventId { get; set; }
    public required string Reason { get; set; }
    public string? Payload { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
}

/// <summary>PetPooja order-status callbacks (timestamps for delivery-time prediction).</summary>
public sealed class OrderStatusEvent
{
    public long Id { get; set; }
    public required string EventId { get; set; }
    public long RestaurantId { get; set; }
    public required string OrderId { get; set; }
    public int StatusCode { get; set; }
    public required string Status { get; set; }
    public DateTimeOffset At { get; set; }
    public string? CancelReason { get; set; }
}

/// <summary>The fetcher's durable position in one upstream stream.</summary>
public sealed class FetchCheckpoint
{
    public required string Source { get; set; }
    public long Cursor { get; set; }
    public long EventsFetched { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
