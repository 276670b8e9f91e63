using System.Text.Json;
using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderAnalytics.Analytics;
using OrderAnalytics.Analytics.GraphQL;
using OrderAnalytics.Analytics.Predictions;
using Xunit.Abstractions;

namespace OrderAnalytics.Predictor.Tests;

/// <summary>The GraphQL fields over the stored runs, with the analytics service's auto mappings and limits.</summary>
[Collection(PredictorCollection.Name)]
public sealed class PredictionFieldsTests(PredictorFixture fixture, ITestOutputHelper output)
{
    private const string RunFields = "model modelVersion trainedAt trainingWindow { from to days } status message restaurant durationMs";

    private static void AssertNoErrors(JsonElement response) =>
        Assert.False(response.TryGetProperty("errors", out var errors), errors.ToString());

    [Fact]
    public async Task ExecuteAsync_EveryPredictionField_ReturnsTheStoredRuns()
    {
        var response = await PredictorFixture.GraphQLAsync(fixture.Services, $$"""
            {
              demandForecast { {{RunFields}} series points { date horizon p10 p50 p90 }
                backtest { origins horizon model { method wape mase coverage80 } seasonalNaive { method wape } holtWinters { method wape }
                           wapeImprovementVsSeasonalNaive modelByHorizon { horizon wape } }
                fit { trainingDays calibrationWape yearlySeasonality } }
              hourlyForecast { {{RunFields}} points { date hour p50 } backtest { model { wape } seasonalNaive { wape } } calibrationWape }
              inventoryPlan { {{RunFields}} from to summary { itemsForecast recipeSource } totals { ingredient unit p50 p90 } daily { date ingredient p50 }
                              items { item variant p50 } itemsWithoutRecipe }
              rfmSegments { {{RunFields}} asOf summary { customers oneTimeCustomers } segments { segment customers share }
                            topCustomers(limit: 3) { pseudonym segment score recencyDays frequency monetary } }
              churn { {{RunFields}} asOf summary { customers repeatCustomers likelyChurned meanProbabilityAlive } fit { r alpha a b converged }
                      validation { aucProbabilityAlive aucProbabilityOfPurchase returnedInHoldout } atRisk(limit: 5) { pseudonym probabilityAlive repeatPurchases } }
              menuEngineering { {{RunFields}} summary { items stars plowhorses puzzles dogs } categories { category items popularityThreshold }
                                stars: items(class: STAR) { item variant class } items { class } underperformers { item class recommendation } }
              priceElasticity { {{RunFields}} summary { items estimated insufficientPriceVariation medianElasticity }
                                items { item variant status message elasticity ciLower ciUpper points }
                                flat: items(status: INSUFFICIENT_PRICE_VARIATION) { status message } }
              basketRules { {{RunFields}} summary { baskets rules } rules(limit: 10) { antecedent consequent orders support confidence lift }
                            combos { items lift } }
              deliveryTime { {{RunFields}} observations
                             accuracy { trainingCount holdoutCount modelMae medianBaselineMae maeImprovementVsMedian medianMinutes } }
              predictionRuns { model status modelVersion metricsJson }
            }
            """);

        AssertNoErrors(response);
        var data = response.GetProperty("data");
        foreach (var field in new[] { "demandForecast", "hourlyForecast", "inventoryPlan", "rfmSegments", "churn", "menuEngineering",
                     "priceElasticity", "basketRules", "deliveryTime" })
        {
            var run = data.GetProperty(field);
            Assert.Equal("OK", run.GetProperty("status").GetString());
            Assert.Equal("2025-01-01", run.GetProperty("trainingWindow").GetProperty("from").GetString());
            Assert.Equal(JsonValueKind.Null, run.GetProperty("restaurant").ValueKind);
        }
        var demand = data.GetProperty("demandForecast");
        Assert.Equal("orders", demand.GetProperty("series").GetString());
        Assert.Equal(14, demand.GetProperty("points").GetArrayLength());
        Assert.Equal("2025-05-01", demand.GetProperty("points")[0].GetProperty("date").GetString());
        Assert.True(demand.GetProperty("backtest").GetProperty("model").GetProperty("wape").GetDouble()
                    < demand.GetProperty("backtest").GetProperty("seasonalNaive").GetProperty("wape").GetDouble());
        Assert.Equal(3, data.GetProperty("rfmSegments").GetProperty("topCustomers").GetArrayLength());
        Assert.Equal(5, data.GetProperty("churn").GetProperty("atRisk").GetArrayLength());
        Assert.All(data.GetProperty("menuEngineering").GetProperty("stars").EnumerateArray(), i => Assert.Equal("STAR", i.GetProperty("class").GetString()));
        Assert.Contains(data.GetProperty("menuEngineering").GetProperty("items").EnumerateArray(), i => i.GetProperty("class").GetString() != "STAR");
        Assert.All(data.GetProperty("priceElasticity").GetProperty("flat").EnumerateArray(),
            i => Assert.StartsWith("Insufficient price variation", i.GetProperty("message").GetString()));
        Assert.True(data.GetProperty("basketRules").GetProperty("rules")[0].GetProperty("lift").GetDouble() > 0);
        var delivery = data.GetProperty("deliveryTime").GetProperty("accuracy");
        Assert.True(delivery.GetProperty("modelMae").GetDouble() < delivery.GetProperty("medianBaselineMae").GetDouble());
        Assert.Equal(10, data.GetProperty("predictionRuns").GetArrayLength());
        output.WriteLine(JsonSerializer.Serialize(data.GetProperty("deliveryTime")));
    }

    [Fact]
    public async Task ExecuteAsync_RevenueMeasure_ReturnsTheRevenueForecast()
    {
        var response = await PredictorFixture.GraphQLAsync(fixture.Services,
            "{ demandForecast(measure: REVENUE) { model series points { p50 } backtest { model { wape } holtWinters { wape } } } }");

        AssertNoErrors(response);
        var demand = response.GetProperty("data").GetProperty("demandForecast");
        Assert.Equal("demand_revenue", demand.GetProperty("model").GetString());
        Assert.Equal("revenue", demand.GetProperty("series").GetString());
        Assert.True(demand.GetProperty("points")[0].GetProperty("p50").GetDouble() > 1000);
    }

    [Fact]
    public async Task ExecuteAsync_NothingStored_ReturnsNullsAndNoRuns()
    {
        await using var db = await fixture.CreateStoreAsync(null);
        await using var services = PredictorFixture.BuildServices(db);

        var response = await PredictorFixture.GraphQLAsync(services, "{ demandForecast { status } churn { status } predictionRuns { model } }");

        AssertNoErrors(response);
        var data = response.GetProperty("data");
        Assert.Equal(JsonValueKind.Null, data.GetProperty("demandForecast").ValueKind);
        Assert.Equal(JsonValueKind.Null, data.GetProperty("churn").ValueKind);
        Assert.Equal(0, data.GetProperty("predictionRuns").GetArrayLength());
    }

    [Fact]
    public async Task ExecuteAsync_InsufficientData_ReturnsStatusMessageAndEmptyLists()
    {
        await using var db = await fixture.CreateStoreAsync(null);
        await using var services = PredictorFixture.BuildServices(db);
        await services.GetRequiredService<PredictionTrainer>().RunCycleAsync(CancellationToken.None);

        var response = await PredictorFixture.GraphQLAsync(services,
            "{ deliveryTime { status message accuracy { modelMae } } demandForecast { status message trainingWindow { from } points { p50 } } }");

        AssertNoErrors(response);
        var delivery = response.GetProperty("data").GetProperty("deliveryTime");
        Assert.Equal("INSUFFICIENT_DATA", delivery.GetProperty("status").GetString());
        Assert.StartsWith("Insufficient data", delivery.GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, delivery.GetProperty("accuracy").ValueKind);
        var demand = response.GetProperty("data").GetProperty("demandForecast");
        Assert.Equal(0, demand.GetProperty("points").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, demand.GetProperty("trainingWindow").ValueKind);
    }

    private static readonly HashSet<string> PredictionFieldNames =
    [
        "demandForecast", "hourlyForecast", "inventoryPlan", "rfmSegments", "churn", "menuEngineering",
        "priceElasticity", "basketRules", "deliveryTime", "predictionRuns",
    ];

    /// <summary>The analytics root query (which adds the prediction fields itself) must build one valid schema.</summary>
    [Fact]
    public void AddPredictionFields_OnTheAnalyticsQuery_BuildsOneSchemaWithoutNameClashes()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(Npgsql.NpgsqlDataSource.Create("Host=unused"));
        services.AddAnalyticsApi(new ConfigurationBuilder().Build());
        services.AddPredictionQueries();
        using var provider = services.BuildServiceProvider();

        var schema = provider.GetRequiredService<ISchema>();
        schema.Initialize();

        Assert.Equal(10, schema.Query.Fields.Count(f => PredictionFieldNames.Contains(f.Name)));
        var sdl = schema.Print(new PrintOptions { IncludeDescriptions = false });
        foreach (var field in new[] { "demandForecast(", "hourlyForecast(", "inventoryPlan(", "rfmSegments(", "churn(", "menuEngineering(",
                     "priceElasticity(", "basketRules(", "deliveryTime(", "predictionRuns(" })
            Assert.Contains(field, sdl);
        foreach (var type in new[] { "type DemandForecast ", "type ChurnOutlook ", "enum MenuItemClass ", "enum PredictionStatus ", "type BasketRule " })
            Assert.Contains(type, sdl);
        Assert.NotNull(provider.GetService<PredictionQueries>());
    }
}
