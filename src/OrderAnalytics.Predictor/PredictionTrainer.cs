using System.Diagnostics;
using Microsoft.Extensions.Options;
using OrderAnalytics.Data.Predictions;
using OrderAnalytics.Predictions;

namespace OrderAnalytics.Predictor;

/// <summary>One stored model run, as the cycle reports it (figures only, no personal data).</summary>
public sealed record ModelRunReport(string Model, long? RestaurantId, string Status, string? Message, int DurationMs, string Summary);

public sealed record TrainingCycleReport(Guid CycleId, DateTimeOffset StartedAt, TimeSpan Duration, IReadOnlyList<ModelRunReport> Runs)
{
    public int Failed => Runs.Count(r => r.Status == ModelRunStatus.Failed);
}

/// <summary>
/// One training cycle: for all restaurants together (and for each restaurant when there are several), run every model on
/// the data up to the last complete business day and store one model_runs row per model. A model that throws is stored
/// as failed with its error; the others still run.
/// </summary>
public sealed class PredictionTrainer(
    OrderStoreReader reader,
    PredictionStore store,
    IOptions<PredictorOptions> options,
    TimeProvider time,
    ILogger<PredictionTrainer> logger)
{
    private static readonly ActivitySource Activity = new("OrderAnalytics");
    private static readonly TimeSpan IstOffset = new(5, 30, 0);

    public async Task<TrainingCycleReport> RunCycleAsync(CancellationToken ct)
    {
        var o = options.Value;
        var cycle = Guid.NewGuid();
        var started = time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        using var activity = Activity.StartActivity("Train prediction models");

        var restaurants = await reader.RestaurantsAsync(ct);
        var scopes = new List<long?> { null };
        if (o.PerRestaurant && restaurants.Count > 1) scopes.AddRange(restaurants.Select(r => (long?)r));
        var models = o.Models.Length == 0 ? Models.All : Models.All.Where(m => o.Models.Contains(m.Name)).ToList();
        logger.LogInformation("Training cycle {CycleId}: {Scopes} scope(s), {Models} models each", cycle, scopes.Count, models.Count);

        var runs = new List<ModelRunReport>();
        foreach (var restaurant in scopes)
        {
            var window = await WindowAsync(restaurant, o, ct);
            var inputs = window is null ? null : new TrainingInputs(reader, restaurant, window, o);
            foreach (var model in models)
            {
                ct.ThrowIfCancellationRequested();
                runs.Add(await RunModelAsync(cycle, model, restaurant, window, inputs, ct));
            }
        }

        var pruned = await store.PruneResultsAsync(o.KeepResults, ct);
        var report = new TrainingCycleReport(cycle, started, clock.Elapsed, runs);
        logger.LogInformation("Training cycle {CycleId} done in {Seconds:F1} s: {Ok} ok, {Insufficient} insufficient data, {Failed} failed; {Pruned} old results pruned",
            cycle, clock.Elapsed.TotalSeconds, runs.Count(r => r.Status == ModelRunStatus.Ok),
            runs.Count(r => r.Status == ModelRunStatus.InsufficientData), report.Failed, pruned);
        return report;
    }

    /// <summary>From HistoryDays back to the last business day with orders, but never the business day still in progress.</summary>
    private async Task<DataWindow?> WindowAsync(long? restaurant, PredictorOptions o, CancellationToken ct)
    {
        var last = await reader.LastBusinessDateAsync(restaurant, ct);
        if (last is null) return null;
        var now = time.GetUtcNow().UtcDateTime + IstOffset - TimeSpan.FromHours(5);
        var lastComplete = DateOnly.FromDateTime(now).AddDays(-1);
        var to = last.Value < lastComplete ? last.Value : lastComplete;
        return new DataWindow(to.AddDays(1 - o.HistoryDays), to);
    }

    private async Task<ModelRunReport> RunModelAsync(Guid cycle, PredictionModel model, long? restaurant, DataWindow? window,
        TrainingInputs? inputs, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        ModelOutcome outcome;
        if (inputs is null)
        {
            outcome = new ModelOutcome(model.Version, null, ModelRunStatus.InsufficientData,
                "Insufficient data: no Success orders in the store for this scope.", new { }, null, "no orders");
        }
        else
        {
            try
            {
                outcome = await model.Run(inputs, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                logger.LogError(ex, "Model {Model} failed (restaurant {Restaurant})", model.Name, Scope(restaurant));
                outcome = new ModelOutcome(model.Version, null, ModelRunStatus.Failed, $"{ex.GetType().Name}: {ex.Message}", new { }, null, "failed");
            }
        }

        int ms = (int)clock.ElapsedMilliseconds;
        var from = outcome.Window?.From ?? (outcome.Status == ModelRunStatus.Failed ? window?.From : null);
        var to = outcome.Window?.To ?? (outcome.Status == ModelRunStatus.Failed ? window?.To : null);
        await store.SaveAsync(new ModelRun
        {
            CycleId = cycle,
            Model = model.Name,
            ModelVersion = outcome.Version,
            RestaurantId = restaurant,
            TrainedAt = time.GetUtcNow(),
            TrainingFrom = from,
            TrainingTo = to,
            Status = outcome.Status,
            Message = outcome.Message,
            Metrics = PredictionJson.Serialize(outcome.Metrics),
            Results = outcome.Results is null ? null : PredictionJson.Serialize(outcome.Results),
            DurationMs = ms,
        }, ct);

        // a failed model was logged with its exception above
        if (outcome.Status == ModelRunStatus.Ok)
            logger.LogInformation("Model {Model} (restaurant {Restaurant}) trained in {Ms} ms on {From}..{To}: {Summary}",
                model.Name, Scope(restaurant), ms, Date(from), Date(to), outcome.Summary);
        else if (outcome.Status == ModelRunStatus.InsufficientData)
            logger.LogInformation("Model {Model} (restaurant {Restaurant}): {Status} in {Ms} ms: {Message}",
                model.Name, Scope(restaurant), outcome.Status, ms, outcome.Message);
        return new ModelRunReport(model.Name, restaurant, outcome.Status, outcome.Message, ms, outcome.Summary);
    }

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "-";

    private static string Scope(long? restaurant) => restaurant?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "all";
}
