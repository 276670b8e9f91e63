using System.Text.Json.Serialization;

namespace OrderAnalytics.Contracts;

// Messages carry batches (a fetched page, a webhook request) because one order per message caps the
// bus at a few thousand messages/s; every item inside keeps its own identity and outcome.

/// <summary>Raw order events entered the system (from the backfill fetcher, the webhook receiver or a replay).</summary>
public sealed record OrderEventsReceived(Guid BatchId, IReadOnlyList<RawOrderEvent> Events);

/// <summary>The cleaner parsed, cleaned and matched a batch; every raw event has exactly one outcome.</summary>
public sealed record OrderEventsCleaned(Guid BatchId, IReadOnlyList<CleanedEvent> Events);

/// <summary>Command: re-run stored raw events through the cleaner (after a menu, alias or rule change).</summary>
public sealed record ReprocessOrderEvents(Guid RequestId, string Reason, IReadOnlyList<string>? RawNames = null);

/// <summary>Command: run a sync now (incremental from the checkpoint, a full resync, or from a given cursor).</summary>
public sealed record RunBackfill(Guid RequestId, bool Full = false, long? FromCursor = null);

/// <summary>One event exactly as it arrived. <see cref="Payload"/> is the untouched JSON text.</summary>
public sealed record RawOrderEvent(
    string EventId,
    long? StreamId,
    string Source,
    DateTimeOffset ReceivedAt,
    [property: JsonConverter(typeof(Utf8Base64TextConverter))] string Payload);

public static class EventSources
{
    public const string Backfill = "backfill";
    public const string Webhook = "webhook";
    public const string Replay = "replay";
}

public static class EventOutcomes
{
    public const string Order = "order";
    public const string Status = "status";
    public const string Quarantined = "quarantined";
    /// <summary>Valid but deliberately not loaded (e.g. an event type we do not use).</summary>
    public const string Ignored = "ignored";
}

/// <summary>Outcome of one raw event: an order, an order-status update, or a quarantine reason.</summary>
public sealed record CleanedEvent(
    RawOrderEvent Raw,
    string Outcome,
    OrderData? Order = null,
    OrderStatusUpdate? Status = null,
    string? Reason = null);
