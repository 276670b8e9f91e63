using System.Net.Http.Headers;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using OrderAnalytics.Simulation;

namespace OrderAnalytics.Simulator;

/// <summary>
/// Real-time mode: new orders happen on a (possibly accelerated) clock; each event is stored in the stream when it
/// happens and relayed to the webhook receiver by a separate loop that retries — as the Django server stores
/// PetPooja's callbacks and relays them. The stream keeps growing while the receiver is down, and an event whose
/// relay is given up is still served by the backfill API: that gap is the fetcher's to close.
/// </summary>
public sealed class LiveFeed(UpstreamFeed feed, IHttpClientFactory http, IOptions<SimulatorOptions> options, ILogger<LiveFeed> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        var live = options.Value.Live;
        if (!live.Enabled || string.IsNullOrEmpty(live.WebhookUrl)) return;
        var realStart = DateTimeOffset.UtcNow;
        var client = http.CreateClient("webhook");
        var scale = live.Scale > 0 ? live.Scale : (double?)null;
        logger.LogInformation("Live feed to {Url} at {Speed}x", live.WebhookUrl, live.ClockSpeed);

        // Relayed in order; when the receiver is down for long, the oldest waiting relays are dropped (not the events).
        var pending = Channel.CreateBounded<SimulatedEvent>(new BoundedChannelOptions(Math.Max(1, live.MaxPendingDeliveries))
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = true,
        });
        var relay = RelayAsync(client, live, pending.Reader, ct);
        try
        {
            foreach (var e in feed.Backfill.Live(realStart, scale))
            {
                var due = realStart + (e.Facts.OccurredAt - realStart) / Math.Max(live.ClockSpeed, 0.001);
                var wait = due - DateTimeOffset.UtcNow;
                if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
                feed.Append(e);   // stored first, then relayed
                pending.Writer.TryWrite(e);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
        finally
        {
            pending.Writer.TryComplete();
            try { await relay; } catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
        }
    }

    private async Task RelayAsync(HttpClient client, LiveOptions live, ChannelReader<SimulatedEvent> pending, CancellationToken ct)
    {
        await foreach (var e in pending.ReadAllAsync(ct))
        {
            if (!await DeliverAsync(client, live, e.Json, ct))
                logger.LogWarning("Gave up relaying stream id {StreamId} after {Attempts} attempts; the backfill API still serves it",
                    e.StreamId, live.MaxDeliveryAttempts);
        }
    }

    private async Task<bool> DeliverAsync(HttpClient client, LiveOptions live, string json, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, live.WebhookUrl)
                {
                    Content = new StringContent(json, new MediaTypeHeaderValue("application/json")),
                };
                request.Headers.TryAddWithoutValidation("X-API-Key", live.WebhookKey);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(30));
                using var response = await client.SendAsync(request, timeout.Token);
                // 400 is final (the simulator sends some malformed events on purpose); anything else is retried.
                if (response.IsSuccessStatusCode || (int)response.StatusCode == 400) return true;
                logger.LogWarning("Webhook answered {Status}; retrying", (int)response.StatusCode);
            }
            catch (HttpRequestException ex)
            {
                logger.LogWarning("Webhook not reachable ({Message}); retrying", ex.Message);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                logger.LogWarning("Webhook did not answer within 30 s; retrying");
            }
            if (live.MaxDeliveryAttempts > 0 && attempt >= live.MaxDeliveryAttempts) return false;
            await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, attempt)) * live.RetryDelayFactor, ct);
        }
    }
}
