using Microsoft.EntityFrameworkCore;
using OrderAnalytics.Data.Predictions;

namespace OrderAnalytics.Predictor;

/// <summary>Writes model_runs (one row per model as soon as it finishes) and prunes the results of old runs.</summary>
public sealed class PredictionStore(IDbContextFactory<PredictionsDbContext> contexts)
{
    public async Task SaveAsync(ModelRun run, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.ModelRuns.Add(run);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Clears the results of all but the newest <paramref name="keep"/> runs per model and restaurant that still have
    /// results. Their metrics stay, so accuracy can be followed over time. Returns the rows cleared.
    /// </summary>
    public async Task<int> PruneResultsAsync(int keep, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE model_runs SET results = NULL
            WHERE id IN (
                SELECT id FROM (
                    SELECT id, row_number() OVER (PARTITION BY model, restaurant_id ORDER BY trained_at DESC, id DESC) AS rn
                    FROM model_runs WHERE results IS NOT NULL) ranked
                WHERE rn > {keep})
            """, ct);
    }
}
