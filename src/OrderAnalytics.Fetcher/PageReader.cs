using System.Globalization;
using System.Text.Json;

namespace OrderAnalytics.Fetcher;

/// <summary>
/// Reads <c>{"data": [...], "total"|"count": N}</c> (either count may be absent); each event's raw text is kept
/// untouched. A page whose events cannot all be placed in the stream (no numeric <c>stream_id</c>) is malformed:
/// paging past it could skip events, so the caller retries it instead.
/// </summary>
public static class PageReader
{
    public static bool TryRead(ReadOnlyMemory<byte> body, out UpstreamPage page, out string error)
    {
        page = new UpstreamPage([], null);
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
            {
                error = "no \"data\" array";
                return false;
            }
            long? total = TryCount(root, "total") ?? TryCount(root, "count");

            var events = new List<UpstreamEvent>(data.GetArrayLength());
            var index = 0;
            foreach (var e in data.EnumerateArray())
            {
                if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("stream_id", out var sid) || !TryLong(sid, out var streamId))
                {
                    error = $"event [{index}] has no numeric stream_id";
                    return false;
                }
                var eventId = e.TryGetProperty("event_id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
                DateTimeOffset? occurred = e.TryGetProperty("occurred_at", out var o) && o.ValueKind == JsonValueKind.String
                    && DateTimeOffset.TryParse(o.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
                events.Add(new UpstreamEvent(streamId, string.IsNullOrEmpty(eventId) ? null : eventId, occurred, e.GetRawText()));
                index++;
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
        catch (InvalidOperationException ex)   // e.g. a string with an invalid escape read as text
        {
            error = $"invalid JSON ({ex.Message})";
            return false;
        }
    }

    private static long? TryCount(JsonElement root, string name) =>
        root.TryGetProperty(name, out var t) && TryLong(t, out var n) ? n : null;

    private static bool TryLong(JsonElement e, out long value)
    {
        value = 0;
        return e.ValueKind switch
        {
            JsonValueKind.Number => e.TryGetInt64(out value),
            JsonValueKind.String => long.TryParse(e.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value),
            _ => false,
        };
    }
}
