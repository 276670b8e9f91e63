using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrderAnalytics.Analytics.Predictions;
using OrderAnalytics.Data.Predictions;

namespace OrderAnalytics.Predictor.Tests;

/// <summary>The analytics side reads back what the training cycle stored.</summary>
[Collection(PredictorCollection.Name)]
public sealed class PredictionQueriesTests(PredictorFixture fixture)
{
    private PredictionQueries Queries => fixture.Services.GetRequiredService<PredictionQueries>();

    [Fact]
    public async Task LatestAsync_AfterCycle_ReadsEveryModelBack()
    {
        foreach (var model in PredictionModels.All)
        {
            var run = await Queries.LatestAsync(model, null, CancellationToken.None);

            Assert.NotNull(run);
            Assert.Equal(fixture.Cycle.CycleId, run.CycleId);
            Assert.Equal(model, run.Model);
            Assert.Equal(ModelRunStatus.Ok, run.Status);
            Assert.Null(run.RestaurantId);
            Assert.Null(run.Restaurant);
            Assert.False(string.IsNullOrEmpty(run.ModelVersion));
            Assert.NotNull(run.TrainingFrom);
            Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(run.MetricsJson).RootElement.ValueKind);
            if (model == PredictionModels.DeliveryTime) Assert.Null(run.ResultsJson);
            else Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(run.ResultsJson!).RootElement.ValueKind);
        }
    }

    [Fact]
    public async Task LatestAsync_OnlyRestaurant_FallsBackToTheRunForAll()
    {
        var restId = await fixture.ScalarAsync<string>("SELECT petpooja_restid FROM restaurants");

        var all = await Queries.LatestAsync(PredictionModels.Churn, null, CancellationToken.None);
        var one = await Queries.LatestAsync(PredictionModels.Churn, restId, CancellationToken.None);

        Assert.Equal(all!.Id, one!.Id);
    }

    [Fact]
    public async Task LatestAsync_UnknownRestaurant_ReturnsNull()
    {
        Assert.Null(await Queries.LatestAsync(PredictionModels.Churn, "no-such-restaurant", CancellationToken.None));
        Assert.Empty(await Queries.LatestPerModelAsync("no-such-restaurant", CancellationToken.None));
    }

    [Fact]
    public async Task LatestPerModelAsync_AfterCycle_ListsEveryModelInPredictorOrderWithoutResults()
    {
        var runs = await Queries.LatestPerModelAsync(null, CancellationToken.None);

        Assert.Equal(PredictionModels.All, runs.Select(r => r.Model));
        Assert.All(runs, r => Assert.Null(r.ResultsJson));
        Assert.All(runs, r => Assert.Equal(fixture.Cycle.CycleId, r.CycleId));
    }

    [Fact]
    public async Task LatestAsyncTyped_DemandOrders_DeserialisesMetricsAndResults()
    {
        var run = await Queries.LatestAsync<DemandForecastMetrics, DemandForecastResults>(PredictionModels.DemandOrders, null, CancellationToken.None);

        Assert.Equal("orders", run!.Metrics!.Series);
        Assert.Equal("ridge-calendar", run.Metrics.Backtest!.Model!.Method);
        Assert.Equal("seasonal-naive", run.Metrics.Backtest.SeasonalNaive!.Method);
        Assert.Equal(14, run.Results!.Points.Count);
    }
}
