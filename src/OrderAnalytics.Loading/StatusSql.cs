using Npgsql;
using OrderAnalytics.Contracts;

namespace OrderAnalytics.Loading;

internal static class StatusSql
{
    public static async Task InsertAsync(NpgsqlConnection c, IReadOnlyList<CleanedEvent> statuses,
        IReadOnlyDictionary<string, long> restaurantIds, CancellationToken ct)
    {
        if (statuses.Count == 0) return;
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO order_status_events (event_id, restaurant_id, order_id, status_code, status, at, cancel_reason)
            SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::int[], $5::text[], $6::timestamptz[], $7::text[])
            ON CONFLICT (event_id) DO NOTHING;
            """, c);
        cmd.Parameters.Add(new() { Value = statuses.Select(s => s.Raw.EventId).ToArray() });
        cmd.Parameters.Add(new() { Value = statuses.Select(s => restaurantIds[s.Status!.RestaurantRef]).ToArray() });
        cmd.Parameters.Add(new() { Value = statuses.Select(s => s.Status!.OrderId).ToArray() });
        cmd.Parameters.Add(new() { Value = statuses.Select(s => s.Status!.Code).ToArray() });
        cmd.Parameters.Add(new() { Value = statuses.Select(s => s.Status!.Status).ToArray() });
        cmd.Parameters.Add(new() { Value = statuses.Select(s => s.Status!.At.ToUniversalTime()).ToArray() });
        cmd.Parameters.Add(new() { Value = statuses.Select(s => s.Status!.CancelReason).ToArray() });
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
