namespace OrderAnalytics.System.Tests;

/// <summary>What the simulator's backfill holds, from <c>GET /simulator/truth</c>.</summary>
public sealed record StreamTruth(long LastStreamId, long TotalEvents, long Orders, IReadOnlyDictionary<string, decimal> RevenueByDay);

/// <summary>What the webhook receiver answered: the status and, when accepted, the event ids it handed off.</summary>
public sealed record WebhookAnswer(global::System.Net.HttpStatusCode Status, IReadOnlyList<string> EventIds);

/// <summary>The fetcher's progress (GET /sync).</summary>
public sealed record FetcherStatus(long Cursor, long EventsFetched, bool Running, string? LastError);

/// <summary>What the pipeline has made of the events so far: orders stored and events per outcome (GraphQL ingestionStatus).</summary>
public sealed record IngestionCounts(long Orders, IReadOnlyDictionary<string, long> Outcomes)
{
    public long Events => Outcomes.Values.Sum();
    public override string ToString() =>
        $"{Orders} orders; events {Events} = {string.Join(" + ", Outcomes.Select(o => $"{o.Value} {o.Key}"))}";
}
