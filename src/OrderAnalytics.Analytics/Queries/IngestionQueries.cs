using Npgsql;

namespace OrderAnalytics.Analytics.Queries;

public sealed record OutcomeCount(string Outcome, long Events);

/// <summary>Where ingestion stands: the fetcher's cursor, how far behind the newest event is, and outcomes so far.</summary>
public sealed record IngestionStatus(long? LastStreamId, DateTimeOffset? LastEventAt, double? LagSeconds, long Orders,
    long OpenReviewItems, IReadOnlyList<OutcomeCount> Outcomes);

public sealed class IngestionQueries(NpgsqlDataSource db)
{
    public async Task<IngestionStatus> StatusAsync(CancellationToken ct)
    {
        await using var batch = db.CreateBatch();
        batch.BatchCommands.Add(new("SELECT max(cursor) FROM fetch_checkpoints"));
        batch.BatchCommands.Add(new("SELECT max(received_at) FROM raw_events"));
        batch.BatchCommands.Add(new("SELECT count(*) FROM orders"));
        batch.BatchCommands.Add(new("SELECT count(*) FROM review_items WHERE resolved_at IS NULL"));
        batch.BatchCommands.Add(new("SELECT outcome, count(*) FROM raw_events GROUP BY outcome ORDER BY outcome"));
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        long? cursor = reader.IsDBNull(0) ? null : reader.GetInt64(0);
        await reader.NextResultAsync(ct); await reader.ReadAsync(ct);
        DateTimeOffset? last = reader.IsDBNull(0) ? null : reader.GetFieldValue<DateTimeOffset>(0);
        await reader.NextResultAsync(ct); await reader.ReadAsync(ct);
        var orders = reader.GetInt64(0);
        await reader.NextResultAsync(ct); await reader.ReadAsync(ct);
        var review = reader.GetInt64(0);
        await reader.NextResultAsync(ct);
        var outcomes = new List<OutcomeCount>();
        while (await reader.ReadAsync(ct)) outcomes.Add(new OutcomeCount(reader.GetString(0), reader.GetInt64(1)));
        return new IngestionStatus(cursor, last, last is { } at ? (DateTimeOffset.UtcNow - at).TotalSeconds : null, orders, review, outcomes);
    }
}
