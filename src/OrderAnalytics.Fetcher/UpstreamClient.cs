using System.Net;
using Microsoft.Extensions.Options;

namespace OrderAnalytics.Fetcher;

/// <summary>One page of the upstream stream: each event's raw JSON text and stream id, in the order served.</summary>
public sealed record UpstreamPage(IReadOnlyList<UpstreamEvent> Events, long? Total);

public sealed record UpstreamEvent(long StreamId, string? EventId, DateTimeOffset? OccurredAt, string Json);

/// <summary>The upstream said no for good (401/403): retrying will not help, a person must fix the key.</summary>
public sealed class UpstreamAuthenticationException(string message) : Exception(message);

/// <summary>A page could not be fetched within the configured attempts (5xx, 429, timeouts, network errors, malformed pages).</summary>
public sealed class UpstreamUnavailableException(string message) : Exception(message);

/// <summary>
/// GET {BaseUrl}/orders/?limit=&amp;cursor= with X-API-Key. Retries 429 (honouring Retry-After), 5xx, timeouts,
/// network errors and malformed pages with exponential back-off and jitter; fails fast on 401/403 and on other 4xx.
/// </summary>
public sealed class UpstreamClient(HttpClient http, IOptionsMonitor<UpstreamOptions> upstream, IOptions<FetcherOptions> options,
    ILogger<UpstreamClient> logger)
{
    private readonly FetcherOptions _options = options.Value;

    public async Task<UpstreamPage> GetPageAsync(long cursor, int limit, CancellationToken ct)
    {
        var settings = upstream.CurrentValue;
        var path = $"{settings.BaseUrl.TrimEnd('/')}/orders/";
        var url = $"{path}?limit={limit}&cursor={cursor}";
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan? retryAfter = null;
            string failure;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                // Without validation: a key is opaque, and a bad one must end in the server's 401, not a local FormatException.
                request.Headers.TryAddWithoutValidation("X-API-Key", settings.ApiKey);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(_options.RequestTimeout);
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                var status = (int)response.StatusCode;

                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                    throw new UpstreamAuthenticationException(
                        $"Upstream refused the API key ({status} {response.ReasonPhrase}) at {path}. "
                        + "Set Upstream:ApiKey (user-secrets or environment) to a valid key; the fetcher does not retry this.");
                if (response.IsSuccessStatusCode)
                {
                    var body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
                    if (PageReader.TryRead(body, out var page, out var error)) return page;
                    failure = $"malformed page: {error}";
                }
                else if (status is 429 or >= 500)
                {
                    retryAfter = response.Headers.RetryAfter?.Delta
                        ?? (response.Headers.RetryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
                    failure = $"HTTP {status}";
                }
                else
                {
                    throw new HttpRequestException(
                        $"Upstream answered {status} {response.ReasonPhrase} for {path}; check Upstream:BaseUrl and Fetcher:PageSize.",
                        null, response.StatusCode);
                }
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested) { failure = $"no complete answer within {_options.RequestTimeout}"; }
            catch (HttpRequestException ex) when (ex.StatusCode is null) { failure = $"network: {ex.Message}"; }
            catch (IOException ex) { failure = $"network: {ex.Message}"; }

            if (attempt >= _options.MaxAttempts)
                throw new UpstreamUnavailableException(
                    $"Upstream page at cursor {cursor} failed {attempt} time(s); last: {failure}. The next sync resumes from the checkpoint.");
            var delay = retryAfter is { } ra ? Clamp(ra, _options.MaxRetryAfter) : Backoff(attempt);
            logger.LogWarning("Upstream page at cursor {Cursor} failed ({Failure}); attempt {Attempt} of {MaxAttempts}, retrying in {Delay}",
                cursor, failure, attempt, _options.MaxAttempts, delay);
            await Task.Delay(delay, ct);
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        var exponential = _options.InitialBackoff * Math.Pow(2, Math.Min(attempt - 1, 30));
        return Clamp(exponential, _options.MaxBackoff) * (0.5 + Random.Shared.NextDouble() / 2);   // "equal jitter"
    }

    private static TimeSpan Clamp(TimeSpan value, TimeSpan max) =>
        value < TimeSpan.Zero ? TimeSpan.Zero : value > max ? max : value;
}
