using Npgsql;
using OrderAnalytics.Contracts;

namespace OrderAnalytics.Loading;

/// <summary>The landing table (every event as received, with its outcome) and the quarantine part of the review queue.</summary>
internal static class RawEventSql
{
    /// <summary>Adds: raw events upserted, quarantines queued, events now accepted taken off the queue.</summary>
    /// <param name="events">Distinct by event id and sorted by it (the lock order).</param>
    public static void AddUpsert(NpgsqlBatch batch, IReadOnlyList<CleanedEvent> events, DateTimeOffset now)
    {
        var landing = new NpgsqlBatchCommand("""
            INSERT INTO raw_events (event_id, stream_id, source, received_at, payload, outcome, reason, restaurant_ref, order_id, processed_at)
            SELECT u.*, $10 FROM unnest($1::text[], $2::bigint[], $3::text[], $4::timestamptz[], $5::text[], $6::text[],
                                        $7::text[], $8::text[], $9::text[]) AS u
            ON CONFLICT (event_id) DO UPDATE SET
                outcome = EXCLUDED.outcome, reason = EXCLUDED.reason, restaurant_ref = EXCLUDED.restaurant_ref,
                order_id = EXCLUDED.order_id, processed_at = EXCLUDED.processed_at
            """);
        landing.Parameters.Add(new() { Value = events.Select(e => e.Raw.EventId).ToArray() });
        landing.Parameters.Add(new() { Value = events.Select(e => e.Raw.StreamId).ToArray() });
        landing.Parameters.Add(new() { Value = events.Select(e => e.Raw.Source).ToArray() });
        // timestamptz takes only UTC offsets in Npgsql.
        landing.Parameters.Add(new() { Value = events.Select(e => e.Raw.ReceivedAt.ToUniversalTime()).ToArray() });
        // PostgreSQL text cannot hold NUL; everything else is kept byte for byte.
        landing.Parameters.Add(new() { Value = events.Select(e => e.Raw.Payload.Replace('\0', '\uFFFD')).ToArray() });
        landing.Parameters.Add(new() { Value = events.Select(e => e.Outcome).ToArray() });
        landing.Parameters.Add(new() { Value = events.Select(e => e.Reason).ToArray() });
        landing.Parameters.Add(new() { Value = events.Select(e => e.Order?.RestaurantRef ?? e.Status?.RestaurantRef).ToArray() });
        landing.Parameters.Add(new() { Value = events.Select(e => e.Order?.OrderId ?? e.Status?.OrderId).ToArray() });
        landing.Parameters.Add(new() { Value = now.ToUniversalTime() });
        batch.BatchCommands.Add(landing);

        var quarantined = events.Where(e => e.Outcome == EventOutcomes.Quarantined).ToList();
        if (quarantined.Count > 0)
        {
            // A quarantine seen again (e.g. replayed after a rule change that did not help) is reopened.
            var record = new NpgsqlBatchCommand("""
                INSERT INTO review_items (kind, event_id, reason, created_at)
                SELECT 'quarantine', u.id, u.reason, $3 FROM unnest($1::text[], $2::text[]) AS u(id, reason)
                ON CONFLICT (kind, event_id) DO UPDATE SET reason = EXCLUDED.reason, resolved_at = NULL
                """);
            record.Parameters.Add(new() { Value = quarantined.Select(e => e.Raw.EventId).ToArray() });
            record.Parameters.Add(new() { Value = quarantined.Select(e => e.Reason ?? "unknown").ToArray() });
            record.Parameters.Add(new() { Value = now.ToUniversalTime() });
            batch.BatchCommands.Add(record);
        }

        var accepted = events.Where(e => e.Outcome != EventOutcomes.Quarantined).Select(e => e.Raw.EventId).ToArray();
        if (accepted.Length > 0)
        {
            // An event that a replay now accepts leaves the queue.
            var resolve = new NpgsqlBatchCommand(
                "UPDATE review_items SET resolved_at = $1 WHERE kind = 'quarantine' AND resolved_at IS NULL AND event_id = ANY($2)");
            resolve.Parameters.Add(new() { Value = now.ToUniversalTime() });
            resolve.Parameters.Add(new() { Value = accepted });
            batch.BatchCommands.Add(resolve);
        }
    }
}
