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

/// <summary>
/// Pages through the upstream stream: fetch → archive → publish (broker-confirmed) → checkpoint. A crash anywhere
/// re-fetches at most one page, and downstream absorbs the duplicates (events are keyed by event id and stream id).
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

    private readonly Channel<SyncRequest> _requests = Channel.CreateBounded<SyncRequest>(
        new BoundedChannelOptions(8) { FullMode = BoundedChannelFullMode.DropOldest });
    private readonly FetcherOptions _options = options.Value;
    private long _cursor, _pages, _events;
    private DateTimeOffset? _lastSyncAt, _lastEventAt;
    private string? _lastError;
    private volatile bool _running;

    public SyncStatus Status => new(_options.Source, _cursor, _pages, _events, _lastSyncAt, _lastError, _running,
        _lastEventAt is { } at ? (DateTimeOffset.UtcNow - at).TotalSeconds : null);

    public bool Request(SyncRequest request) => _requests.Writer.TryWrite(request);

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        Meter.CreateObservableGauge("orderanalytics.fetcher.lag_seconds", () => Status.LagSeconds ?? 0);
        if (_options.SyncOnStart) Request(new SyncRequest());
        while (!ct.IsCancellationRequested)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
            wait.CancelAfter(_options.Interval);
            SyncRequest request;
            try { request = await _requests.Reader.ReadAsync(wait.Token); }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested) { request = new SyncRequest(); }

            try { await SyncAsync(request, ct); }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
            catch (Exception ex)
            {
                _lastError = ex.Message;
                logger.LogError(ex, "Sync failed at cursor {Cursor}; the next run resumes from the checkpoint", _cursor);
            }
        }
    }

    public async Task SyncAsync(SyncRequest request, CancellationToken ct)
    {
        using var activity = Activity.StartActivity("Sync upstream");
        _running = true;
        try
        {
            var stored = await checkpoints.GetAsync(_options.Source, ct);
            var cursor = request.FromCursor ?? (request.Full ? 0 : stored);
            _cursor = cursor;
            logger.LogInformation("Sync from cursor {Cursor} ({Mode})", cursor,
                request.Full ? "full" : request.FromCursor is null ? "incremental" : "from cursor");
            var pacing = _options.RequestsPerSecond > 0 ? TimeSpan.FromSeconds(1 / _options.RequestsPerSecond) : TimeSpan.Zero;

            while (!ct.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                var page = await upstream.GetPageAsync(cursor, _options.PageSize, ct);
                // The cursor's inclusiveness is undocumented: drop anything at or before it, and repeats.
                var events = page.Events.Where(e => e.StreamId > cursor).DistinctBy(e => e.StreamId).ToList();
                if (events.Count == 0) break;

                await archive.SaveAsync(_options.Source, cursor, events, ct);
                await PublishAsync(events, ct);
                cursor = events.Max(e => e.StreamId);
                await checkpoints.SaveAsync(_options.Source, cursor, events.Count, ct);

                _cursor = cursor;
                _pages++;
                _events += events.Count;
                _lastEventAt = events[^1].OccurredAt ?? _lastEventAt;
                PagesFetched.Add(1);
                EventsFetched.Add(events.Count);
                if (page.Events.Count < _options.PageSize) break;

                var elapsed = Stopwatch.GetElapsedTime(started);
                if (elapsed < pacing) await Task.Delay(pacing - elapsed, ct);
            }
            _lastSyncAt = DateTimeOffset.UtcNow;
            _lastError = null;
            logger.LogInformation("Sync done at cursor {Cursor}; {Events} events fetched since start", cursor, _events);
        }
        finally
        {
            _running = false;
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
