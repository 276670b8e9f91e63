using System.Text.Json.Nodes;
using OrderAnalytics.Contracts;

namespace OrderAnalytics.Orders.Tests;

/// <summary>Loads the JSON fixtures and builds variations of them.</summary>
internal static class Fixture
{
    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static JsonObject Node(string name) => JsonNode.Parse(Text(name))!.AsObject();

    /// <summary>The properties object of an envelope fixture (or of a bare callback).</summary>
    public static JsonObject Properties(JsonObject root) =>
        root.ContainsKey("raw_event")
            ? root["raw_event"]!["raw_payload"]!["properties"]!.AsObject()
            : root["properties"]!.AsObject();

    public static JsonObject Order(JsonObject root) => Properties(root)["Order"]!.AsObject();

    public static JsonObject Item(JsonObject root, int index) => Properties(root)["OrderItem"]![index]!.AsObject();

    /// <summary>The fixture with a change applied.</summary>
    public static string Mutate(string name, Action<JsonObject> change)
    {
        var root = Node(name);
        change(root);
        return root.ToJsonString();
    }

    public static RawOrderEvent Raw(string payload, long? streamId = null, string eventId = "evt-test") =>
        new(eventId, streamId, EventSources.Backfill, new DateTimeOffset(2025, 6, 9, 0, 0, 0, TimeSpan.Zero), payload);

    public static RawOrderEvent RawFile(string name) => Raw(Text(name));
}

/// <summary>A fixed clock for the cleaning rules.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public static readonly DateTimeOffset DefaultNow = new(2025, 9, 1, 6, 0, 0, TimeSpan.Zero);

    public FixedTime() : this(DefaultNow)
    {
    }

    public override DateTimeOffset GetUtcNow() => now;
}

internal static class Parse
{
    private static readonly OrderEventParser Parser = new();

    public static ParseResult Payload(string payload) => Parser.Parse(Fixture.Raw(payload));

    public static OrderData Order(string payload)
    {
        var r = Payload(payload);
        Assert.True(r.IsOrder, $"expected an order, got {r.Outcome}: {r.Reason}");
        return r.Order!;
    }

    public static string Quarantined(string payload)
    {
        var r = Payload(payload);
        Assert.True(r.IsQuarantined, $"expected a quarantine, got {r.Outcome}");
        Assert.Null(r.Order);
        Assert.Null(r.Status);
        return r.Reason!;
    }
}
