using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using Npgsql;
using OrderAnalytics.Contracts;
using OrderAnalytics.Fetcher;
using OrderAnalytics.Ingestion.Tests.Infrastructure;
using OrderAnalytics.Simulation;
using OrderAnalytics.Simulator;

namespace OrderAnalytics.Ingestion.Tests;

/// <summary>
/// The fetcher host (SyncService: fetch → archive → publish, confirmed → checkpoint in PostgreSQL) against the
/// simulator host over real HTTP and a real RabbitMQ: what reaches the broker is exactly the source's events.
/// </summary>
[Collection(BrokerCollection.Name)]
public sealed class FetcherSyncTests(IngestionInfrastructure infra, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _key = Hosts.NewKey();
    private readonly string _source = "test-" + Guid.NewGuid().ToString("N")[..10];
    private readonly IReadOnlyList<SimulatedEvent> _expected = Hosts.SourceEvents();
    private readonly List<IAsyncDisposable> _owned = [];
    private TestApp _sim = null!;

    public async Task InitializeAsync()
    {
        _sim = await Hosts.StartSimulatorAsync(_key, output: output);
        _owned.Add(_sim);
    }

    public async Task DisposeAsync()
    {
        for (var i = _owned.Count - 1; i >= 0; i--) await _owned[i].DisposeAsync();
    }

    private async Task<TestApp> FetcherAsync(IDictionary<string, string?>? extra = null, string? key = null)
    {
        var app = await Hosts.StartFetcherAsync(infra, _sim, key ?? _key, _source, output, extra);
        _owned.Add(app);
        return app;
    }

    private async Task<EventSink> SinkAsync()
    {
        var sink = await EventSink.StartAsync(infra.Rabbit.ConnectionString);
        _owned.Add(sink);
        return sink;
    }

    private async Task<long?> CheckpointAsync()
    {
        await using var db = NpgsqlDataSource.Create(infra.Database);
        await using var cmd = db.CreateCommand("SELECT cursor FROM fetch_checkpoints WHERE source = $1");
        cmd.Parameters.Add(new() { Value = _source });
        return await cmd.ExecuteScalarAsync() as long?;
    }

    private bool HasEverySourceEvent(IReadOnlyList<RawOrderEvent> events) =>
        events.Select(e => e.StreamId).Distinct().Count() >= _expected.Count;

    /// <summary>Every received event is one of the source's, verbatim, and every source event was received.</summary>
    private void AssertExactlyTheSource(IReadOnlyList<RawOrderEvent> received, bool duplicatesAllowed)
    {
        var expected = _expected.ToDictionary(e => e.StreamId);
        foreach (var e in received)
        {
            Assert.NotNull(e.StreamId);
            Assert.True(expected.TryGetValue(e.StreamId!.Value, out var source), $"stream id {e.StreamId} is not in the source");
            Assert.Equal(source.Json, e.Payload);
            Assert.Equal(EventSources.Backfill, e.Source);
            Assert.False(string.IsNullOrEmpty(e.EventId));
        }
        var missing = expected.Keys.Except(received.Select(e => e.StreamId!.Value)).Order().ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} gaps, first {string.Join(", ", missing.Take(10))}");
        if (!duplicatesAllowed) Assert.Equal(expected.Count, received.Count);
    }

    [Fact]
    public async Task SyncAsync_FullSync_PublishesExactlyTheSourceEvents()
    {
        var sink = await SinkAsync();
        var fetcher = await FetcherAsync();

        var result = await fetcher.Get<SyncService>().SyncAsync(new SyncRequest(Full: true), CancellationToken.None);

        Assert.Equal(_expected.Count, result.Events);
        Assert.Equal(_expected[^1].StreamId, result.Cursor);
        Assert.Equal((_expected.Count + 49) / 50, result.Pages);
        AssertExactlyTheSource(await sink.WaitAsync(HasEverySourceEvent), duplicatesAllowed: false);
        Assert.Equal(_expected[^1].StreamId, await CheckpointAsync());
        Assert.All(sink.Messages, m => Assert.InRange(m.Events.Count, 1, 50));   // one message per page

        // The archive holds every page as gzip JSON lines, one event per line, verbatim.
        var folder = fetcher.Get<IOptions<FetcherOptions>>().Value.ArchiveFolder;
        var archived = new List<string>();
        foreach (var file in Directory.GetFiles(folder, "*.jsonl.gz", SearchOption.AllDirectories).Order())
        {
            await using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
            using var reader = new StreamReader(gzip);
            while (await reader.ReadLineAsync() is { } line) archived.Add(line);
        }
        Assert.Equal(_expected.Select(e => e.Json), archived);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(6)]
    public async Task SyncAsync_KilledMidBackfill_RestartFromCheckpointHasNoGaps(int pagesBeforeKill)
    {
        var sink = await SinkAsync();
        // Paced, so the kill lands mid-backfill rather than after it.
        var paced = new Dictionary<string, string?> { ["Fetcher:RequestsPerSecond"] = "10" };
        Assert.True(_expected.Count > (pagesBeforeKill + 5) * 50, "the source must outlast the kill by several pages");
        var first = await Hosts.StartFetcherAsync(infra, _sim, _key, _source, output, paced);
        using var kill = new CancellationTokenSource();
        var sync = first.Get<SyncService>().SyncAsync(new SyncRequest(), kill.Token);
        await sink.WaitAsync(events => sink.Messages.Count >= pagesBeforeKill, settle: TimeSpan.Zero);
        kill.Cancel();                      // the process dies wherever it is: fetching, publishing or checkpointing
        await first.DisposeAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sync);

        var checkpoint = await CheckpointAsync() ?? 0;
        Assert.InRange(checkpoint, 0, _expected[^1].StreamId - 1);
        var beforeRestart = sink.Events.Count;

        var second = await FetcherAsync();
        var result = await second.Get<SyncService>().SyncAsync(new SyncRequest(), CancellationToken.None);

        Assert.Equal(checkpoint, result.FromCursor);                 // resumed from the stored checkpoint, not from 0
        Assert.Equal(_expected[^1].StreamId, result.Cursor);
        var received = await sink.WaitAsync(HasEverySourceEvent);
        AssertExactlyTheSource(received, duplicatesAllowed: true);
        // At most the page in flight at the kill is handed off twice.
        Assert.InRange(received.Count - _expected.Count, 0, 50);
        output.WriteLine($"killed after {beforeRestart} events (checkpoint {checkpoint}); {received.Count - _expected.Count} duplicates");
    }

    [Fact]
    public async Task SyncAsync_KilledBetweenConfirmedPublishAndCheckpoint_RepublishesThatPageOnly()
    {
        var sink = await SinkAsync();
        var paced = new Dictionary<string, string?> { ["Fetcher:RequestsPerSecond"] = "10" };
        var first = await Hosts.StartFetcherAsync(infra, _sim, _key, _source, output, paced);
        using var kill = new CancellationTokenSource();
        var sync = first.Get<SyncService>().SyncAsync(new SyncRequest(), kill.Token);

        // Once a checkpoint exists, hold its row lock: the fetcher's next checkpoint write blocks right after the
        // broker confirmed that page — the window where a crash leaves a published page without a checkpoint.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await CheckpointAsync() is null && DateTime.UtcNow < deadline) await Task.Delay(20);
        await using var db = NpgsqlDataSource.Create(infra.Database);
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var lockRow = new NpgsqlCommand("SELECT cursor FROM fetch_checkpoints WHERE source = $1 FOR UPDATE", connection, transaction);
        lockRow.Parameters.Add(new() { Value = _source });
        var locked = (long)(await lockRow.ExecuteScalarAsync())!;
        await sink.WaitAsync(events => events.Any(e => e.StreamId > locked), settle: TimeSpan.FromMilliseconds(500));
        Assert.Contains(sink.Events, e => e.StreamId > locked);      // the next page is confirmed by the broker...

        kill.Cancel();
        await first.DisposeAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sync);
        await transaction.RollbackAsync();
        Assert.Equal(locked, await CheckpointAsync());                 // ...but its checkpoint was never written

        var second = await FetcherAsync();
        var result = await second.Get<SyncService>().SyncAsync(new SyncRequest(), CancellationToken.None);

        Assert.Equal(locked, result.FromCursor);
        var received = await sink.WaitAsync(HasEverySourceEvent);
        AssertExactlyTheSource(received, duplicatesAllowed: true);
        // Exactly the page in the window was handed off twice (at-least-once), with the same event ids.
        var twice = received.GroupBy(e => e.StreamId!.Value).Where(g => g.Count() > 1).Select(g => g.Key).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 50).Select(i => locked + i), twice);
        Assert.All(received.GroupBy(e => e.StreamId), g => Assert.Single(g.Select(e => e.EventId).Distinct()));
    }

    [Fact]
    public async Task SyncAsync_TwoFullSyncs_GiveIdenticalResults()
    {
        var fetcher = await FetcherAsync();
        var sync = fetcher.Get<SyncService>();
        var runs = new List<IReadOnlyList<RawOrderEvent>>();
        var results = new List<SyncResult>();
        for (var run = 0; run < 2; run++)
        {
            await using var sink = await EventSink.StartAsync(infra.Rabbit.ConnectionString);
            results.Add(await sync.SyncAsync(new SyncRequest(Full: true), CancellationToken.None));
            runs.Add(await sink.WaitAsync(HasEverySourceEvent));
        }

        Assert.Equal(results[0], results[1]);
        AssertExactlyTheSource(runs[0], duplicatesAllowed: false);
        Assert.Equal(runs[0].OrderBy(e => e.StreamId).Select(e => (e.StreamId, e.EventId, e.Payload)),
            runs[1].OrderBy(e => e.StreamId).Select(e => (e.StreamId, e.EventId, e.Payload)));
        Assert.Equal(_expected[^1].StreamId, await CheckpointAsync());
    }

    [Fact]
    public async Task SyncAsync_IncrementalAfterFullSync_PublishesNothing()
    {
        var fetcher = await FetcherAsync();
        var sync = fetcher.Get<SyncService>();
        await sync.SyncAsync(new SyncRequest(), CancellationToken.None);
        var sink = await SinkAsync();

        var result = await sync.SyncAsync(new SyncRequest(), CancellationToken.None);

        Assert.Equal(new SyncResult(_expected[^1].StreamId, _expected[^1].StreamId, 0, 0), result);
        Assert.Empty(await sink.WaitAsync(_ => false, TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public async Task SyncAsync_CursorBeyondEnd_PublishesNothingAndKeepsCheckpoint()
    {
        var sink = await SinkAsync();
        var fetcher = await FetcherAsync();

        var result = await fetcher.Get<SyncService>().SyncAsync(new SyncRequest(FromCursor: _expected.Count + 1000), CancellationToken.None);

        Assert.Equal(0, result.Events);
        Assert.Equal(0, result.Pages);
        Assert.Empty(await sink.WaitAsync(_ => false, TimeSpan.FromMilliseconds(500)));
        Assert.Null(await CheckpointAsync());
    }

    [Fact]
    public async Task SyncAsync_UnderEveryFault_StillExactlyTheSourceEvents()
    {
        await _sim.SetFaultsAsync(_key, new FaultOptions
        {
            RateLimitEvery = 5, RetryAfterSeconds = 0, ServerErrorEvery = 7, TruncateEvery = 3, DelayMilliseconds = 3000, DelayEvery = 11,
        });
        var sink = await SinkAsync();
        var fetcher = await FetcherAsync(new Dictionary<string, string?> { ["Fetcher:RequestTimeout"] = "00:00:00.500" });

        var result = await fetcher.Get<SyncService>().SyncAsync(new SyncRequest(Full: true), CancellationToken.None);

        Assert.Equal(_expected.Count, result.Events);
        AssertExactlyTheSource(await sink.WaitAsync(HasEverySourceEvent), duplicatesAllowed: false);
        var stats = await _sim.GetStatsAsync(_key);
        output.WriteLine(stats.ToString());
        Assert.True(stats is { RateLimited: > 0, ServerErrors: > 0, Truncated: > 0, Delayed: > 0 }, stats.ToString());
    }

    [Fact]
    public async Task SyncAsync_WrongKey_StopsWithClearErrorAndNoRetries()
    {
        var sink = await SinkAsync();
        var wrong = "wrong-" + Hosts.NewKey();
        var fetcher = await FetcherAsync(key: wrong);

        var ex = await Assert.ThrowsAsync<UpstreamAuthenticationException>(() =>
            fetcher.Get<SyncService>().SyncAsync(new SyncRequest(), CancellationToken.None));

        Assert.Contains("Upstream:ApiKey", ex.Message);
        Assert.Equal(new FaultStats(0, 0, 0, 0, 0, Refused: 1), await _sim.GetStatsAsync(_key));   // one request, no retry
        var status = await fetcher.Client.GetFromJsonAsync<SyncStatus>("/sync");
        Assert.Equal(ex.Message, status!.LastError);
        Assert.DoesNotContain(wrong, status.LastError);
        Assert.Empty(await sink.WaitAsync(_ => false, TimeSpan.FromMilliseconds(300)));
        Assert.Null(await CheckpointAsync());
    }

    [Fact]
    public async Task PostSync_AdminKeysConfigured_RequiresOneOfThem()
    {
        var (admin, rotated) = (Hosts.NewKey(), Hosts.NewKey());
        var sink = await SinkAsync();
        var fetcher = await FetcherAsync(new Dictionary<string, string?> { ["Fetcher:AdminKeys:0"] = admin, ["Fetcher:AdminKeys:1"] = rotated });

        async Task<HttpStatusCode> PostAsync(string path, Action<HttpRequestMessage>? auth = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path);
            auth?.Invoke(request);
            using var response = await fetcher.Client.SendAsync(request);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync("/sync"));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync("/sync", r => r.Headers.Add("X-API-Key", "nope")));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync("/sync", r => r.Headers.Add("X-API-Key", _key)));   // the upstream key is not an admin key
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync("/sync?from=-1", r => r.Headers.Add("X-API-Key", admin)));
        Assert.Equal(HttpStatusCode.Accepted, await PostAsync("/sync", r => r.Headers.Authorization = new("Bearer", rotated)));
        Assert.Equal(HttpStatusCode.Accepted, await PostAsync("/sync?full=true", r => r.Headers.Add("X-API-Key", admin)));

        // The background loop runs what was asked for.
        AssertExactlyTheSource(await sink.WaitAsync(HasEverySourceEvent), duplicatesAllowed: true);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        SyncStatus? status;
        do status = await fetcher.Client.GetFromJsonAsync<SyncStatus>("/sync");
        while ((status!.Running || status.Cursor != _expected[^1].StreamId) && DateTime.UtcNow < deadline && await Delay());
        Assert.Equal(_expected[^1].StreamId, status.Cursor);
        Assert.Null(status.LastError);
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(100);
        return true;
    }

    [Fact]
    public async Task PostSync_NoAdminKeysConfigured_Accepted()
    {
        var fetcher = await FetcherAsync();
        using var response = await fetcher.Client.PostAsync("/sync?from=5", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Theory]
    [InlineData("Upstream:ApiKey", "", "Upstream:ApiKey")]
    [InlineData("Upstream:BaseUrl", "not a url", "Upstream:BaseUrl")]
    [InlineData("Fetcher:PageSize", "501", "Fetcher:PageSize")]
    [InlineData("Fetcher:PageSize", "0", "Fetcher:PageSize")]
    [InlineData("Fetcher:MaxAttempts", "0", "Fetcher:MaxAttempts")]
    public async Task Start_InvalidConfiguration_FailsNamingTheSetting(string setting, string value, string named)
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            Hosts.StartFetcherAsync(infra, _sim, _key, _source, output, new Dictionary<string, string?> { [setting] = value }));
        Assert.Contains(named, ex.Message);
    }
}
