using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OrderAnalytics.Contracts;

namespace OrderAnalytics.WebhookReceiver;

/// <summary>What a POST body turned out to be: events to hand off, the token it carried, or why it is rejected.</summary>
public sealed record WebhookRead(IReadOnlyList<RawOrderEvent> Events, string? Token, string? Error);

/// <summary>
/// Accepts the envelope as the Django server relays it (one object or an array) and the bare PetPooja callback
/// ({"event","token"|"Token","properties"}), which gets a synthesised envelope. Only what routing needs is checked
/// here (JSON, an order id); the cleaner does the full parse and quarantines what it cannot use. Each event keeps its
/// exact original text. Whatever the body, the answer is a <see cref="WebhookRead"/>, never an exception.
/// </summary>
public static class WebhookPayload
{
    /// <summary>Real events nest about ten levels; anything deeper is rejected before it costs anything.</summary>
    public const int MaxDepth = 64;

    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = MaxDepth };

    public static WebhookRead Read(ReadOnlyMemory<byte> body, string? idempotencyKey, DateTimeOffset receivedAt)
    {
        if (body.Span.StartsWith("\xEF\xBB\xBF"u8)) body = body[3..];   // a UTF-8 BOM is not JSON, but harmless
        try
        {
            using var doc = JsonDocument.Parse(body, ParseOptions);
            return Read(doc.RootElement, idempotencyKey, receivedAt);
        }
        catch (JsonException ex) { return Fail($"malformed JSON: {FirstLine(ex.Message)}"); }
        // Valid JSON whose strings cannot become .NET text (e.g. an escaped lone surrogate) is still not usable.
        catch (InvalidOperationException ex) { return Fail($"malformed JSON: {FirstLine(ex.Message)}"); }
        catch (ArgumentException ex) { return Fail($"malformed JSON: {FirstLine(ex.Message)}"); }
    }

    private static WebhookRead Read(JsonElement root, string? idempotencyKey, DateTimeOffset receivedAt)
    {
        var items = root.ValueKind switch
        {
            JsonValueKind.Array => root.EnumerateArray().ToList(),
            JsonValueKind.Object => [root],
            _ => [],
        };
        if (items.Count == 0) return Fail("expected an event object, an array of events or a PetPooja callback");

        var events = new List<RawOrderEvent>(items.Count);
        string? token = null;
        for (var i = 0; i < items.Count; i++)
        {
            var where = root.ValueKind == JsonValueKind.Array ? $"[{i}]: " : "";
            var item = items[i];
            if (item.ValueKind != JsonValueKind.Object) return Fail($"{where}not an object");
            var text = item.GetRawText();   // the exact original bytes of this event
            if (item.TryGetProperty("raw_event", out _) || item.TryGetProperty("stream_id", out _))
            {
                var payload = RawPayload(item);
                if (OrderIdOf(item, payload) is null) return Fail($"{where}missing order id (aggregate_id or properties.Order.orderID)");
                token ??= TokenOf(payload);
                var eventId = Text(item, "event_id") is { Length: > 0 } given ? given : DeterministicId(idempotencyKey, text);
                long? streamId = item.TryGetProperty("stream_id", out var sid) && sid.ValueKind == JsonValueKind.Number
                    && sid.TryGetInt64(out var n) ? n : null;
                events.Add(new RawOrderEvent(eventId, streamId, EventSources.Webhook, receivedAt, text));
            }
            else if (Child(item, "properties") is { ValueKind: JsonValueKind.Object })
            {
                if (OrderIdOf(null, item) is not { } orderId) return Fail($"{where}missing order id (properties.Order.orderID)");
                token ??= TokenOf(item);
                var eventId = DeterministicId(idempotencyKey, text);
                var kind = Text(item, "event") is { Length: > 0 } e ? e : "orderdetails";
                events.Add(new RawOrderEvent(eventId, null, EventSources.Webhook, receivedAt,
                    Synthesise(text, eventId, orderId, kind, receivedAt)));
            }
            else
            {
                return Fail($"{where}neither an event envelope (raw_event) nor a PetPooja callback (properties)");
            }
        }
        return new WebhookRead(events, token, null);
    }

    private static WebhookRead Fail(string error) => new([], null, error);

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length > 200 ? line[..200] + "…" : line;
    }

    private static JsonElement? Child(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var value) ? value : null;

    private static string? Text(JsonElement? parent, string name) =>
        Child(parent, name) is { ValueKind: JsonValueKind.String } s ? s.GetString() : null;

    /// <summary>raw_event.raw_payload, where raw_event may be an object or a JSON string holding one.</summary>
    private static JsonElement? RawPayload(JsonElement envelope)
    {
        var raw = Child(envelope, "raw_event");
        if (raw is { ValueKind: JsonValueKind.String } s)
        {
            try
            {
                // Cloned, so it outlives this nested document.
                using var inner = JsonDocument.Parse(s.GetString() ?? "", ParseOptions);
                raw = inner.RootElement.Clone();
            }
            catch (JsonException) { return null; }   // a truncated raw_event: the cleaner quarantines it
        }
        return Child(raw, "raw_payload") is { ValueKind: JsonValueKind.Object } payload ? payload : null;
    }

    /// <summary>aggregate_id, else properties.Order.orderID (webhook/pull orders), else properties.orderID (status callbacks).</summary>
    private static string? OrderIdOf(JsonElement? envelope, JsonElement? payload)
    {
        var properties = Child(payload, "properties");
        foreach (var candidate in new[] { Child(envelope, "aggregate_id"), Child(Child(properties, "Order"), "orderID"), Child(properties, "orderID") })
        {
            var id = candidate switch
            {
                { ValueKind: JsonValueKind.String } s => s.GetString(),
                { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
                _ => null,
            };
            if (!string.IsNullOrWhiteSpace(id)) return id;
        }
        return null;
    }

    private static string? TokenOf(JsonElement? payload) =>
        Text(payload, "token") is { Length: > 0 } token ? token : Text(payload, "Token") is { Length: > 0 } other ? other : null;

    /// <summary>Same body (and idempotency key) → same id, so a retried POST is recognised downstream.</summary>
    public static string DeterministicId(string? idempotencyKey, string body)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{idempotencyKey}\n{body}"));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }

    /// <summary>The envelope the Django server would have stored, with the callback's original text as raw_payload.</summary>
    private static string Synthesise(string callback, string eventId, string orderId, string kind, DateTimeOffset receivedAt)
    {
        var buffer = new ArrayBufferWriter<byte>(callback.Length + 256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNull("stream_id");
            w.WriteString("event_id", eventId);
            w.WriteString("aggregate_type", "order");
            w.WriteString("aggregate_id", orderId);
            w.WriteString("event_type", kind);
            w.WriteString("occurred_at", receivedAt.ToUniversalTime().ToString("O"));
            w.WriteStartObject("raw_event");
            w.WriteString("source", "petpooja");
            w.WriteNull("command_id");
            w.WritePropertyName("raw_payload");
            w.WriteRawValue(callback, skipInputValidation: true);   // parsed above: valid, and kept byte for byte
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
