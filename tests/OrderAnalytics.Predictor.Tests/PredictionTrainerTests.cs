using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrderAnalytics.Analytics.Predictions;
using OrderAnalytics.Data.Predictions;
using OrderAnalytics.Predictions;
using OrderAnalytics.Simulation;
using Xunit.Abstractions;

namespace OrderAnalytics.Predictor.Tests;

/// <summary>One training cycle over 120 simulated days: every model stored with the right status and sane figures.</summary>
[Collection(PredictorCollection.Name)]
public sealed class PredictionTrainerTests(PredictorFixture fixture, ITestOutputHelper output)
{
    private static readonly DateOnly First = PredictorFixture.Simulation.Start;
    private static readonly DateOnly Last = PredictorFixture.Simulation.Start.AddDays(PredictorFixture.Simulation.Days - 1);

    private Task<Prediction<TMetrics, TResults>?> LatestAsync<TMetrics, TResults>(string model) where TMetrics : class where TResults : class =>
        fixture.Services.GetRequiredService<PredictionQueries>().LatestAsync<TMetrics, TResults>(model, null, CancellationToken.None);

    [Fact]
    public async Task RunCycleAsync_SimulatedStore_StoresOneRunPerModel()
    {
        foreach (var line in fixture.Logs.Lines) output.WriteLine(line);

        Assert.Equal(PredictionModels.All.Order(), fixture.Cycle.Runs.Select(r => r.Model).Order());
        Assert.All(fixture.Cycle.Runs, r => Assert.Null(r.RestaurantId));
        Assert.All(fixture.Cycle.Runs, r => Assert.Equal(ModelRunStatus.Ok, r.Status));
        var stored = await fixture.ScalarAsync<long>(
            $"SELECT count(*) FROM model_runs WHERE cycle_id = '{fixture.Cycle.CycleId}' AND restaurant_id IS NULL AND status = 'ok'");
        Assert.Equal(PredictionModels.All.Count, stored);
    }

    [Theory]
    [InlineData(PredictionModels.DemandOrders, "orders")]
    [InlineData(PredictionModels.DemandRevenue, "revenue")]
    public async Task RunCycleAsync_SimulatedStore_DemandForecastBeatsSeasonalNaive(string model, string series)
    {
        var run = await LatestAsync<DemandForecastMetrics, DemandForecastResults>(model);

        Assert.NotNull(run);
        Assert.Equal(DemandForecaster.ModelVersion, run.Run.ModelVersion);
        Assert.Equal((First, Last), (run.Run.TrainingFrom, run.Run.TrainingTo));
        var backtest = run.Metrics!.Backtest!;
        Assert.Equal(series, run.Metrics.Series);
        Assert.True(backtest.Origins >= 5, $"{backtest.Origins} origins");
        foreach (var score in new[] { backtest.Model!, backtest.SeasonalNaive!, backtest.HoltWinters! })
        {
            Assert.True(score.Wape is > 0 and < 1, $"{score.Method} WAPE {score.Wape}");
            Assert.True(score.Mase is > 0 and < 3, $"{score.Method} MASE {score.Mase}");
        }
        Assert.True(backtest.Model!.Wape < backtest.SeasonalNaive!.Wape, $"model {backtest.Model.Wape} vs seasonal naive {backtest.SeasonalNaive.Wape}");
        Assert.True(backtest.Model.Coverage80 is > 0.6 and <= 1, $"coverage {backtest.Model.Coverage80}");
        Assert.Equal(14, backtest.ModelByHorizon.Count);

        var points = run.Results!.Points;
        Assert.Equal(Enumerable.Range(1, 14).Select(h => Last.AddDays(h)), points.Select(p => p.Date));
        Assert.All(points, p => Assert.True(p.P10 <= p.P50 && p.P50 <= p.P90 && p.P10 >= 0, $"{p.Date}: {p.P10} {p.P50} {p.P90}"));
        output.WriteLine($"{series}: WAPE {backtest.Model.Wape:P1} vs seasonal-naive {backtest.SeasonalNaive.Wape:P1}, Holt-Winters {backtest.HoltWinters!.Wape:P1}; "
            + $"coverage {backtest.Model.Coverage80:P1}; day 1 P50 {points[0].P50}");
    }

    [Fact]
    public async Task RunCycleAsync_SimulatedStore_HourlyForecastCoversHorizon()
    {
        var run = await LatestAsync<HourlyForecastMetrics, HourlyForecastResults>(PredictionModels.HourlyOrders);

        Assert.Equal(ModelRunStatus.Ok, run!.Run.Status);
        var points = run.Results!.Points;
        Assert.Equal(14, points.Select(p => p.Date).Distinct().Count());
        Assert.All(points, p => Assert.InRange(p.Hour, 0, 23));
        Assert.All(points, p => Assert.True(p.P10 <= p.P50 && p.P50 <= p.P90));
        Assert.True(run.Metrics!.Backtest!.Model!.Wape is > 0 and < 2);
        Assert.NotNull(run.Metrics.Backtest.SeasonalNaive!.Wape);
    }

    [Fact]
    public async Task RunCycleAsync_SimulatedStore_InventoryPlanFromSampleRecipes()
    {
        var run = await LatestAsync<InventoryPlanMetrics, InventoryPlanResults>(PredictionModels.InventoryPlan);

        Assert.Equal(ModelRunStatus.Ok, run!.Run.Status);
        Assert.Equal("sample_recipes.csv", run.Metrics!.RecipeSource);
        Assert.True(run.Metrics.ItemsForecast > 10, $"{run.Metrics.ItemsForecast} items");
        var plan = run.Results!;
        Assert.Equal((Last.AddDays(1), Last.AddDays(14)), (plan.From, plan.To));
        Assert.NotEmpty(plan.Totals);
        Assert.All(plan.Totals, t => Assert.True(t.P50 > 0 && t.P90 >= t.P50, $"{t.Ingredient}: {t.P50} {t.P90}"));
        Assert.Contains(plan.Totals, t => t.Ingredient == "Whole milk" && t.Unit == "ml");
        Assert.Equal(14, plan.Daily.Select(d => d.Date).Distinct().Count());
        // the totals are the daily needs summed
        var milk = plan.Totals.Single(t => t.Ingredient == "Whole milk");
        Assert.Equal(plan.Daily.Where(d => d.Ingredient == "Whole milk").Sum(d => d.P50), milk.P50, 1);
    }

    [Fact]
    public async Task RunCycleAsync_SimulatedStore_RfmSegmentsAddUpToCustomers()
    {
        var run = await LatestAsync<RfmMetrics, RfmResults>(PredictionModels.RfmSegments);
        var customers = await fixture.ScalarAsync<long>("""
            SELECT count(DISTINCT o.customer_id) FROM orders o
            WHERE o.order_status = 'Success' AND NOT o.is_test AND o.customer_id IS NOT NULL AND o.business_date IS NOT NULL
            """);

        Assert.Equal(ModelRunStatus.Ok, run!.Run.Status);
        Assert.Equal(customers, run.Metrics!.Customers);
        Assert.Equal(customers, run.Results!.Segments.Sum(s => s.Customers));
        Assert.Equal(Enum.GetNames<RfmSegment>(), run.Results.Segments.Select(s => s.Segment));
        Assert.Equal(Last, run.Results.AsOf);
        var top = run.Results.TopCustomers;
        Assert.Equal(50, top.Count);
        Assert.Equal(top.OrderByDescending(c => c.Monetary).Select(c => c.Monetary), top.Select(c => c.Monetary));
        Assert.All(top, c => Assert.Matches("^[1-5]{3}$", c.Score));
    }

    [Fact]
    public async Task RunCycleAsync_SimulatedStore_ChurnValidatedWithAuc()
    {
        var run = await LatestAsync<ChurnMetrics, ChurnResults>(PredictionModels.Churn);

        Assert.Equal(ModelRunStatus.Ok, run!.Run.Status);
        var validation = run.Metrics!.Validation!;
        Assert.Null(validation.Message);
        Assert.True(validation.AucProbabilityOfPurchase > 0.6, $"AUC P(purchase) {validation.AucProbabilityOfPurchase}");
        Assert.InRange(validation.AucProbabilityAlive!.Value, 0, 1);
        Assert.True(validation.ReturnedInHoldout > 0);
        Assert.True(run.Metrics.Fit!.R > 0 && run.Metrics.Fit.Alpha > 0);
        var atRisk = run.Results!.AtRisk;
        Assert.Equal(50, atRisk.Count);
        Assert.All(atRisk, c => Assert.True(c.RepeatPurchases > 0));
        Assert.Equal(atRisk.OrderBy(c => c.ProbabilityAlive).Select(c => c.ProbabilityAlive), atRisk.Select(c => c.ProbabilityAlive));
        Assert.Equal(run.Metrics.Customers, run.Results.Summary.Customers);
    }

    [Fact]
    public async Task RunCycleAsync_SimulatedStore_MenuEngineeringClassesEveryItem()
    {
        var run = await LatestAsync<MenuEngineeringMetrics, MenuEngineeringResults>(PredictionModels.MenuEngineering);

        Assert.Equal(ModelRunStatus.Ok, run!.Run.Status);
        var m = run.Metrics!;
        Assert.Equal(m.Items, m.Stars + m.Plowhorses + m.Puzzles + m.Dogs);
        Assert.True(m.Stars > 0 && m.Dogs > 0);
        Assert.Contains(run.Results!.Categories, c => c.Category == "Ice Cream");
        Assert.DoesNotContain(run.Results.Categories, c => c.Category is "Extra" or "Service");
        Assert.Equal(m.Items, run.Results.Categories.Sum(c => c.Items));
        Assert.All(run.Results.Underperformers, i => Assert.Equal(MenuItemClass.Dog, i.Class));
        Assert.Equal(run.Results.Items.OrderByDescending(i => i.TotalMargin).Select(i => i.TotalMargin), run.Results.Items.Select(i => i.TotalMargin));
        Assert.All(run.Results.Items, i => Assert.True(i.FoodCostEstimated && i.UnitMargin > 0));
    }

    [Fact]
    public async Task RunCycleAsync_SimulatedStore_PriceElasticityWithIntervalOrReason()
    {
        var run = await LatestAsync<PriceElasticityMetrics, PriceElasticityResults>(PredictionModels.PriceElasticity);

        Assert.Equal(ModelRunStatus.Ok, run!.Run.Status);
        var m = run.Metrics!;
        Assert.Equal(m.Items, m.Estimated + m.InsufficientData + m.InsufficientPriceVariation);
        Assert.All(run.Results!.Items.Where(i => i.Status == ElasticityStatus.Ok),
            i => Assert.True(i.CiLower <= i.Elasticity && i.Elasticity <= i.CiUpper, $"{i.Item}: {i.CiLower} {i.Elasticity} {i.CiUpper}"));
        Assert.All(run.Results.Items.Where(i => i.Status != ElasticityStatus.Ok), i => Assert.False(string.IsNullOrEmpty(i.Message)));
        Assert.All(run.Results.Items.Where(i => i.Status == ElasticityStatus.InsufficientPriceVariation),
            i => Assert.StartsWith("Insufficient price variation", i.Message));
    }

    [Fact]
    public async Task RunCycleAsync_SimulatedStore_BasketRulesWithSupportConfidenceLift()
    {
        var run = await LatestAsync<BasketMetrics, BasketResults>(PredictionModels.BasketRules);

        Assert.Equal(ModelRunStatus.Ok, run!.Run.Status);
        Assert.True(run.Metrics!.Baskets > 1000);
        Assert.NotEmpty(run.Results!.Rules);
        Assert.All(run.Results.Rules, r =>
        {
            Assert.NotEmpty(r.Antecedent);
            Assert.NotEmpty(r.Consequent);
            Assert.True(r.Support > 0 && r.Support <= r.Confidence && r.Confidence >= 0.05 && r.Lift > 0);
        });
        // non-product lines (cups, cones, delivery charges) are not items of a basket
        Assert.DoesNotContain(run.Results.Rules.SelectMany(r => r.Antecedent.Concat(r.Consequent)), i => i.Contains("Cup") || i.Contains("Charges"));
    }

    [Fact]
    public async Task RunCycleAsync_SimulatedStore_DeliveryModelBeatsMedianBaseline()
    {
        var run = await LatestAsync<DeliveryTimeRunMetrics, object>(PredictionModels.DeliveryTime);

        Assert.Equal(ModelRunStatus.Ok, run!.Run.Status);
        var a = run.Metrics!.Accuracy!;
        Assert.True(a.HoldoutCount > 100, $"{a.HoldoutCount} held out");
        Assert.True(a.ModelMae > 0 && a.ModelMae < a.MedianBaselineMae, $"model {a.ModelMae} vs median {a.MedianBaselineMae}");
        Assert.True(a.MedianMinutes is > 15 and < 120);
        Assert.NotNull(a.MedianPrepMinutes);
        Assert.NotNull(a.MedianRideMinutes);
    }

    [Fact]
    public async Task RunCycleAsync_SimulatedStore_StoresPseudonymsNeverNamesOrPhones()
    {
        var people = new List<(string? Name, string? Phone)>();
        await using (var cmd = fixture.DataSource.CreateCommand("SELECT name, phone FROM customers"))
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) people.Add((r.IsDBNull(0) ? null : r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1)));
        var stored = new List<string>();
        await using (var cmd = fixture.DataSource.CreateCommand("SELECT metrics::text || coalesce(results::text, '') || coalesce(message, '') FROM model_runs"))
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) stored.Add(r.GetString(0));
        var all = string.Join("\n", stored);

        Assert.Contains(people, p => p.Phone is not null);
        foreach (var (name, phone) in people)
        {
            if (phone is { Length: > 6 }) Assert.DoesNotContain(phone, all);
            if (phone is { Length: > 6 }) Assert.DoesNotContain(phone.TrimStart('+')[2..], all);
            // full names only: a first name alone can be part of a dish ("Rose")
            if (name is { } n && n.Trim().Contains(' ')) Assert.DoesNotContain(n.Trim(), all);
        }

        var rfm = (await LatestAsync<RfmMetrics, RfmResults>(PredictionModels.RfmSegments))!.Results!.TopCustomers.Select(c => c.Pseudonym);
        var churn = (await LatestAsync<ChurnMetrics, ChurnResults>(PredictionModels.Churn))!.Results!.AtRisk.Select(c => c.Pseudonym);
        var known = new HashSet<string>();
        await using (var cmd = fixture.DataSource.CreateCommand("SELECT pseudonym FROM customers"))
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) known.Add(r.GetString(0));
        Assert.All(rfm.Concat(churn), p => Assert.Contains(p, known));
    }

    [Fact]
    public async Task RunCycleAsync_SimulatedStore_LogsFiguresWithoutPersonalData()
    {
        var lines = fixture.Logs.Lines.ToList();

        Assert.Contains(lines, l => l.Contains("demand_orders") && l.Contains("WAPE"));
        Assert.Contains(lines, l => l.Contains("delivery_time") && l.Contains("MAE"));
        Assert.Contains(lines, l => l.Contains("Training cycle") && l.Contains("10 ok"));
        Assert.DoesNotContain(lines, l => l.Contains("+91"));
        var pseudonym = (await LatestAsync<RfmMetrics, RfmResults>(PredictionModels.RfmSegments))!.Results!.TopCustomers[0].Pseudonym;
        Assert.DoesNotContain(lines, l => l.Contains(pseudonym));
    }

    [Fact]
    public async Task RunCycleAsync_MissingRecipeFile_FailsInventoryAloneAndPrunesOldResults()
    {
        await using var db = await fixture.CreateStoreAsync(new SimulationOptions { Days = 20, Seed = 3 });
        await using var services = PredictorFixture.BuildServices(db, settings: new Dictionary<string, string?>
        {
            ["Predictor:Models:0"] = PredictionModels.InventoryPlan,
            ["Predictor:Models:1"] = PredictionModels.RfmSegments,
            ["Predictor:RecipesPath"] = Path.Combine(Path.GetTempPath(), $"no-such-recipes-{Guid.NewGuid():N}.csv"),
            ["Predictor:KeepResults"] = "1",
        });
        var trainer = services.GetRequiredService<PredictionTrainer>();

        var first = await trainer.RunCycleAsync(CancellationToken.None);
        var second = await trainer.RunCycleAsync(CancellationToken.None);

        foreach (var cycle in new[] { first, second })
        {
            Assert.Equal(2, cycle.Runs.Count);
            var inventory = Assert.Single(cycle.Runs, r => r.Model == PredictionModels.InventoryPlan);
            Assert.Equal(ModelRunStatus.Failed, inventory.Status);
            Assert.Contains("FileNotFoundException", inventory.Message);
            Assert.Equal(ModelRunStatus.Ok, Assert.Single(cycle.Runs, r => r.Model == PredictionModels.RfmSegments).Status);
        }
        Assert.Equal(0L, await fixture.ScalarAsync<long>(
            $"SELECT count(*) FROM model_runs WHERE model = 'inventory_plan' AND (results IS NOT NULL OR training_from IS NULL)", db));
        // KeepResults = 1: the first RFM run keeps its metrics, not its results
        Assert.Equal("metrics only", await fixture.ScalarAsync<string>(
            $"SELECT CASE WHEN results IS NULL AND metrics->>'customers' IS NOT NULL THEN 'metrics only' ELSE 'results' END FROM model_runs WHERE cycle_id = '{first.CycleId}' AND model = 'rfm_segments'", db));
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            $"SELECT count(*) FROM model_runs WHERE cycle_id = '{second.CycleId}' AND model = 'rfm_segments' AND results IS NOT NULL", db));
    }

    [Fact]
    public async Task RunCycleAsync_TwoRestaurants_TrainsAllTogetherAndEachRestaurant()
    {
        await using var db = await fixture.CreateStoreAsync(new SimulationOptions { Days = 10, Restaurants = 2, Seed = 5 });
        await using var services = PredictorFixture.BuildServices(db, settings: new Dictionary<string, string?>
        {
            ["Predictor:Models:0"] = PredictionModels.DemandOrders,
            ["Predictor:Models:1"] = PredictionModels.RfmSegments,
        });

        var cycle = await services.GetRequiredService<PredictionTrainer>().RunCycleAsync(CancellationToken.None);

        var restaurants = new List<(long Id, string RestId)>();
        await using (var cmd = db.CreateCommand("SELECT restaurant_id, petpooja_restid FROM restaurants ORDER BY restaurant_id"))
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) restaurants.Add((r.GetInt64(0), r.GetString(1)));
        Assert.Equal(2, restaurants.Count);
        Assert.Equal(new long?[] { null, restaurants[0].Id, restaurants[1].Id }, cycle.Runs.Select(r => r.RestaurantId).Distinct());
        // ten days are too few for a forecast, enough for RFM
        Assert.All(cycle.Runs.Where(r => r.Model == PredictionModels.DemandOrders), r =>
        {
            Assert.Equal(ModelRunStatus.InsufficientData, r.Status);
            Assert.Contains("Need at least 70 days", r.Message);
        });
        Assert.All(cycle.Runs.Where(r => r.Model == PredictionModels.RfmSegments), r => Assert.Equal(ModelRunStatus.Ok, r.Status));

        var queries = services.GetRequiredService<PredictionQueries>();
        var all = await queries.LatestAsync<RfmMetrics, RfmResults>(PredictionModels.RfmSegments, null, CancellationToken.None);
        var one = await queries.LatestAsync<RfmMetrics, RfmResults>(PredictionModels.RfmSegments, restaurants[1].RestId, CancellationToken.None);
        Assert.Null(all!.Run.Restaurant);
        Assert.Equal(restaurants[1].RestId, one!.Run.Restaurant);
        Assert.True(one.Metrics!.Customers < all.Metrics!.Customers);
    }

    [Fact]
    public async Task RunCycleAsync_EmptyStore_StoresInsufficientDataForEveryModel()
    {
        await using var db = await fixture.CreateStoreAsync(null);
        await using var services = PredictorFixture.BuildServices(db);

        var cycle = await services.GetRequiredService<PredictionTrainer>().RunCycleAsync(CancellationToken.None);

        Assert.Equal(PredictionModels.All.Count, cycle.Runs.Count);
        Assert.All(cycle.Runs, r => Assert.Equal(ModelRunStatus.InsufficientData, r.Status));
        Assert.Equal(PredictionModels.All.Count, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM model_runs WHERE training_from IS NULL AND results IS NULL AND message LIKE 'Insufficient data%'", db));
    }
}
