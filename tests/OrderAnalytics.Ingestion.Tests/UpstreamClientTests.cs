using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OrderAnalytics.Fetcher;
using OrderAnalytics.Ingestion.Tests.Infrastructure;
using OrderAnalytics.Simulator;

namespace OrderAnalytics.Ingestion.Tests;

/// <summary>The fetcher's HTTP client against the simulator host's fault knobs: what is retried, what is not, and how long it waits.</summary>
public sealed class UpstreamClientTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _key = Hosts.NewKey();
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private TestApp _sim = null!;

    public async Task InitializeAsync() => _sim = await Hosts.StartSimulatorAsync(_key, output: output);

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _sim.DisposeAsync();
    }

    private UpstreamClient Client(string? key = null, int maxAttempts = 8, TimeSpan? timeout = null, TimeSpan? maxRetryAfter = null,
        string path = "/analytics") =>
        new(_http,
            new StaticOptionsMonitor<UpstreamOptions>(new UpstreamOptions { BaseUrl = new Uri(_sim.BaseAddress, path).ToString(), ApiKey = key ?? _key }),
            Options.Create(new FetcherOptions
            {
                MaxAttempts = maxAttempts,
                RequestTimeout = timeout ?? TimeSpan.FromSeconds(10),
                InitialBackoff = TimeSpan.FromMilliseconds(10),
                MaxBackoff = TimeSpan.FromMilliseconds(50),
                MaxRetryAfter = maxRetryAfter ?? TimeSpan.FromMinutes(5),
            }),
            NullLogger<UpstreamClient>.Instance);

    [Fact]
    public async Task GetPageAsync_FirstPage_ReturnsAscendingEventsAndTotal()
    {
        var page = await Client().GetPageAsync(0, 50, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), page.Events.Select(e => e.StreamId));
        Assert.Equal(Hosts.SourceEvents().Count, page.Total);
    }

    [Fact]
    public async Task GetPageAsync_CursorBeyondEnd_ReturnsEmptyPage()
    {
        var total = Hosts.SourceEvents().Count;
        var page = await Client().GetPageAsync(total + 10, 50, CancellationToken.None);
        Assert.Empty(page.Events);
        Assert.Equal(total, page.Total);
    }

    [Fact]
    public async Task GetPageAsync_RateLimited_WaitsRetryAfterThenSucceeds()
    {
        await _sim.SetFaultsAsync(_key, new FaultOptions { RateLimitEvery = 1, RetryAfterSeconds = 1 });
        var client = Client();
        var fetch = client.GetPageAsync(0, 10, CancellationToken.None);
        Assert.False(fetch.IsCompleted);
        // Every request is refused until the fault is lifted; the client keeps honouring Retry-After meanwhile.
        await Task.Delay(1500);
        await _sim.SetFaultsAsync(_key, new FaultOptions());
        var watch = Stopwatch.StartNew();
        var page = await fetch;
        Assert.Equal(10, page.Events.Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));

        // Retry-After is honoured, not the (50 ms) back-off: one 429, then about a second before the next request.
        await _sim.SetFaultsAsync(_key, new FaultOptions { RateLimitEvery = 2, RetryAfterSeconds = 1 });
        await client.GetPageAsync(0, 10, CancellationToken.None);          // request 1: served
        watch.Restart();
        await client.GetPageAsync(10, 10, CancellationToken.None);         // request 2: 429, request 3: served
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(950), TimeSpan.FromSeconds(5));
        Assert.Equal(new FaultStats(3, 0, 1, 0, 0, 0), await _sim.GetStatsAsync(_key));
    }

    [Fact]
    public async Task GetPageAsync_RetryAfterAboveCap_WaitsOnlyTheCap()
    {
        await _sim.SetFaultsAsync(_key, new FaultOptions { RateLimitEvery = 2, RetryAfterSeconds = 3600 });
        var client = Client(maxRetryAfter: TimeSpan.FromMilliseconds(200));
        await client.GetPageAsync(0, 10, CancellationToken.None);
        var watch = Stopwatch.StartNew();
        await client.GetPageAsync(10, 10, CancellationToken.None);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"waited {watch.Elapsed}");
        Assert.Equal(1, (await _sim.GetStatsAsync(_key)).RateLimited);
    }

    [Fact]
    public async Task GetPageAsync_ServerErrors_RetriedUntilServed()
    {
        await _sim.SetFaultsAsync(_key, new FaultOptions { ServerErrorEvery = 2 });
        var client = Client();
        long cursor = 0;
        for (var i = 0; i < 5; i++)
        {
            var page = await client.GetPageAsync(cursor, 20, CancellationToken.None);
            Assert.Equal(Enumerable.Range((int)cursor + 1, 20).Select(n => (long)n), page.Events.Select(e => e.StreamId));
            cursor = page.Events[^1].StreamId;
        }
        var stats = await _sim.GetStatsAsync(_key);
        Assert.Equal(4, stats.ServerErrors);     // requests 2, 4, 6, 8 failed; each page was served by the next one
        Assert.Equal(9, stats.Requests);
    }

    [Fact]
    public async Task GetPageAsync_SlowResponse_TimesOutAndRetries()
    {
        await _sim.SetFaultsAsync(_key, new FaultOptions { DelayMilliseconds = 5000, DelayEvery = 2 });
        var client = Client(timeout: TimeSpan.FromMilliseconds(500));
        var watch = Stopwatch.StartNew();
        long cursor = 0;
        for (var i = 0; i < 3; i++)
        {
            var page = await client.GetPageAsync(cursor, 20, CancellationToken.None);
            Assert.Equal(20, page.Events.Count);
            cursor = page.Events[^1].StreamId;
        }
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4.5), $"took {watch.Elapsed}: the slow answers were waited for");
        Assert.True((await _sim.GetStatsAsync(_key)).Delayed >= 2);
    }

    [Fact]
    public async Task GetPageAsync_TruncatedPage_Retried()
    {
        await _sim.SetFaultsAsync(_key, new FaultOptions { TruncateEvery = 1 });
        var fetch = Client(maxAttempts: 1000).GetPageAsync(0, 30, CancellationToken.None);
        await Task.Delay(300);
        Assert.False(fetch.IsCompleted);
        await _sim.SetFaultsAsync(_key, new FaultOptions { TruncateEvery = 2 });   // from now: served, truncated, served, ...
        var page = await fetch;
        Assert.Equal(30, page.Events.Count);

        var second = await Client().GetPageAsync(30, 30, CancellationToken.None);   // request 2: truncated, 3: served
        Assert.Equal(Enumerable.Range(31, 30).Select(n => (long)n), second.Events.Select(e => e.StreamId));
        Assert.Equal(1, (await _sim.GetStatsAsync(_key)).Truncated);
    }

    [Fact]
    public async Task GetPageAsync_WrongKey_ThrowsAuthenticationErrorWithoutRetrying()
    {
        var wrong = "wrong-" + Hosts.NewKey();
        var ex = await Assert.ThrowsAsync<UpstreamAuthenticationException>(() => Client(key: wrong).GetPageAsync(0, 10, CancellationToken.None));
        Assert.Contains("401", ex.Message);
        Assert.Contains("Upstream:ApiKey", ex.Message);
        Assert.DoesNotContain(wrong, ex.Message);
        Assert.Equal(new FaultStats(0, 0, 0, 0, 0, Refused: 1), await _sim.GetStatsAsync(_key));   // one request, no retry
    }

    [Fact]
    public async Task GetPageAsync_ServerErrorsPersist_GivesUpAfterMaxAttempts()
    {
        await _sim.SetFaultsAsync(_key, new FaultOptions { ServerErrorEvery = 1 });
        var ex = await Assert.ThrowsAsync<UpstreamUnavailableException>(() => Client(maxAttempts: 3).GetPageAsync(0, 10, CancellationToken.None));
        Assert.Contains("3 time(s)", ex.Message);
        Assert.Contains("HTTP 503", ex.Message);
        Assert.Equal(3, (await _sim.GetStatsAsync(_key)).Requests);
    }

    [Fact]
    public async Task GetPageAsync_TimeoutsPersist_GivesUpAfterMaxAttempts()
    {
        await _sim.SetFaultsAsync(_key, new FaultOptions { DelayMilliseconds = 3000 });
        var watch = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<UpstreamUnavailableException>(() =>
            Client(maxAttempts: 2, timeout: TimeSpan.FromMilliseconds(300)).GetPageAsync(0, 10, CancellationToken.None));
        Assert.Contains("no complete answer", ex.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2.5), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task GetPageAsync_NotFound_FailsWithoutRetrying()
    {
        var watch = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => Client(path: "/nowhere").GetPageAsync(0, 10, CancellationToken.None));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Contains("Upstream:BaseUrl", ex.Message);
    }

    [Fact]
    public async Task GetPageAsync_NothingListening_RetriedThenUnavailable()
    {
        var port = OrderAnalytics.Testing.Repository.FreePort();
        var client = new UpstreamClient(_http,
            new StaticOptionsMonitor<UpstreamOptions>(new UpstreamOptions { BaseUrl = $"http://127.0.0.1:{port}/analytics", ApiKey = _key }),
            Options.Create(new FetcherOptions { MaxAttempts = 3, InitialBackoff = TimeSpan.FromMilliseconds(10) }),
            NullLogger<UpstreamClient>.Instance);
        var ex = await Assert.ThrowsAsync<UpstreamUnavailableException>(() => client.GetPageAsync(0, 10, CancellationToken.None));
        Assert.Contains("network", ex.Message);
    }

    [Fact]
    public async Task GetPageAsync_Cancelled_StopsRetrying()
    {
        await _sim.SetFaultsAsync(_key, new FaultOptions { ServerErrorEvery = 1 });
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client(maxAttempts: 1000).GetPageAsync(0, 10, cts.Token));
    }
}
