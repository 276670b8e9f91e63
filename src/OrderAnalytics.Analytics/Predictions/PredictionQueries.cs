using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using OrderAnalytics.Data.Predictions;

namespace OrderAnalytics.Analytics.Predictions;

/// <summary>One stored model run (a model_runs row), its metrics and results still as the stored JSON.</summary>
public sealed record StoredRun(
    long Id,
    Guid CycleId,
    string Model,
    string ModelVersion,
    long? RestaurantId,
    string? Restaurant,
    DateTimeOffset TrainedAt,
    DateOnly? TrainingFrom,
    DateOnly? TrainingTo,
    string Status,
    string? Message,
    int DurationMs,
    string MetricsJson,
    string? ResultsJson);

/// <summary>A stored run with its metrics and results read into the records the predictor wrote.</summary>
public sealed record Prediction<TMetrics, TResults>(StoredRun Run, TMetrics? Metrics, TResults? Results)
    where TMetrics : class where TResults : class;

/// <summary>
/// Reads what the predictor stored in model_runs: the latest run of a model, for all restaurants together or for one
/// (PetPooja restID). A store with a single restaurant is trained once, for all: asking for that restaurant returns that run.
/// </summary>
public sealed class PredictionQueries(NpgsqlDataSource db)
{
    private const string Columns = """
        m.id, m.cycle_id, m.model, m.model_version, m.restaurant_id, r.petpooja_restid, m.trained_at, m.training_from, m.training_to,
        m.status, m.message, m.duration_ms, m.metrics::text
        """;

    private static readonly Dictionary<string, int> ModelOrder =
        PredictionModels.All.Select((m, i) => (m, i)).ToDictionary(x => x.m, x => x.i, StringComparer.Ordinal);

    /// <summary>The latest run of <paramref name="model"/> (one of <see cref="PredictionModels"/>), or null when none is stored.</summary>
    public async Task<StoredRun?> LatestAsync(string model, string? restaurant, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            SELECT {Columns}, m.results::text
            FROM model_runs m
            LEFT JOIN restaurants r ON r.restaurant_id = m.restaurant_id
            WHERE m.model = $1 AND {ScopeCondition(restaurant)}
            ORDER BY {(string.IsNullOrEmpty(restaurant) ? "" : "(m.restaurant_id IS NULL), ")}m.trained_at DESC, m.id DESC
            LIMIT 1
            """);
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = model });
        if (!string.IsNullOrEmpty(restaurant)) cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = restaurant });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader, withResults: true) : null;
    }

    /// <summary>The latest run of <paramref name="model"/> with its metrics and results deserialised.</summary>
    public async Task<Prediction<TMetrics, TResults>?> LatestAsync<TMetrics, TResults>(string model, string? restaurant, CancellationToken ct)
        where TMetrics : class where TResults : class
    {
        var run = await LatestAsync(model, restaurant, ct);
        return run is null ? null : Typed<TMetrics, TResults>(run);
    }

    /// <summary>The latest run of every model (metrics, no results): what is trained, when, and how well.</summary>
    public async Task<IReadOnlyList<StoredRun>> LatestPerModelAsync(string? restaurant, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            SELECT DISTINCT ON (m.model) {Columns}
            FROM model_runs m
            LEFT JOIN restaurants r ON r.restaurant_id = m.restaurant_id
            WHERE {ScopeCondition(restaurant, first: 1)}
            ORDER BY m.model, (m.restaurant_id IS NULL), m.trained_at DESC, m.id DESC
            """);
        if (!string.IsNullOrEmpty(restaurant)) cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = restaurant });
        var runs = new List<StoredRun>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) runs.Add(Read(reader, withResults: false));
        // in the predictor's order (demand first), not alphabetically
        return runs.OrderBy(r => ModelOrder.GetValueOrDefault(r.Model, int.MaxValue)).ThenBy(r => r.Model, StringComparer.Ordinal).ToList();
    }

    public static Prediction<TMetrics, TResults> Typed<TMetrics, TResults>(StoredRun run) where TMetrics : class where TResults : class =>
        new(run, PredictionJson.Deserialize<TMetrics>(run.MetricsJson), PredictionJson.Deserialize<TResults>(run.ResultsJson));

    /// <summary>
    /// All restaurants: the runs trained on all together. One restaurant: its own runs, else - when it is the only restaurant -
    /// the runs for all (the predictor trains per restaurant only when there are several).
    /// </summary>
    private static string ScopeCondition(string? restaurant, int first = 2) => string.IsNullOrEmpty(restaurant)
        ? "m.restaurant_id IS NULL"
        : $"""
          (m.restaurant_id = (SELECT restaurant_id FROM restaurants WHERE petpooja_restid = ${first})
           OR (m.restaurant_id IS NULL AND (SELECT count(*) FROM restaurants) = 1
               AND EXISTS (SELECT 1 FROM restaurants WHERE petpooja_restid = ${first})))
          """;

    private static StoredRun Read(NpgsqlDataReader r, bool withResults) => new(
        r.GetInt64(0),
        r.GetGuid(1),
        r.GetString(2),
        r.GetString(3),
        r.IsDBNull(4) ? null : r.GetInt64(4),
        r.IsDBNull(5) ? null : r.GetString(5),
        r.GetFieldValue<DateTimeOffset>(6),
        r.IsDBNull(7) ? null : r.GetFieldValue<DateOnly>(7),
        r.IsDBNull(8) ? null : r.GetFieldValue<DateOnly>(8),
        r.GetString(9),
        r.IsDBNull(10) ? null : r.GetString(10),
        r.GetInt32(11),
        r.GetString(12),
        withResults && !r.IsDBNull(13) ? r.GetString(13) : null);
}

public static class PredictionServiceCollectionExtensions
{
    /// <summary>Registers <see cref="PredictionQueries"/> (needs an NpgsqlDataSource in the container).</summary>
    public static IServiceCollection AddPredictionQueries(this IServiceCollection services)
    {
        services.TryAddSingleton<PredictionQueries>();
        return services;
    }
}
