using System.Diagnostics.Metrics;
using System.Globalization;
using MassTransit;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using OrderAnalytics.Contracts;

namespace OrderAnalytics.WebhookReceiver;

/// <summary>
/// POST /webhooks/petpooja. Answers 202 only once the broker confirmed the events (publisher confirms), 503 with
/// Retry-After when it could not, and 4xx with a JSON reason for anything the sender must change:
/// 415 not JSON, 413 too large (with or without Content-Length), 401 key/token/signature, 400 malformed or no order id.
/// </summary>
public static class WebhookEndpoints
{
    public const string Path = "/webhooks/petpooja";

    private static readonly Meter Meter = new("OrderAnalytics");
    private static readonly Counter<long> Accepted = Meter.CreateCounter<long>("orderanalytics.webhook.accepted");
    private static readonly Counter<long> Rejected = Meter.CreateCounter<long>("orderanalytics.webhook.rejected");

    public static WebApplication MapWebhookEndpoints(this WebApplication app)
    {
        app.MapPost(Path, ReceiveAsync);
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext http, WebhookAuthenticator auth, IPublishEndpoint bus,
        IOptionsMonitor<WebhookOptions> options, TimeProvider time, ILoggerFactory loggers, CancellationToken ct)
    {
        var limits = options.CurrentValue;
        if (!IsJson(http.Request.ContentType))
            return Reject(StatusCodes.Status415UnsupportedMediaType, "Content-Type must be application/json (UTF-8)");
        if (http.Request.ContentLength > limits.MaxBodyBytes)
            return Reject(StatusCodes.Status413PayloadTooLarge, $"body over {limits.MaxBodyBytes} bytes");

        var body = await ReadBodyAsync(http.Request, limits.MaxBodyBytes, ct);
        if (body is null) return Reject(StatusCodes.Status413PayloadTooLarge, $"body over {limits.MaxBodyBytes} bytes");

        if (auth.CheckSignature(http.Request.Headers, body) is { } signatureError)
            return Reject(StatusCodes.Status401Unauthorized, signatureError);

        var read = WebhookPayload.Read(body, http.Request.Headers["X-Idempotency-Key"], time.GetUtcNow());
        // Authenticate before revealing anything about the body: a bad key gets 401 even for a malformed body.
        if (auth.RequiresKey && !auth.IsKnownKey(http.Request.Headers["X-API-Key"].ToString()) && !auth.IsKnownKey(read.Token))
            return Reject(StatusCodes.Status401Unauthorized, "unknown API key or token");
        if (read.Error is not null) return Reject(StatusCodes.Status400BadRequest, read.Error);

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(limits.HandOffTimeout);
            // With publisher confirms on, this returns only once RabbitMQ has the message.
            await bus.Publish(new OrderEventsReceived(NewId.NextGuid(), read.Events), timeout.Token);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            loggers.CreateLogger("OrderAnalytics.WebhookReceiver").LogWarning(ex,
                "Broker did not confirm {Count} webhook events; answering 503", read.Events.Count);
            http.Response.Headers.RetryAfter = limits.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return Reject(StatusCodes.Status503ServiceUnavailable, "could not hand the events off; retry later");
        }

        Accepted.Add(read.Events.Count);
        return Results.Json(new { accepted = read.Events.Count, eventIds = read.Events.Select(e => e.EventId) },
            statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary>application/json or any +json type; a charset, when given, must be UTF-8.</summary>
    private static bool IsJson(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media)) return false;
        var type = media.MediaType.Value ?? "";
        var json = type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                   || (type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        var charset = media.Charset.Value;
        return json && (string.IsNullOrEmpty(charset) || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
                        || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase));
    }

    private static IResult Reject(int status, string reason)
    {
        Rejected.Add(1, new KeyValuePair<string, object?>("status", status));
        return Results.Json(new { error = reason }, statusCode: status);
    }

    /// <summary>Reads at most <paramref name="max"/> bytes; null when the body is longer (chunked bodies have no Content-Length).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long max, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
