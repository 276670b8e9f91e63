using Npgsql;

namespace OrderAnalytics.Fetcher;

/// <summary>The fetcher's durable cursor per source. Only moves after the broker confirmed the page.</summary>
public sealed class CheckpointStore(NpgsqlDataSource db)
{
    public async Task<long> GetAsync(string source, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT cursor FROM fetch_checkpoints WHERE source = $1");
        cmd.Parameters.Add(new() { Value = source });
        return await cmd.ExecuteScalarAsync(ct) is long cursor ? cursor : 0;
    }

    /// <summary>A full resync re-reads from 0 but never moves the stored cursor backwards.</summary>
    public async Task SaveAsync(string source, long cursor, int events, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            INSERT INTO fetch_checkpoints (source, cursor, events_fetched, updated_at) VALUES ($1, $2, $3, now())
            ON CONFLICT (source) DO UPDATE SET cursor = GREATEST(fetch_checkpoints.cursor, EXCLUDED.cursor),
                events_fetched = fetch_checkpoints.events_fetched + EXCLUDED.events_fetched, updated_at = now();
            """);
        cmd.Parameters.Add(new() { Value = source });
        cmd.Parameters.Add(new() { Value = cursor });
        cmd.Parameters.Add(new() { Value = (long)events });
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
