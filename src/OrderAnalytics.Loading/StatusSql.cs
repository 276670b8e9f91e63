using Npgsql;
using OrderAnalytics.Contracts;

namespace OrderAnalytics.Loading;

/// <summary>Order-status callbacks, kept once per event (no foreign key to orders: a callback may come before its order).</summary>
internal static class StatusSql
{
    public static void AddInsert(NpgsqlBatch batch, IReadOnlyList<CleanedEvent> statuses, IReadOnlyDictionary<string, long> restaurantIds)
    {
        if (statuses.Count == 0) return;
        var insert = new NpgsqlBatchCommand("""
            INSERT INTO order_status_events (event_id, restaurant_id, order_id, status_code, status, at, cancel_reason)
            SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::int[], $5::text[], $6::timestamptz[], $7::text[])
            ON CONFLICT (event_id) DO NOTHING
            """);
        insert.Parameters.Add(new() { Value = statuses.Select(s => s.Raw.EventId).ToArray() });
        insert.Parameters.Add(new() { Value = statuses.Select(s => restaurantIds[s.Status!.RestaurantRef]).ToArray() });
        insert.Parameters.Add(new() { Value = statuses.Select(s => s.Status!.OrderId).ToArray() });
        insert.Parameters.Add(new() { Value = statuses.Select(s => s.Status!.Code).ToArray() });
        insert.Parameters.Add(new() { Value = statuses.Select(s => s.Status!.Status).ToArray() });
        insert.Parameters.Add(new() { Value = statuses.Select(s => s.Status!.At.ToUniversalTime()).ToArray() });
        insert.Parameters.Add(new() { Value = statuses.Select(s => s.Status!.CancelReason).ToArray() });
        batch.BatchCommands.Add(insert);
    }
}
