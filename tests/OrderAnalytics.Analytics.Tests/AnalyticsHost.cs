using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using OrderAnalytics.Simulation;
using OrderAnalytics.Testing;

namespace OrderAnalytics.Analytics.Tests;

/// <summary>
/// What the API and browser fixtures both stand on: a real PostgreSQL with one database filled from a simulated stream
/// (through the real parser, cleaner, matcher and loader), and the analytics service in-process on a free loopback port
/// with known keys. Linked into the insights tests, as <see cref="SimulatedStore"/> is.
/// </summary>
public sealed class AnalyticsHost : IAsyncDisposable
{
    private readonly PostgresServer _server = new();
    private WebApplication? _app;

    private AnalyticsHost()
    {
    }

    public NpgsqlDataSource DataSource { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;

    /// <param name="webRoot">Static pages to serve (the built wwwroot), or null for the API alone.</param>
    public static async Task<AnalyticsHost> StartAsync(OrderStream stream, string adminKey, string analystKey, string? webRoot = null)
    {
        var host = new AnalyticsHost();
        try
        {
            await host.StartCoreAsync(stream, adminKey, analystKey, webRoot);
            return host;
        }
        catch
        {
            await host.DisposeAsync();   // no server left behind when the setup fails
            throw;
        }
    }

    private async Task StartCoreAsync(OrderStream stream, string adminKey, string analystKey, string? webRoot)
    {
        await _server.InitializeAsync();
        DataSource = NpgsqlDataSource.Create(await _server.CreateDatabaseAsync());
        await SimulatedStore.LoadAsync(DataSource, stream, Path.Combine(Repository.Root, "data", "cleaned_menu.csv"), batchSize: 500);
        await using (var analyze = DataSource.CreateCommand("ANALYZE")) await analyze.ExecuteNonQueryAsync();

        var port = Repository.FreePort();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production",
            ContentRootPath = webRoot is null ? null : Path.GetDirectoryName(webRoot),
            WebRootPath = webRoot,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Analytics:Auth:AdminKeys:0"] = adminKey,
            ["Analytics:Auth:AnalystKeys:0"] = analystKey,
            ["Analytics:GraphQL:ExposeExceptionDetails"] = "true",
        });
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddSingleton(DataSource);
        builder.Services.AddAnalyticsApi(builder.Configuration);
        _app = builder.Build();
        _app.MapAnalyticsEndpoints();
        await _app.StartAsync();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        if (DataSource is not null) await DataSource.DisposeAsync();
        await _server.DisposeAsync();
    }
}
