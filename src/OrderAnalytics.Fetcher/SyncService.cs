using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading.Channels;
using MassTransit;
using Microsoft.Extensions.Options;
using OrderAnalytics.Contracts;

namespace OrderAnalytics.Fetcher;

/// <summary>A sync request: incremental from the checkpoint (default), full from 0, or from a given cursor.</summary>
public sealed record SyncRequest(bool Full = false, long? FromCursor = null);

public sealed record SyncStatus(string Source, long Cursor, long Pages, long Events, DateTimeOffset? LastSyncAt,
    string? LastError, bool Running, double? LagSeconds);

/// <summary>What one sync did: the cursor it started from and ended at, pages and events handed off.</summary>
public sealed record SyncResult(long FromCursor, long Cursor, int Pages, long Events);

/// <summary>
/// Pages through the upstream stream: fetch → archive → publish (broker-confirmed) → checkpoint. A crash anywhere
/// re-fetches at most one page, and downstream absorbs the duplicates (events are keyed by event id and stream id).
/// One sync runs at a time. After the upstream refused the key, periodic syncs pause until a sync is asked for
/// (POST /sync or RunBackfill), so a wrong key is not hammered every interval.
/// </summary>
public sealed class SyncService(
    UpstreamClient upstream,
    CheckpointStore checkpoints,
    PageArchive archive,
    IServiceScopeFactory scopes,
    IOptions<FetcherOptions> options,
    ILogger<SyncService> logger) : BackgroundService
{
    private static readonly ActivitySource Activity = new("OrderAnalytics");
    private static readonly Meter Meter = new("OrderAnalytics");
    private static readonly Counter<long> PagesFetched = Meter.CreateCounter<long>("orderanalytics.fetcher.pages");
    private static readonly Counter<long> EventsFetched = Meter.CreateCounter<long>("orderanalytics.fetcher.events");

    // Wait mode: TryWrite answers false when 8 requests already wait, which POST /sync turns into 429.
    private readonly Channel<SyncRequest> _requests = Channel.CreateBounded<SyncRequest>(
        new BoundedChannelOptions(8) { FullMode = BoundedChannelFullMode.Wait });
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly FetcherOptions _options = options.Value;
    private long _cursor, _pages, _events;
    private DateTimeOffset? _lastSyncAt, _lastEventAt;
    private string? _lastError;
    private volatile bool _running, _keyRefused;

    public SyncStatus Status => new(_options.Source, Interlocked.Read(ref _cursor), Interlocked.Read(ref _pages),
        Interlocked.Read(ref _events), _lastSyncAt, _lastError, _running,
        _lastEventAt is { } at ? (DateTimeOffset.UtcNow - at).TotalSeconds : null);

    /// <summary>Queues a sync for the background loop; false when too many are already waiting.</summary>
    public bool Request(SyncRequest request) => _requests.Writer.TryWrite(request);

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        Meter.CreateObservableGauge("orderanalytics.fetcher.lag_seconds", () => Status.LagSeconds ?? 0);
        if (_options.SyncOnStart) Request(new SyncRequest());
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            SyncRequest request;
            using (var wait = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                wait.CancelAfter(NextRunIn(failures));
                try { request = await _requests.Reader.ReadAsync(wait.Token); }
                catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }   // the host is stopping
                catch (OperationCanceledException)
                {
                    if (_keyRefused) continue;   // a person must fix the key; an explicit request tries again
                    request = new SyncRequest();
                }
            }

            try
            {
                await SyncAsync(request, ct);
                failures = 0;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
            catch (Exception ex)
            {
                failures++;
                logger.LogError(ex, "Sync failed at cursor {Cursor}; the next run resumes from the checkpoint in {Delay}",
                    _cursor, NextRunIn(failures));
            }
        }
    }

    /// <summary>
    /// The interval; after a failed sync (e.g. the broker or the database restarting mid-backfill) sooner, backing
    /// off from 5 s, so a backfill cut off by a short outage resumes within seconds rather than an interval later.
    /// </summary>
    private TimeSpan NextRunIn(int failures)
    {
        if (failures == 0) return _options.Interval;
        var backoff = TimeSpan.FromSeconds(5 * Math.Pow(2, Math.Min(failures - 1, 10)));
        return backoff < _options.Interval ? backoff : _options.Interval;
    }

    /// <summary>Runs one sync now (waiting for one in progress to finish first).</summary>
    /// <exception cref="UpstreamAuthenticationException">The upstream refused the key (no retries).</exception>
    /// <exception cref="UpstreamUnavailableException">A page kept failing; the checkpoint holds the last confirmed page.</exception>
    public async Task<SyncResult> SyncAsync(SyncRequest request, CancellationToken ct)
    {
        await _oneAtATime.WaitAsync(ct);
        using var activity = Activity.StartActivity("Sync upstream");
        _running = true;
        try
        {
            var stored = await checkpoints.GetAsync(_options.Source, ct);
            var from = request.FromCursor is { } f ? Math.Max(f, 0) : request.Full ? 0 : stored;
            var cursor = from;
            Interlocked.Exchange(ref _cursor, cursor);
            logger.LogInformation("Sync from cursor {Cursor} ({Mode})", cursor,
                request.FromCursor is not null ? "from cursor" : request.Full ? "full" : "incremental");
            var pacing = _options.RequestsPerSecond > 0 ? TimeSpan.FromSeconds(1 / _options.RequestsPerSecond) : TimeSpan.Zero;
            int pages = 0;
            long events = 0;

            while (true)
            {
                ct.ThrowIfCancellationRequested();
                var started = Stopwatch.GetTimestamp();
                var page = await upstream.GetPageAsync(cursor, _options.PageSize, ct);
                // The cursor's inclusiveness is undocumented: drop anything at or before it, and repeats.
                var fresh = page.Events.Where(e => e.StreamId > cursor).DistinctBy(e => e.StreamId).ToList();
                if (fresh.Count == 0) break;

                await archive.SaveAsync(_options.Source, cursor, fresh, ct);
                await PublishAsync(fresh, ct);
                cursor = fresh.Max(e => e.StreamId);
                await checkpoints.SaveAsync(_options.Source, cursor, fresh.Count, ct);

                pages++;
                events += fresh.Count;
                Interlocked.Exchange(ref _cursor, cursor);
                Interlocked.Increment(ref _pages);
                Interlocked.Add(ref _events, fresh.Count);
                _lastEventAt = fresh[^1].OccurredAt ?? _lastEventAt;
                PagesFetched.Add(1);
                EventsFetched.Add(fresh.Count);
                // A page shorter than asked for is the end (raw count: repeats of the cursor still fill a page).
                if (page.Events.Count < _options.PageSize) break;

                var elapsed = Stopwatch.GetElapsedTime(started);
                if (elapsed < pacing) await Task.Delay(pacing - elapsed, ct);
            }
            _lastSyncAt = DateTimeOffset.UtcNow;
            _lastError = null;
            _keyRefused = false;
            logger.LogInformation("Sync done at cursor {Cursor}: {Pages} pages, {Events} events", cursor, pages, events);
            return new SyncResult(from, cursor, pages, events);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            _lastError = ex.Message;
            _keyRefused = ex is UpstreamAuthenticationException;
            throw;
        }
        finally
        {
            _running = false;
            _oneAtATime.Release();
        }
    }

    private async Task PublishAsync(IReadOnlyList<UpstreamEvent> events, CancellationToken ct)
    {
        var receivedAt = DateTimeOffset.UtcNow;
        var message = new OrderEventsReceived(NewId.NextGuid(), events.Select(e => new RawOrderEvent(
            e.EventId ?? $"stream:{e.StreamId}", e.StreamId, EventSources.Backfill, receivedAt, e.Json)).ToList());
        await using var scope = scopes.CreateAsyncScope();
        // With publisher confirms on, this returns only once RabbitMQ has the message.
        await scope.ServiceProvider.GetRequiredService<IPublishEndpoint>().Publish(message, ct);
    }
}
