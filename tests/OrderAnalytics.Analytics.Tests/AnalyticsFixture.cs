using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using OrderAnalytics.Simulation;

namespace OrderAnalytics.Analytics.Tests;

/// <summary>
/// 60 simulated days of two outlets in a real PostgreSQL, served by the analytics service in-process (<see cref="AnalyticsHost"/>).
/// </summary>
public sealed class AnalyticsFixture : IAsyncLifetime
{
    public const string AdminKey = "analytics-tests-admin-key-0123456789";
    public const string AnalystKey = "analytics-tests-analyst-key-012345678";

    public static readonly SimulationOptions Simulation = new() { Days = 60, Restaurants = 2, Seed = 7 };

    private AnalyticsHost? _host;

    public OrderStream Stream { get; } = new(Simulation);
    public NpgsqlDataSource DataSource => _host!.DataSource;
    public Uri BaseAddress => _host!.BaseAddress;

    public async Task InitializeAsync() => _host = await AnalyticsHost.StartAsync(Stream, AdminKey, AnalystKey);

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
        if (_host is not null) await _host.DisposeAsync();
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
