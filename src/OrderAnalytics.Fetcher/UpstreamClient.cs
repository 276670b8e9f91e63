using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace OrderAnalytics.Fetcher;

/// <summary>One page of the upstream stream: each event's raw JSON text and stream id, in ascending order.</summary>
public sealed record UpstreamPage(IReadOnlyList<UpstreamEvent> Events, long? Total);

public sealed record UpstreamEvent(long StreamId, string? EventId, DateTimeOffset? OccurredAt, string Json);

/// <summary>The upstream said no for good (401/403): retrying will not help, a person must fix the key.</summary>
public sealed class UpstreamAuthenticationException(string message) : Exception(message);

/// <summary>
/// GET {BaseUrl}/orders/?limit=&amp;cursor= with X-API-Key. Retries 429 (honouring Retry-After), 5xx, timeouts,
/// network errors and malformed pages with exponential back-off and jitter; fails fast on 401/403.
/// </summary>
public sealed class UpstreamClient(HttpClient http, IOptions<UpstreamOptions> upstream, IOptions<FetcherOptions> options,
    ILogger<UpstreamClient> logger)
{
    private readonly FetcherOptions _options = options.Value;

    public async Task<UpstreamPage> GetPageAsync(long cursor, int limit, CancellationToken ct)
    {
        var url = $"{upstream.Value.BaseUrl.TrimEnd('/')}/orders/?limit={limit}&cursor={cursor}";
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan? retryAfter = null;
            string failure;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.Add("X-API-Key", upstream.Value.ApiKey);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(_options.RequestTimeout);
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);

                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                    throw new UpstreamAuthenticationException(
                        $"Upstream refused the API key ({(int)response.StatusCode}). Set Upstream:ApiKey (user-secrets or environment).");
                if (response.IsSuccessStatusCode)
                {
                    var body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
                    if (PageReader.TryRead(body, out var page, out var error)) return page;
                    failure = $"malformed page: {error}";
                }
                else
                {
                    if ((int)response.StatusCode is not (429 or >= 500))
                        throw new HttpRequestException($"Upstream answered {(int)response.StatusCode} for {Redact(url)}", null, response.StatusCode);
                    retryAfter = response.Headers.RetryAfter?.Delta
                        ?? (response.Headers.RetryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
                    failure = $"HTTP {(int)response.StatusCode}";
                }
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested) { failure = "timeout"; }
            catch (HttpRequestException ex) when (ex.StatusCode is null) { failure = $"network: {ex.Message}"; }

            if (attempt >= _options.MaxAttempts)
                throw new InvalidOperationException($"Upstream page at cursor {cursor} failed {attempt} times; last: {failure}");
            var delay = retryAfter ?? Backoff(attempt);
            logger.LogWarning("Upstream page at cursor {Cursor} failed ({Failure}); attempt {Attempt}, retrying in {Delay}",
                cursor, failure, attempt, delay);
            await Task.Delay(delay < TimeSpan.Zero ? TimeSpan.Zero : delay, ct);
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        var exponential = TimeSpan.FromMilliseconds(250 * Math.Pow(2, attempt - 1));
        var capped = exponential < _options.MaxBackoff ? exponential : _options.MaxBackoff;
        return capped * (0.5 + Random.Shared.NextDouble() / 2);   // "equal jitter": spreads clients apart
    }

    private static string Redact(string url) => url.Split('?')[0];
}

/// <summary>Reads {"data": [...], "total"|"count": N}; each event's raw text is kept untouched.</summary>
public static class PageReader
{
    public static bool TryRead(byte[] body, out UpstreamPage page, out string error)
    {
        page = new UpstreamPage([], null);
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("data", out var data)
                || data.ValueKind != JsonValueKind.Array)
            {
                error = "no \"data\" array";
                return false;
            }
            long? total = null;
            foreach (var name in (string[])["total", "count"])
                if (doc.RootElement.TryGetProperty(name, out var t) && t.TryGetInt64(out var n)) total = n;

            var events = new List<UpstreamEvent>(data.GetArrayLength());
            foreach (var e in data.EnumerateArray())
            {
                if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("stream_id", out var sid) || !TryLong(sid, out var streamId))
                {
                    // Without a stream id the page cannot be paged past safely: treat the page as malformed.
                    error = "an event without a numeric stream_id";
                    return false;
                }
                var eventId = e.TryGetProperty("event_id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
                DateTimeOffset? occurred = e.TryGetProperty("occurred_at", out var o) && o.ValueKind == JsonValueKind.String
                    && DateTimeOffset.TryParse(o.GetString(), out var at) ? at : null;
                events.Add(new UpstreamEvent(streamId, eventId, occurred, e.GetRawText()));
            }
            page = new UpstreamPage(events, total);
            error = "";
            return true;
        }
        catch (JsonException ex)
        {
            error = $"invalid JSON ({ex.Message})";
            return false;
        }
    }

    private static bool TryLong(JsonElement e, out long value)
    {
        value = 0;
        return e.ValueKind switch
        {
            JsonValueKind.Number => e.TryGetInt64(out value),
            JsonValueKind.String => long.TryParse(e.GetString(), out value),
            _ => false,
        };
    }
}
