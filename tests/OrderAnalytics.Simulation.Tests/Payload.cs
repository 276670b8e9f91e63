using System.Globalization;
using System.Text.Json;

namespace OrderAnalytics.Simulation.Tests;

/// <summary>Test-side reader of an envelope: independent of the simulator's internals.</summary>
internal sealed class Payload : IDisposable
{
    private readonly JsonDocument _envelope;
    private readonly JsonDocument? _inner;

    private Payload(JsonDocument envelope, JsonDocument? inner, JsonElement rawEvent, bool rawIsString)
    {
        _envelope = envelope;
        _inner = inner;
        RawEvent = rawEvent;
        RawEventIsString = rawIsString;
    }

    public JsonElement Envelope => _envelope.RootElement;
    public JsonElement RawEvent { get; }
    public bool RawEventIsString { get; }

    public static Payload Parse(string json)
    {
        var doc = JsonDocument.Parse(json);
        var raw = doc.RootElement.GetProperty("raw_event");
        if (raw.ValueKind == JsonValueKind.String)
        {
            var inner = JsonDocument.Parse(raw.GetString()!);
            return new Payload(doc, inner, inner.RootElement, true);
        }
        return new Payload(doc, null, raw, false);
    }

    public JsonElement RawPayload => RawEvent.GetProperty("raw_payload");
    public JsonElement Properties => RawPayload.GetProperty("properties");
    public JsonElement Order => Properties.GetProperty("Order");

    public bool IsPull => Order.GetProperty("orderID").ValueKind == JsonValueKind.String;

    public static decimal Dec(JsonElement e) => e.ValueKind == JsonValueKind.String
        ? decimal.Parse(e.GetString()!, NumberStyles.Number, CultureInfo.InvariantCulture)
        : e.GetDecimal();

    public decimal OrderMoney(string webhookName)
    {
        var name = IsPull && webhookName == "packaging_charge" ? "container_charges" : webhookName;
        return Dec(Order.GetProperty(name));
    }

    public IEnumerable<JsonElement> Items => Properties.GetProperty("OrderItem").EnumerateArray();

    public decimal ItemTax(JsonElement item) => Dec(item.GetProperty(IsPull ? "total_tax" : "tax"));

    public decimal ItemDiscount(JsonElement item) => Dec(item.GetProperty(IsPull ? "total_discount" : "discount"));

    public void Dispose()
    {
        _inner?.Dispose();
        _envelope.Dispose();
    }
}

/// <summary>Streams shared by several test classes (built once; generation is deterministic).</summary>
internal static class Streams
{
    private static readonly Lazy<OrderStream> LazyDefault = new(() => new OrderStream(new SimulationOptions()));
    private static readonly Lazy<IReadOnlyList<SimulatedEvent>> LazyDefaultEvents = new(() => LazyDefault.Value.ReadAll().ToList());

    /// <summary>Default options: one outlet, 2025, scale 1 (~10K orders, ~33K events).</summary>
    public static OrderStream Default => LazyDefault.Value;

    public static IReadOnlyList<SimulatedEvent> DefaultEvents => LazyDefaultEvents.Value;

    public static SimulationOptions Small(int seed = 42, int days = 20, double scale = 1, int restaurants = 1) =>
        new() { Seed = seed, Days = days, Scale = scale, Restaurants = restaurants };
}
