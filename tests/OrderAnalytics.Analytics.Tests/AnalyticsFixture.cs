using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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
/// One PostgreSQL with one database filled from 60 simulated days of two outlets (through the real parser, cleaner,
/// matcher and loader), and the analytics service serving it in-process on a free loopback port with known keys.
/// </summary>
public sealed class AnalyticsFixture : IAsyncLifetime
{
    public const string AdminKey = "analytics-tests-admin-key-0123456789";
    public const string AnalystKey = "analytics-tests-analyst-key-012345678";

    public static readonly SimulationOptions Simulation = new() { Days = 60, Restaurants = 2, Seed = 7 };

    private readonly PostgresServer _server = new();
    private WebApplication? _app;

    public OrderStream Stream { get; } = new(Simulation);
    public NpgsqlDataSource DataSource { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _server.InitializeAsync();
        DataSource = NpgsqlDataSource.Create(await _server.CreateDatabaseAsync());
        await SimulatedStore.LoadAsync(DataSource, Stream, Path.Combine(Repository.Root, "data", "cleaned_menu.csv"), batchSize: 500);
        await using (var analyze = DataSource.CreateCommand("ANALYZE")) await analyze.ExecuteNonQueryAsync();

        var port = Repository.FreePort();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Analytics:Auth:AdminKeys:0"] = AdminKey,
            ["Analytics:Auth:AnalystKeys:0"] = AnalystKey,
            ["Analytics:GraphQL:ExposeExceptionDetails"] = "true",
        });
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddSingleton(DataSource);
        builder.Services.AddAnalyticsApi(builder.Configuration);
        _app = builder.Build();
        _app.MapAnalyticsEndpoints();
        await _app.StartAsync();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public HttpClient Client(string? key = AnalystKey)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (key is not null) client.DefaultRequestHeaders.Add("X-API-Key", key);
        return client;
    }

    /// <summary>POSTs a query; returns the status and the parsed body (null when the body is not JSON).</summary>
    public async Task<(HttpStatusCode Status, JsonElement? Body)> PostAsync(string query, object? variables = null, string? key = AnalystKey)
    {
        using var client = Client(key);
        using var response = await client.PostAsJsonAsync("/graphql", new { query, variables });
        var text = await response.Content.ReadAsStringAsync();
        try { return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone()); }
        catch (JsonException) { return (response.StatusCode, null); }
    }

    /// <summary>Runs a query that must succeed; returns its "data".</summary>
    public async Task<JsonElement> DataAsync(string query, object? variables = null, string key = AnalystKey)
    {
        var (status, body) = await PostAsync(query, variables, key);
        Assert.True(status == HttpStatusCode.OK && body is { } b && !b.TryGetProperty("errors", out _),
            $"{status}: {body?.ToString() ?? "(no JSON body)"}");
        return body!.Value.GetProperty("data");
    }

    public async Task<T?> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        foreach (var p in parameters) cmd.Parameters.Add(new NpgsqlParameter { Value = p });
        var value = await cmd.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        if (DataSource is not null) await DataSource.DisposeAsync();
        await _server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AnalyticsCollection : ICollectionFixture<AnalyticsFixture>
{
    public const string Name = "analytics";
}

internal static class Json
{
    public static decimal Dec(this JsonElement e, string name) => e.GetProperty(name).GetDecimal();
    public static long Long(this JsonElement e, string name) => e.GetProperty(name).GetInt64();
    public static string Str(this JsonElement e, string name) => e.GetProperty(name).GetString()!;
    public static IEnumerable<JsonElement> Items(this JsonElement e, string name) => e.GetProperty(name).EnumerateArray();
}
