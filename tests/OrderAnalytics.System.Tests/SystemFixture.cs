using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using OrderAnalytics.Testing;

namespace OrderAnalytics.System.Tests;

/// <summary>
/// One running system per test class: the AppHost in executables mode (the machine's PostgreSQL and RabbitMQ,
/// on free ports, data in a temp folder), a 30-day simulated stream, no live feed, keys known to the test.
/// Derived fixtures add or override settings through <see cref="Settings"/>.
/// </summary>
public class SystemFixture : IAsyncLifetime
{
    public const string AdminKey = "system-test-admin-key-0123456789";
    public const string WebhookKey = "system-test-webhook-key-012345678";
    public const string UpstreamKey = "system-test-upstream-key-01234567";
    public const int SimulatedDays = 30;

    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "oa-system-" + Guid.NewGuid().ToString("N")[..8]);
    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("not started");

    /// <summary>Where this system's PostgreSQL, RabbitMQ and fetcher archive keep their files (deleted on dispose).</summary>
    public string DataDir => _dataDir;

    /// <summary>AppHost settings on top of the defaults; a key given here wins over the default (the last value wins).</summary>
    protected virtual IEnumerable<string> Settings => [];

    /// <summary>The AMQP port of this system's RabbitMQ (and the Erlang port mapper's), for broker diagnostics.</summary>
    public int RabbitMqPort { get; } = Repository.FreePort();

    public int EpmdPort { get; } = Repository.FreePort();

    public async Task InitializeAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.OrderAnalytics_AppHost>(
        [
            "--Infrastructure:Mode=executables",
            $"--Infrastructure:DataDir={_dataDir}",
            $"--Infrastructure:PostgresPort={Repository.FreePort()}",
            $"--Infrastructure:RabbitMqPort={RabbitMqPort}",
            $"--Infrastructure:EpmdPort={EpmdPort}",
            "--Ports:Analytics=0", "--Ports:Webhook=0", "--Ports:Simulator=0", "--Ports:Fetcher=0",
            $"--Parameters:analytics-admin-key={AdminKey}",
            $"--Parameters:webhook-api-key={WebhookKey}",
            $"--Parameters:upstream-api-key={UpstreamKey}",
            $"--Simulator:Stream:Days={SimulatedDays}",
            "--Simulator:Live:Enabled=false",
            $"--Fetcher:ArchiveFolder={Path.Combine(_dataDir, "archive")}",
            .. Settings,
        ]);
        _app = await builder.BuildAsync();
        using var startup = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await _app.StartAsync(startup.Token);
        foreach (var service in new[] { "analytics", "webhook", "fetcher", "cleaner", "loader", "simulator" })
            await _app.ResourceNotifications.WaitForResourceHealthyAsync(service, startup.Token);
    }

    public HttpClient Client(string resource)
    {
        var client = App.CreateHttpClient(resource, "http");
        client.Timeout = TimeSpan.FromSeconds(30);
        return client;
    }

    /// <summary>Runs a GraphQL query as an admin; fails the test on GraphQL errors.</summary>
    public async Task<JsonElement> GraphQLAsync(string query, object? variables = null)
    {
        using var client = Client("analytics");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Add("X-API-Key", AdminKey);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (body.TryGetProperty("errors", out var errors)) Assert.Fail($"GraphQL errors: {errors}");
        return body.GetProperty("data");
    }

    /// <summary>Polls (every second unless told) until <paramref name="condition"/> holds or the time is up (the pipeline is asynchronous).</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, TimeSpan timeout, TimeSpan? every = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        T last;
        while (true)
        {
            last = await probe();
            if (condition(last) || DateTime.UtcNow > deadline) return last;
            await Task.Delay(every ?? TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>Stops the system; fails when PostgreSQL, RabbitMQ or epmd outlive it (after killing them, so the machine stays clean).</summary>
    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        var leftovers = await LeftoverProcesses.WaitForNoneAsync(_dataDir, TimeSpan.FromSeconds(30));
        if (leftovers.Count > 0) LeftoverProcesses.Kill(_dataDir);
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        if (leftovers.Count > 0)
            throw new InvalidOperationException("Processes outlived the AppHost:\n" + string.Join("\n", leftovers));
    }
}
