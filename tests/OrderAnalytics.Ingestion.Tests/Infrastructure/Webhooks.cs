using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrderAnalytics.Ingestion.Tests.Infrastructure;

public sealed record WebhookResponse(HttpStatusCode Status, string Text, HttpResponseHeaders Headers)
{
    public JsonElement Json => JsonDocument.Parse(Text).RootElement;
    public string? Error => Json.TryGetProperty("error", out var e) ? e.GetString() : null;
    public IReadOnlyList<string> EventIds => Json.GetProperty("eventIds").EnumerateArray().Select(e => e.GetString()!).ToList();
}

public static class Webhooks
{
    public const string Path = "/webhooks/petpooja";

    public static async Task<WebhookResponse> PostAsync(this TestApp receiver, HttpContent content, string? key = null,
        Action<HttpRequestMessage>? configure = null, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = content };
        if (key is not null) request.Headers.TryAddWithoutValidation("X-API-Key", key);
        configure?.Invoke(request);
        using var response = await receiver.Client.SendAsync(request, ct);
        return new WebhookResponse(response.StatusCode, await response.Content.ReadAsStringAsync(ct), response.Headers);
    }

    public static Task<WebhookResponse> PostJsonAsync(this TestApp receiver, string body, string? key = null,
        Action<HttpRequestMessage>? configure = null) =>
        receiver.PostAsync(Json(body), key, configure);

    public static HttpContent Json(string body) => Bytes(Encoding.UTF8.GetBytes(body), "application/json");

    public static HttpContent Bytes(byte[] body, string? contentType)
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null) content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    /// <summary>A bare PetPooja orderdetails callback (the webhook dialect), with the token under the given spelling.</summary>
    public static string Callback(long orderId, string? token, string tokenName = "token") =>
        new JsonObject
        {
            ["event"] = "orderdetails",
            [tokenName] = token ?? "",
            ["properties"] = new JsonObject
            {
                ["Restaurant"] = new JsonObject { ["restID"] = "1c8w7fp500", ["res_name"] = "Dach & Nona" },
                ["Customer"] = new JsonObject { ["name"] = "", ["phone"] = "" },
                ["Order"] = new JsonObject
                {
                    ["orderID"] = orderId, ["total"] = 210.0, ["core_total"] = 200.0, ["tax_total"] = 10.0, ["round_off"] = "0.00",
                    ["created_on"] = "2025-08-15 02:30:00", ["order_type"] = "Pick Up", ["order_from"] = "POS", ["status"] = "Success",
                },
                ["OrderItem"] = new JsonArray(new JsonObject { ["itemid"] = 42, ["name"] = "Classic Chocolate Lamington (2pcs)", ["quantity"] = 1, ["price"] = 200, ["total"] = 200 }),
                ["Tax"] = new JsonArray(),
                ["Discount"] = new JsonArray(),
            },
        }.ToJsonString();

    /// <summary>Standard Webhooks headers for <paramref name="body"/>: webhook-id, webhook-timestamp, webhook-signature (v1, HMAC-SHA256).</summary>
    public static Action<HttpRequestMessage> Sign(string secret, string body, DateTimeOffset? at = null, string? id = null)
    {
        id ??= "msg_" + Guid.NewGuid().ToString("N");
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString();
        var key = Convert.FromBase64String(secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret[6..] : secret);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));
        return request =>
        {
            request.Headers.Add("webhook-id", id);
            request.Headers.Add("webhook-timestamp", timestamp);
            request.Headers.Add("webhook-signature", $"v1,{signature}");
        };
    }

    public static string NewSigningSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>A body of unknown length: sent chunked, without Content-Length.</summary>
    public sealed class ChunkedContent(byte[] body, int chunk = 8 * 1024) : HttpContent
    {
        public ChunkedContent(string body) : this(Encoding.UTF8.GetBytes(body)) { }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var i = 0; i < body.Length; i += chunk)
            {
                await stream.WriteAsync(body.AsMemory(i, Math.Min(chunk, body.Length - i)));
                await stream.FlushAsync();
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
