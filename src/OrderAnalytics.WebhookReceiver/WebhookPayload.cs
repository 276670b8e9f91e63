using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrderAnalytics.Contracts;

namespace OrderAnalytics.WebhookReceiver;

/// <summary>What a POST body turned out to be: events to hand off, the token it carried, or why it is rejected.</summary>
public sealed record WebhookRead(IReadOnlyList<RawOrderEvent> Events, string? Token, string? Error);

/// <summary>
/// Accepts the envelope as the Django server relays it (one object or an array) and the bare PetPooja callback
/// ({"event","token"|"Token","properties"}), which gets a synthesised envelope. Only what routing needs is checked
/// here (JSON, an order id); the cleaner does the full parse and quarantines what it cannot use.
/// </summary>
public static class WebhookPayload
{
    public static WebhookRead Read(byte[] body, string? idempotencyKey, DateTimeOffset receivedAt)
    {
        JsonNode? root;
        try { root = JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { MaxDepth = 64 }); }
        catch (JsonException ex) { return Fail($"malformed JSON: {ex.Message}"); }

        var items = root switch
        {
            JsonArray array => array.ToList(),
            JsonObject => [root],
            _ => null,
        };
        if (items is null || items.Count == 0) return Fail("expected an event object, an array of events or a PetPooja callback");

        var events = new List<RawOrderEvent>(items.Count);
        string? token = null;
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not JsonObject item) return Fail($"[{i}]: not an object");
            var where = items.Count > 1 ? $"[{i}]: " : "";
            if (item.ContainsKey("raw_event") || item.ContainsKey("stream_id"))
            {
                var payload = RawPayload(item);
                if (OrderIdOf(item, payload) is null) return Fail($"{where}missing order id (aggregate_id or properties.Order.orderID)");
                token ??= TokenOf(payload);
                var text = items.Count == 1 ? Encoding.UTF8.GetString(body) : item.ToJsonString();
                var eventId = item["event_id"]?.GetValueKind() == JsonValueKind.String ? item["event_id"]!.GetValue<string>() : DeterministicId(idempotencyKey, text);
                long? streamId = item["stream_id"] is JsonValue v && v.TryGetValue<long>(out var sid) ? sid : null;
                events.Add(new RawOrderEvent(eventId, streamId, EventSources.Webhook, receivedAt, text));
            }
            else if (item["properties"] is JsonObject)
            {
                if (OrderIdOf(null, item) is not { } orderId) return Fail($"{where}missing order id (properties.Order.orderID)");
                token ??= TokenOf(item);
                var original = items.Count == 1 ? Encoding.UTF8.GetString(body) : item.ToJsonString();
                var eventId = DeterministicId(idempotencyKey, original);
                events.Add(new RawOrderEvent(eventId, null, EventSources.Webhook, receivedAt, Synthesise(item, eventId, orderId, receivedAt)));
            }
            else
            {
                return Fail($"{where}neither an event envelope (raw_event) nor a PetPooja callback (properties)");
            }
        }
        return new WebhookRead(events, token, null);
    }

    private static WebhookRead Fail(string error) => new([], null, error);

    /// <summary>raw_event.raw_payload, where raw_event may be an object or a JSON string holding one.</summary>
    private static JsonObject? RawPayload(JsonObject envelope)
    {
        var raw = envelope["raw_event"];
        if (raw is JsonValue s && s.TryGetValue<string>(out var text))
        {
            try { raw = JsonNode.Parse(text); } catch (JsonException) { return null; }
        }
        return raw?["raw_payload"] as JsonObject;
    }

    private static string? OrderIdOf(JsonObject? envelope, JsonObject? payload)
    {
        var fromEnvelope = envelope?["aggregate_id"]?.ToString();
        if (!string.IsNullOrWhiteSpace(fromEnvelope)) return fromEnvelope;
        var properties = payload?["properties"];
        var id = properties?["Order"]?["orderID"]?.ToString() ?? properties?["orderID"]?.ToString();
        return string.IsNullOrWhiteSpace(id) ? null : id;
    }

    private static string? TokenOf(JsonObject? payload)
    {
        var token = payload?["token"] ?? payload?["Token"];
        return token is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
    }

    /// <summary>Same body (and idempotency key) → same id, so a retried POST is recognised downstream.</summary>
    public static string DeterministicId(string? idempotencyKey, string body)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{idempotencyKey}\n{body}"));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }

    private static string Synthesise(JsonObject callback, string eventId, string orderId, DateTimeOffset receivedAt)
    {
        var kind = callback["event"]?.ToString() is { Length: > 0 } e ? e : "orderdetails";
        var envelope = new JsonObject
        {
            ["stream_id"] = null,
            ["event_id"] = eventId,
            ["aggregate_type"] = "order",
            ["aggregate_id"] = orderId,
            ["event_type"] = kind,
            ["occurred_at"] = receivedAt.ToUniversalTime().ToString("O"),
            ["raw_event"] = new JsonObject
            {
                ["source"] = "petpooja",
                ["command_id"] = null,
                ["raw_payload"] = callback.DeepClone(),
            },
        };
        return envelope.ToJsonString();
    }
}
