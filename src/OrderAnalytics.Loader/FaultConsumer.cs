using MassTransit;
using Npgsql;
using OrderAnalytics.Contracts;

namespace OrderAnalytics.Loader;

/// <summary>
/// A batch that exhausted its retries lands in an _error queue; this records each of its events in the review
/// table (kind "fault") with the exception, so nothing is parked silently. Replaying from raw events or moving the
/// message back from the _error queue brings it in once the cause is fixed.
/// </summary>
public sealed class FaultConsumer(NpgsqlDataSource db, ILogger<FaultConsumer> logger)
    : IConsumer<Fault<OrderEventsCleaned>>, IConsumer<Fault<OrderEventsReceived>>
{
    public Task Consume(ConsumeContext<Fault<OrderEventsCleaned>> context) =>
        RecordAsync(context.Message.Message.Events.Select(e => e.Raw), context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<Fault<OrderEventsReceived>> context) =>
        RecordAsync(context.Message.Message.Events, context.Message, context.CancellationToken);

    private async Task RecordAsync(IEnumerable<RawOrderEvent> events, Fault fault, CancellationToken ct)
    {
        var raws = events.ToList();
        var reason = string.Join(" | ", fault.Exceptions.Select(e => $"{e.ExceptionType}: {e.Message}"));
        await using var cmd = db.CreateCommand("""
            INSERT INTO review_items (kind, event_id, reason, payload, created_at)
            SELECT 'fault', u.id, $2, u.payload, now() FROM unnest($1::text[], $3::text[]) AS u(id, payload)
            ON CONFLICT (kind, event_id) DO UPDATE SET reason = EXCLUDED.reason, resolved_at = NULL;
            """);
        cmd.Parameters.Add(new() { Value = raws.Select(r => r.EventId).ToArray() });
        cmd.Parameters.Add(new() { Value = reason.Length > 4000 ? reason[..4000] : reason });
        cmd.Parameters.Add(new() { Value = raws.Select(r => r.Payload.Replace('\0', '\uFFFD')).ToArray() });
        await cmd.ExecuteNonQueryAsync(ct);
        logger.LogWarning("Recorded {Count} events of a faulted batch for review", raws.Count);
    }
}
