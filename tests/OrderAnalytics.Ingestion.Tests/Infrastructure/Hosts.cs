using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using OrderAnalytics.Fetcher;
using OrderAnalytics.Simulation;
using OrderAnalytics.Simulator;
using OrderAnalytics.WebhookReceiver;

namespace OrderAnalytics.Ingestion.Tests.Infrastructure;

public static class Hosts
{
    /// <summary>Small and quick: about 700 events over 20 business days.</summary>
    public static readonly SimulationOptions SmallStream = new() { Seed = 7, Start = new DateOnly(2025, 3, 1), Days = 20, Scale = 1.0 };

    public static string NewKey() => OrderAnalytics.Testing.Repository.NewSecret();

    public static Task<TestApp> StartSimulatorAsync(string apiKey, SimulationOptions? stream = null, ITestOutputHelper? output = null,
        IDictionary<string, string?>? extra = null)
    {
        stream ??= SmallStream;
        var settings = new Dictionary<string, string?>
        {
            ["Simulator:ApiKey"] = apiKey,
            ["Simulator:Live:Enabled"] = "false",
            ["Simulator:Stream:Seed"] = stream.Seed.ToString(),
            ["Simulator:Stream:Start"] = stream.Start.ToString("yyyy-MM-dd"),
            ["Simulator:Stream:Days"] = stream.Days.ToString(),
            ["Simulator:Stream:Scale"] = stream.Scale.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Simulator:Stream:Restaurants"] = stream.Restaurants.ToString(),
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>()) settings[k] = v;
        return TestApp.StartAsync(settings, b => b.AddSimulator(), a => a.MapSimulatorEndpoints(), output);
    }

    public static Task<TestApp> StartFetcherAsync(IngestionInfrastructure infra, TestApp simulator, string apiKey, string source,
        ITestOutputHelper? output = null, IDictionary<string, string?>? extra = null)
    {
        var archive = Path.Combine(Path.GetTempPath(), "oa-test-archive-" + Guid.NewGuid().ToString("N")[..8]);
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:ordersdb"] = infra.Database,
            ["ConnectionStrings:messaging"] = infra.Rabbit.ConnectionString,
            ["Upstream:BaseUrl"] = new Uri(simulator.BaseAddress, "/analytics").ToString(),
            ["Upstream:ApiKey"] = apiKey,
            ["Fetcher:Source"] = source,
            ["Fetcher:PageSize"] = "50",
            ["Fetcher:SyncOnStart"] = "false",
            ["Fetcher:Interval"] = "01:00:00",
            ["Fetcher:InitialBackoff"] = "00:00:00.020",
            ["Fetcher:MaxBackoff"] = "00:00:00.200",
            ["Fetcher:ArchiveFolder"] = archive,
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>()) settings[k] = v;
        return TestApp.StartAsync(settings, b => b.AddFetcher(), a => a.MapFetcherEndpoints(), output, ownedFolder: archive);
    }

    public static Task<TestApp> StartWebhookAsync(string connectionString, IDictionary<string, string?> webhook, ITestOutputHelper? output = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:messaging"] = connectionString,
            ["Webhook:HandOffTimeout"] = "00:00:03",
        };
        foreach (var (k, v) in webhook) settings[k] = v;
        return TestApp.StartAsync(settings, b => b.AddWebhookReceiver(), a => a.MapWebhookEndpoints(), output);
    }

    /// <summary>PUT /simulator/faults (which also restarts the simulator's request count).</summary>
    public static async Task SetFaultsAsync(this TestApp simulator, string apiKey, FaultOptions faults)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/simulator/faults") { Content = JsonContent.Create(faults) };
        request.Headers.Add("X-API-Key", apiKey);
        using var response = await simulator.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    public static async Task<FaultStats> GetStatsAsync(this TestApp simulator, string apiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/simulator/stats");
        request.Headers.Add("X-API-Key", apiKey);
        using var response = await simulator.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<FaultStats>())!;
    }

    private static readonly Lazy<IReadOnlyList<SimulatedEvent>> SmallStreamEvents = new(() => new OrderStream(SmallStream).ReadAll().ToList());

    /// <summary>The source's events, from the same generator the simulator host serves.</summary>
    public static IReadOnlyList<SimulatedEvent> SourceEvents(SimulationOptions? stream = null) =>
        stream is null ? SmallStreamEvents.Value : new OrderStream(stream).ReadAll().ToList();
}
