using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using OrderAnalytics.Simulation;

namespace OrderAnalytics.Simulator;

/// <summary>
/// Real-time mode: new orders happen on a (possibly accelerated) clock; each event is appended to the stream and
/// POSTed to the webhook receiver, retried until it is accepted — as the Django server relays PetPooja's callbacks.
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

        foreach (var e in feed.Backfill.Live(realStart, scale))
        {
            var due = realStart + (e.Facts.OccurredAt - realStart) / Math.Max(live.ClockSpeed, 0.001);
            var wait = due - DateTimeOffset.UtcNow;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
            feed.Append(e);   // stored first, then relayed, as the Django server does
            await DeliverAsync(client, live, e.Json, ct);
        }
    }

    private async Task DeliverAsync(HttpClient client, LiveOptions live, string json, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, live.WebhookUrl)
                {
                    Content = new StringContent(json, new MediaTypeHeaderValue("application/json")),
                };
                request.Headers.Add("X-API-Key", live.WebhookKey);
                using var response = await client.SendAsync(request, ct);
                // 400 is final (the simulator sends some malformed events on purpose); anything else is retried.
                if (response.IsSuccessStatusCode || (int)response.StatusCode == 400) return;
                logger.LogWarning("Webhook answered {Status}; retrying", (int)response.StatusCode);
            }
            catch (HttpRequestException ex)
            {
                logger.LogWarning("Webhook not reachable ({Message}); retrying", ex.Message);
            }
            await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, attempt)), ct);
        }
    }
}
