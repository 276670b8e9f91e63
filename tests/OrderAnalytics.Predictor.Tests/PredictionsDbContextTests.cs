using Microsoft.EntityFrameworkCore;
using OrderAnalytics.Data;
using OrderAnalytics.Data.Predictions;

namespace OrderAnalytics.Predictor.Tests;

/// <summary>The predictions schema lives beside the main one with its own migrations and history table.</summary>
[Collection(PredictorCollection.Name)]
public sealed class PredictionsDbContextTests(PredictorFixture fixture)
{
    [Fact]
    public async Task MigrateAsync_MainSchemaMigrated_CreatesModelRunsWithItsOwnHistory()
    {
        Assert.Equal("jsonb", await fixture.ScalarAsync<string>(
            "SELECT data_type FROM information_schema.columns WHERE table_name = 'model_runs' AND column_name = 'results'"));
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            $"SELECT count(*) FROM \"{PredictionsDbContext.MigrationsHistoryTable}\" h WHERE to_jsonb(h)::text LIKE '%_InitialPredictions%'"));
        Assert.Equal(0L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM \"__EFMigrationsHistory\" h WHERE to_jsonb(h)::text LIKE '%Predictions%'"));
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM pg_indexes WHERE tablename = 'model_runs' AND indexdef LIKE '%(model, restaurant_id, trained_at DESC)%'"));
    }

    [Fact]
    public async Task MigrateAsync_AlreadyMigrated_ChangesNothing()
    {
        await PredictionsDbContext.MigrateAsync(fixture.ConnectionString);

        Assert.Equal(1L, await fixture.ScalarAsync<long>($"SELECT count(*) FROM \"{PredictionsDbContext.MigrationsHistoryTable}\""));
    }

    [Fact]
    public void Model_MainContext_LeavesModelRunsOut()
    {
        using var main = new DesignTimeFactory().CreateDbContext([]);
        using var predictions = new PredictionsDesignTimeFactory().CreateDbContext([]);

        Assert.Null(main.Model.FindEntityType(typeof(ModelRun)));
        Assert.Equal("model_runs", predictions.Model.FindEntityType(typeof(ModelRun))!.GetTableName());
        Assert.Single(predictions.Model.GetEntityTypes());
    }
}
