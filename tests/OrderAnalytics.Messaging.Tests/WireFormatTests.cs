using System.Text.Json;
using MassTransit.Serialization;
using OrderAnalytics.Contracts;

namespace OrderAnalytics.Messaging.Tests;

/// <summary>Raw payloads cross the bus as base64 of their UTF-8 bytes, and come back exactly as they were.</summary>
public sealed class WireFormatTests
{
    private static readonly JsonSerializerOptions Options = WireFormat.Compact(new JsonSerializerOptions(SystemTextJsonMessageSerializer.Options));

    [Theory]
    [InlineData("""{"event":"orderdetails","raw_event":"{\"source\":\"petpooja\",\"Token\":\"\"}"}""")]
    [InlineData("""{"name":"Dach & Nona – Kaju Katli ✓ 🍨","address":"Sector 29, Gurugram"}""")]
    [InlineData("not json at all")]
    [InlineData("")]
    public void RawOrderEvent_RoundTrip_KeepsThePayloadExactly(string payload)
    {
        var raw = new RawOrderEvent("e-1", 7, EventSources.Webhook, DateTimeOffset.UnixEpoch, payload);

        var json = JsonSerializer.Serialize(raw, Options);

        Assert.Equal(payload, JsonSerializer.Deserialize<RawOrderEvent>(json, Options)!.Payload);
    }

    [Fact]
    public void RawOrderEvent_Serialized_CarriesThePayloadUnescaped()
    {
        var payload = """{"raw_event":"{\"source\":\"petpooja\"}"}""";

        var json = JsonSerializer.Serialize(new RawOrderEvent("e-1", 7, EventSources.Webhook, DateTimeOffset.UnixEpoch, payload), Options);

        Assert.DoesNotContain('\\', json);
        Assert.Contains(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(payload)), json);
    }

    [Fact]
    public void RawOrderEvent_WithPlainTextPayloadFromAnOlderWriter_ReadsTheText()
    {
        const string older = """{"eventId":"e-1","streamId":7,"source":"webhook","receivedAt":"1970-01-01T00:00:00+00:00","payload":"{\"orderID\":1}"}""";

        Assert.Equal("""{"orderID":1}""", JsonSerializer.Deserialize<RawOrderEvent>(older, Options)!.Payload);
    }

    [Fact]
    public void Messages_Serialized_AreCompact()
    {
        var batch = new OrderEventsCleaned(Guid.Empty, [new CleanedEvent(
            new RawOrderEvent("e-1", null, EventSources.Webhook, DateTimeOffset.UnixEpoch, "{}"), EventOutcomes.Quarantined, Reason: "x < y & z")]);

        var json = JsonSerializer.Serialize(batch, Options);

        Assert.DoesNotContain('\n', json);
        Assert.DoesNotContain("null", json);
        Assert.Contains("x < y & z", json);
    }
}
