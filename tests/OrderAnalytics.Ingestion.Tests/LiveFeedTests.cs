using System.Text.Json;
using OrderAnalytics.Ingestion.Tests.Infrastructure;

namespace OrderAnalytics.Ingestion.Tests;

/// <summary>The simulator's real-time mode: events are stored as they happen and relayed to the webhook receiver.</summary>
[Collection(BrokerCollection.Name)]
public sealed class LiveFeedTests(IngestionInfrastructure infra, ITestOutputHelper output)
{
    private readonly string _key = Hosts.NewKey();
    private readonly long _backfillLast = Hosts.SourceEvents()[^1].StreamId;

    private static Dictionary<string, string?> Live(string webhookUrl, string webhookKey) => new()
    {
        ["Simulator:Live:Enabled"] = "true",
        ["Simulator:Live:WebhookUrl"] = webhookUrl,
        ["Simulator:Live:WebhookKey"] = webhookKey,
        ["Simulator:Live:ClockSpeed"] = "20000",    // the night before opening passes in a couple of seconds
        ["Simulator:Live:Scale"] = "5",
        ["Simulator:Live:RetryDelayFactor"] = "0.01",
    };

    /// <summary>The live part of the stream as the backfill API serves it (first page).</summary>
    private async Task<List<JsonElement>> LiveEventsAsync(TestApp simulator)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/analytics/orders/?limit=500&cursor={_backfillLast}");
        request.Headers.Add("X-API-Key", _key);
        using var response = await simulator.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("data").EnumerateArray()
            .Select(e => e.Clone()).ToList();
    }

    [Fact]
    public async Task LiveFeed_WebhookDown_StreamKeepsGrowing()
    {
        var nowhere = $"http://127.0.0.1:{OrderAnalytics.Testing.Repository.FreePort()}/webhooks/petpooja";
        await using var simulator = await Hosts.StartSimulatorAsync(_key, output: output, extra: Live(nowhere, "k"));

        var deadline = DateTime.UtcNow.AddSeconds(60);
        List<JsonElement> live;
        do live = await LiveEventsAsync(simulator);
        while (live.Count < 20 && DateTime.UtcNow < deadline && await Pause());

        Assert.True(live.Count >= 20, $"only {live.Count} live events in 60 s");
        Assert.Equal(Enumerable.Range(1, live.Count).Select(i => _backfillLast + i), live.Select(e => e.GetProperty("stream_id").GetInt64()));
    }

    [Fact]
    public async Task LiveFeed_ToWebhookReceiver_RelaysEveryEventInOrderVerbatim()
    {
        var webhookKey = Hosts.NewKey();
        await using var sink = await EventSink.StartAsync(infra.Rabbit.ConnectionString);
        await using var receiver = await Hosts.StartWebhookAsync(infra.Rabbit.ConnectionString,
            new Dictionary<string, string?> { ["Webhook:ApiKeys:0"] = webhookKey }, output);
        await using var simulator = await Hosts.StartSimulatorAsync(_key, output: output,
            extra: Live(new Uri(receiver.BaseAddress, Webhooks.Path).ToString(), webhookKey));

        var received = await sink.WaitAsync(events => events.Count >= 20, TimeSpan.FromSeconds(60), TimeSpan.Zero);
        var served = (await LiveEventsAsync(simulator)).ToDictionary(e => e.GetProperty("stream_id").GetInt64(), e => e.GetRawText());

        Assert.True(received.Count >= 20, $"only {received.Count} relayed in 60 s");
        var ids = received.Select(e => e.StreamId!.Value).ToList();
        Assert.Equal(Enumerable.Range(1, ids.Count).Select(i => _backfillLast + i), ids);   // in order, none skipped
        Assert.All(received.Where(e => served.ContainsKey(e.StreamId!.Value)), e => Assert.Equal(served[e.StreamId!.Value], e.Payload));
    }

    private static async Task<bool> Pause()
    {
        await Task.Delay(200);
        return true;
    }
}
