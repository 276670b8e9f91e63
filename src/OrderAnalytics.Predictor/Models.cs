using System.Globalization;
using OrderAnalytics.Data.Predictions;
using OrderAnalytics.Predictions;

namespace OrderAnalytics.Predictor;

/// <summary>What one model produced: everything a model_runs row needs, plus a one-line summary of figures for the log.</summary>
internal sealed record ModelOutcome(
    string Version,
    TrainingWindow? Window,
    string Status,
    string? Message,
    object Metrics,
    object? Results,
    string Summary);

/// <summary>One model of a training cycle: its stored name, its version constant and how to run it.</summary>
internal sealed record PredictionModel(string Name, string Version, Func<TrainingInputs, CancellationToken, Task<ModelOutcome>> Run);

/// <summary>
/// The models of Task 6 wired to their inputs: each reads what it needs from <see cref="TrainingInputs"/> (loaded once per
/// scope), runs the maths library on a pool thread and maps the result to the stored records of
/// <see cref="OrderAnalytics.Data.Predictions"/>: compact (top-N lists, the forecast horizon), never NaN, pseudonyms only.
/// </summary>
internal static class Models
{
    public static IReadOnlyList<PredictionModel> All { get; } =
    [
        new(PredictionModels.DemandOrders, DemandForecaster.ModelVersion, (i, ct) => DemandAsync(i, DemandMeasure.Orders, ct)),
        new(PredictionModels.DemandRevenue, DemandForecaster.ModelVersion, (i, ct) => DemandAsync(i, DemandMeasure.Revenue, ct)),
        new(PredictionModels.HourlyOrders, HourlyForecaster.ModelVersion, HourlyAsync),
        new(PredictionModels.InventoryPlan, InventoryPlanner.ModelVersion, InventoryAsync),
        new(PredictionModels.RfmSegments, RfmAnalyzer.ModelVersion, RfmAsync),
        new(PredictionModels.Churn, ChurnAnalyzer.ModelVersion, ChurnAsync),
        new(PredictionModels.MenuEngineering, MenuEngineering.ModelVersion, MenuAsync),
        new(PredictionModels.PriceElasticity, PriceElasticityAnalyzer.ModelVersion, ElasticityAsync),
        new(PredictionModels.BasketRules, BasketAnalyzer.ModelVersion, BasketsAsync),
        new(PredictionModels.DeliveryTime, DeliveryTimePredictor.ModelVersion, DeliveryAsync),
    ];

    // ---- 6.1 daily demand ---------------------------------------------------------------------------------------------

    private static async Task<ModelOutcome> DemandAsync(TrainingInputs inputs, DemandMeasure measure, CancellationToken ct)
    {
        var daily = await inputs.DailyAsync(ct);
        var fo = inputs.ForecastOptions;
        var (forecast, backtest) = await Task.Run(() =>
        {
            var f = DemandForecaster.ForecastDaily(daily, measure, fo);
            ct.ThrowIfCancellationRequested();
            var b = f.Status == ModelStatus.Ok
                ? Backtester.RunDaily(daily, measure, new BacktestOptions { Origins = inputs.Options.BacktestOrigins, OriginStep = 7, Forecast = fo })
                : null;
            return (f, b);
        }, ct);

        var d = forecast.Diagnostics;
        var metrics = new DemandForecastMetrics(forecast.Series,
            d is null ? null : new DemandFitDiagnostics(d.TrainingDays, d.CalibrationSamples, F(d.CalibrationWape), d.YearlySeasonality,
                d.HolidayFeatures, d.ClosureDaysExcluded),
            backtest is null ? null : new DemandBacktest(backtest.Message, backtest.FirstOrigin, backtest.LastOrigin, backtest.Origins,
                backtest.Horizon, Score(backtest.Model), Score(backtest.SeasonalNaive), Score(backtest.HoltWinters),
                F(backtest.WapeImprovementVsSeasonalNaive), F(backtest.WapeImprovementVsHoltWinters),
                backtest.ModelByHorizon.Select(h => new HorizonAccuracy(h.Horizon, F(h.Wape), F(h.Coverage80))).ToList()));
        var results = forecast.Status == ModelStatus.Ok
            ? new DemandForecastResults(forecast.Series,
                forecast.Points.Select(p => new DemandForecastPoint(p.Date, p.Horizon, R(p.P10), R(p.P50), R(p.P90))).ToList())
            : null;
        var summary = backtest?.Model is { } m
            ? $"backtest WAPE {Pct(m.Wape)} (seasonal-naive {Pct(backtest.SeasonalNaive?.Wape)}, Holt-Winters {Pct(backtest.HoltWinters?.Wape)}), "
              + $"MASE {Num(m.Mase)}, 80% coverage {Pct(m.Coverage80)} over {backtest.Origins} origins; next day P50 {Num(forecast.Points[0].P50)}"
            : forecast.Status == ModelStatus.Ok ? $"no backtest ({backtest?.Message}); next day P50 {Num(forecast.Points[0].P50)}" : "";
        return new ModelOutcome(forecast.ModelVersion, forecast.TrainingWindow, Status(forecast.Status), forecast.Message, metrics, results, summary);
    }

    // ---- 6.1 hourly ----------------------------------------------------------------------------------------------------

    private static async Task<ModelOutcome> HourlyAsync(TrainingInputs inputs, CancellationToken ct)
    {
        var hourly = await inputs.HourlyAsync(ct);
        var fo = inputs.ForecastOptions;
        var (forecast, backtest) = await Task.Run(() =>
        {
            var f = HourlyForecaster.Forecast(hourly, DemandMeasure.Orders, fo);
            ct.ThrowIfCancellationRequested();
            // fortnightly origins: each one replays the hour profile over the whole calibration span
            var b = f.Status == ModelStatus.Ok
                ? HourlyForecaster.Backtest(hourly, DemandMeasure.Orders,
                    new BacktestOptions { Origins = Math.Min(13, inputs.Options.BacktestOrigins), OriginStep = 14, Forecast = fo })
                : null;
            return (f, b);
        }, ct);

        var metrics = new HourlyForecastMetrics(F(forecast.CalibrationWape),
            backtest is null ? null : new HourlyBacktest(backtest.Message, backtest.Origins, backtest.Horizon, Score(backtest.Model),
                Score(backtest.SeasonalNaive), F(backtest.WapeImprovementVsSeasonalNaive)));
        var results = forecast.Status == ModelStatus.Ok
            ? new HourlyForecastResults(forecast.Series,
                forecast.Points.Select(p => new HourlyDemandPoint(p.Date, p.Hour, p.Horizon, R(p.P10), R(p.P50), R(p.P90))).ToList())
            : null;
        var summary = backtest?.Model is { } m
            ? $"backtest WAPE {Pct(m.Wape)} (seasonal-naive {Pct(backtest.SeasonalNaive?.Wape)}), 80% coverage {Pct(m.Coverage80)}, {forecast.Points.Count} hour points"
            : "";
        return new ModelOutcome(forecast.ModelVersion, forecast.TrainingWindow, Status(forecast.Status), forecast.Message, metrics, results, summary);
    }

    // ---- 6.2 inventory -------------------------------------------------------------------------------------------------

    private static async Task<ModelOutcome> InventoryAsync(TrainingInputs inputs, CancellationToken ct)
    {
        var sales = (await inputs.ItemSalesAsync(ct)).Where(s => inputs.IsProduct(s.Type)).Select(s => s.Sales).ToList();
        var path = inputs.Options.RecipesFullPath;
        var recipes = RecipeBook.Load(path);
        var (set, plan) = await Task.Run(() =>
        {
            var s = DemandForecaster.ForecastItems(sales, inputs.ForecastOptions, inputs.Options.MaxForecastItems);
            return (s, InventoryPlanner.Plan(recipes, s));
        }, ct);

        var totals = InventoryPlanner.Totals(plan);
        var calibration = set.Items.Select(i => i.Forecast.Diagnostics?.CalibrationWape ?? double.NaN).Where(double.IsFinite).ToList();
        var metrics = new InventoryPlanMetrics(set.Items.Count, set.SkippedItems.Count, plan.ItemsWithoutRecipe.Count, totals.Count,
            recipes.RecipeCount, calibration.Count > 0 ? R(Median(calibration)) : null, Path.GetFileName(path));
        string? message = plan.Status == ModelStatus.Ok ? null
            : set.Items.Count == 0 ? $"Insufficient data: no menu item has {inputs.ForecastOptions.MinTrainingDays + 14} days of sales history ({set.SkippedItems.Count} items checked)."
            : $"Insufficient data: none of the {set.Items.Count} forecast items has a recipe in {Path.GetFileName(path)}.";
        var results = plan.Status == ModelStatus.Ok
            ? new InventoryPlanResults(
                plan.Needs.Count > 0 ? plan.Needs.Min(n => n.Date) : null,
                plan.Needs.Count > 0 ? plan.Needs.Max(n => n.Date) : null,
                totals.Select(t => new IngredientPlanTotal(t.Ingredient, t.Unit, R(t.P50), R(t.P90))).ToList(),
                plan.Needs.Select(n => new IngredientPlanDay(n.Date, n.Ingredient, n.Unit, R(n.P50), R(n.P90))).ToList(),
                set.Items.Select(i => new ItemForecastTotal(i.Item, i.Variant, R(i.Forecast.Points.Sum(p => p.P50)), R(i.Forecast.Points.Sum(p => p.P90)),
                    F(i.Forecast.Diagnostics?.CalibrationWape ?? double.NaN))).ToList(),
                plan.ItemsWithoutRecipe.Take(inputs.Options.TopN).ToList())
            : null;
        var summary = $"{set.Items.Count} items forecast ({set.SkippedItems.Count} skipped, {plan.ItemsWithoutRecipe.Count} without recipe), "
            + $"{totals.Count} ingredients, median item calibration WAPE {Pct(metrics.MedianItemCalibrationWape)}";
        return new ModelOutcome(plan.ModelVersion, plan.TrainingWindow ?? set.TrainingWindow, Status(plan.Status), message, metrics, results, summary);
    }

    // ---- 6.3 RFM ----------------------------------------------------------------------------------------------------------

    private static async Task<ModelOutcome> RfmAsync(TrainingInputs inputs, CancellationToken ct)
    {
        var tx = await inputs.CustomerTransactionsAsync(ct);
        var asOf = inputs.Window.To;
        var rfm = await Task.Run(() => RfmAnalyzer.Analyze(tx, asOf), ct);
        var customers = rfm.Customers;
        int n = customers.Count;
        var metrics = new RfmMetrics(n, customers.Count(c => c.Frequency == 1),
            n > 0 ? Median(customers.Select(c => (double)c.RecencyDays).ToList()) : null,
            n > 0 ? R(customers.Average(c => c.Frequency)) : null,
            n > 0 ? Math.Round(customers.Average(c => c.Monetary), 2) : null);
        var bySegment = customers.ToLookup(c => c.Segment);
        var results = rfm.Status == ModelStatus.Ok
            ? new RfmResults(asOf,
                Enum.GetValues<RfmSegment>().Select(s =>
                {
                    var group = bySegment[s].ToList();
                    return new RfmSegmentSummary(s.ToString(), group.Count, R((double)group.Count / n),
                        group.Count > 0 ? R(group.Average(c => c.RecencyDays)) : null,
                        group.Count > 0 ? R(group.Average(c => c.Frequency)) : null,
                        group.Count > 0 ? Math.Round(group.Average(c => c.Monetary), 2) : null);
                }).ToList(),
                customers.OrderByDescending(c => c.Monetary).ThenByDescending(c => c.Frequency).ThenBy(c => c.CustomerKey, StringComparer.Ordinal)
                    .Take(inputs.Options.TopN)
                    .Select(c => new RfmTopCustomer(c.CustomerKey, c.Segment.ToString(), c.Score, c.RecencyDays, c.Frequency, c.Monetary))
                    .ToList())
            : null;
        var summary = $"{n} customers, {metrics.OneTimeCustomers} one-time; "
            + string.Join(", ", rfm.SegmentCounts.Where(kv => kv.Value > 0).OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} {kv.Value}"));
        return new ModelOutcome(rfm.ModelVersion, rfm.TrainingWindow, Status(rfm.Status),
            rfm.Status == ModelStatus.Ok ? null : "Insufficient data: no identified customer with a Success order.", metrics, results, summary);
    }

    // ---- 6.4 churn -------------------------------------------------------------------------------------------------------

    private static async Task<ModelOutcome> ChurnAsync(TrainingInputs inputs, CancellationToken ct)
    {
        var tx = await inputs.CustomerTransactionsAsync(ct);
        var asOf = inputs.Window.To;
        double horizon = inputs.Options.ChurnHorizonWeeks;
        // holdout: a third of the history, whole weeks, 1 to 13 of them
        int span = tx.Count > 0 ? asOf.DayNumber - tx.Min(t => t.Date).DayNumber + 1 : 0;
        int holdoutWeeks = Math.Clamp(span / 3 / 7, 1, 13);
        var calibrationEnd = asOf.AddDays(-7 * holdoutWeeks);
        var (churn, validation) = await Task.Run(() =>
        {
            var c = ChurnAnalyzer.Analyze(tx, asOf, horizon);
            ct.ThrowIfCancellationRequested();
            return (c, c.Status == ModelStatus.Ok ? ChurnAnalyzer.Validate(tx, calibrationEnd, asOf) : null);
        }, ct);

        var scores = churn.Customers;
        var repeaters = scores.Where(c => c.RepeatPurchases > 0).ToList();
        var fit = churn.Fit;
        var metrics = new ChurnMetrics(scores.Count, repeaters.Count, horizon,
            fit is null ? null : new BgNbdEstimate(R(fit.Parameters.R), R(fit.Parameters.Alpha), R(fit.Parameters.A), R(fit.Parameters.B),
                F(fit.LogLikelihood), fit.Converged),
            validation is null ? null : new ChurnValidationMetrics(validation.Message, calibrationEnd, validation.HoldoutEnd, validation.Customers,
                validation.ReturnedInHoldout, F(validation.AucProbabilityAlive), F(validation.AucProbabilityOfPurchase),
                F(validation.PredictedHoldoutPurchases), F(validation.ActualHoldoutPurchases)));
        var results = churn.Status == ModelStatus.Ok
            ? new ChurnResults(asOf,
                new ChurnSummary(scores.Count, repeaters.Count, F(scores.Average(c => c.ProbabilityAlive)),
                    repeaters.Count(c => c.ProbabilityAlive < 0.5), F(scores.Sum(c => c.ExpectedPurchases)), horizon),
                repeaters.Where(c => double.IsFinite(c.ProbabilityAlive)).OrderBy(c => c.ProbabilityAlive).ThenByDescending(c => c.RepeatPurchases).ThenBy(c => c.CustomerKey, StringComparer.Ordinal)
                    .Take(inputs.Options.TopN)
                    .Select(c => new ChurnAtRiskCustomer(c.CustomerKey, c.RepeatPurchases, R(c.RecencyWeeks), R(c.AgeWeeks),
                        R(c.ProbabilityAlive), R(c.ExpectedPurchases), R(c.ProbabilityOfPurchase)))
                    .ToList())
            : null;
        var summary = fit is null ? $"{scores.Count} customers"
            : $"{scores.Count} customers ({repeaters.Count} repeat), r={Num(fit.Parameters.R)} alpha={Num(fit.Parameters.Alpha)} a={Num(fit.Parameters.A)} "
              + $"b={Num(fit.Parameters.B)} converged={fit.Converged}; holdout {holdoutWeeks} weeks: AUC P(alive) {Num(validation?.AucProbabilityAlive)}, "
              + $"AUC P(purchase) {Num(validation?.AucProbabilityOfPurchase)}, purchases predicted {Num(validation?.PredictedHoldoutPurchases)} "
              + $"vs actual {Num(validation?.ActualHoldoutPurchases)}";
        return new ModelOutcome(churn.ModelVersion, churn.TrainingWindow, Status(churn.Status), churn.Message, metrics, results, summary);
    }

    // ---- 6.5 menu engineering ----------------------------------------------------------------------------------------

    private static async Task<ModelOutcome> MenuAsync(TrainingInputs inputs, CancellationToken ct)
    {
        var sales = (await inputs.ItemSalesAsync(ct)).Where(s => inputs.IsProduct(s.Type)).ToList();
        var share = inputs.Options.FoodCostShare;
        // items compete within their category (ice creams with ice creams), so each type gets its own matrix
        var categories = await Task.Run(() => sales
            .GroupBy(s => s.Type)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Category: g.Key, Result: MenuEngineering.Analyze(g.Select(s => s.Sales),
                new MenuEngineeringOptions { DefaultFoodCostShare = (decimal)share })))
            .Where(c => c.Result.Status == ModelStatus.Ok)
            .ToList(), ct);

        var items = categories.SelectMany(c => c.Result.Items.Select(i => Item(c.Category, i))).ToList();
        int Count(MenuItemClass k) => items.Count(i => i.Class == k);
        var metrics = new MenuEngineeringMetrics(items.Count, Count(MenuItemClass.Star), Count(MenuItemClass.Plowhorse), Count(MenuItemClass.Puzzle),
            Count(MenuItemClass.Dog), categories.Count, share);
        var results = items.Count > 0
            ? new MenuEngineeringResults(
                categories.Select(c => new MenuCategorySummary(c.Category, c.Result.Items.Count, R(c.Result.PopularityThreshold), c.Result.AverageUnitMargin,
                    c.Result.Items.Count(i => i.Class == MenuClass.Star), c.Result.Items.Count(i => i.Class == MenuClass.Plowhorse),
                    c.Result.Items.Count(i => i.Class == MenuClass.Puzzle), c.Result.Items.Count(i => i.Class == MenuClass.Dog))).ToList(),
                items.OrderByDescending(i => i.TotalMargin).Take(inputs.Options.TopN).ToList(),
                items.Where(i => i.Class == MenuItemClass.Dog).OrderBy(i => i.TotalMargin).Take(inputs.Options.TopN).ToList())
            : null;
        var windows = categories.Select(c => c.Result.TrainingWindow).OfType<TrainingWindow>().ToList();
        var window = windows.Count > 0 ? new TrainingWindow(windows.Min(w => w.From), windows.Max(w => w.To)) : null;
        var summary = $"{items.Count} items in {categories.Count} categories: {metrics.Stars} stars, {metrics.Plowhorses} plowhorses, "
            + $"{metrics.Puzzles} puzzles, {metrics.Dogs} dogs";
        return new ModelOutcome(MenuEngineering.ModelVersion, window, items.Count > 0 ? ModelRunStatus.Ok : ModelRunStatus.InsufficientData,
            items.Count > 0 ? null : "Insufficient data: no menu item sold in the window.", metrics, results, summary);
    }

    private static MenuEngineeringItem Item(string category, MenuItemAnalysis i) => new(category, i.Item, i.Variant, i.QuantitySold, R(i.MenuMix),
        i.AveragePrice, i.UnitFoodCost, i.FoodCostEstimated, i.UnitMargin, i.TotalMargin,
        i.Class switch
        {
            MenuClass.Star => MenuItemClass.Star,
            MenuClass.Plowhorse => MenuItemClass.Plowhorse,
            MenuClass.Puzzle => MenuItemClass.Puzzle,
            _ => MenuItemClass.Dog,
        },
        i.Recommendation);

    // ---- 6.6 price elasticity ----------------------------------------------------------------------------------------

    private static async Task<ModelOutcome> ElasticityAsync(TrainingInputs inputs, CancellationToken ct)
    {
        var sales = (await inputs.ItemSalesAsync(ct)).Where(s => inputs.IsProduct(s.Type)).Select(s => s.Sales).ToList();
        var all = await Task.Run(() => PriceElasticityAnalyzer.Analyze(sales), ct);

        int ok = all.Count(r => r.Status == ModelStatus.Ok);
        int flat = all.Count(r => r.Status == ModelStatus.InsufficientPriceVariation);
        var estimates = all.Where(r => r.Status == ModelStatus.Ok && r.Elasticity is { } e && double.IsFinite(e)).Select(r => r.Elasticity!.Value).ToList();
        var metrics = new PriceElasticityMetrics(all.Count, ok, all.Count - ok - flat, flat, estimates.Count > 0 ? R(Median(estimates)) : null);
        // estimates first, then the items with the most days of sales: the ones a pricing decision would look at
        var items = all
            .OrderBy(r => r.Status == ModelStatus.Ok ? 0 : r.Status == ModelStatus.InsufficientPriceVariation ? 1 : 2)
            .ThenByDescending(r => r.Points).ThenBy(r => r.Item, StringComparer.Ordinal).ThenBy(r => r.Variant, StringComparer.Ordinal)
            .Take(inputs.Options.TopN)
            .Select(r => new PriceElasticityItem(r.Item, r.Variant,
                r.Status switch
                {
                    ModelStatus.Ok => ElasticityStatus.Ok,
                    ModelStatus.InsufficientPriceVariation => ElasticityStatus.InsufficientPriceVariation,
                    _ => ElasticityStatus.InsufficientData,
                },
                r.Message, F(r.Elasticity), F(r.CiLower), F(r.CiUpper), F(r.RSquared), r.Points, r.DistinctPrices, F(r.PriceCv)))
            .ToList();
        var windows = all.Select(r => r.TrainingWindow).OfType<TrainingWindow>().ToList();
        var window = windows.Count > 0 ? new TrainingWindow(windows.Min(w => w.From), windows.Max(w => w.To)) : null;
        string? message = ok > 0 ? null
            : flat > 0 ? $"Insufficient price variation: no item's effective price varied enough for an estimate ({all.Count} items checked, {flat} with enough sales)."
            : $"Insufficient data: no item has enough days with sales ({all.Count} items checked).";
        var summary = $"{all.Count} items: {ok} estimated (median elasticity {Num(metrics.MedianElasticity)}), {flat} insufficient price variation, "
            + $"{metrics.InsufficientData} insufficient data";
        return new ModelOutcome(PriceElasticityAnalyzer.ModelVersion, window, ok > 0 ? ModelRunStatus.Ok : ModelRunStatus.InsufficientData, message,
            metrics, all.Count > 0 ? new PriceElasticityResults(items) : null, summary);
    }

    // ---- 6.7 baskets -------------------------------------------------------------------------------------------------------

    private static async Task<ModelOutcome> BasketsAsync(TrainingInputs inputs, CancellationToken ct)
    {
        var baskets = await inputs.BasketsAsync(ct);
        var options = new BasketOptions
        {
            MinSupport = inputs.Options.BasketMinSupport,
            MinConfidence = inputs.Options.BasketMinConfidence,
            MaxCombos = Math.Min(inputs.Options.TopN, 20),
        };
        var result = await Task.Run(() => BasketAnalyzer.Analyze(baskets, options), ct);

        var metrics = new BasketMetrics(result.Baskets, baskets.Count(b => b.Items.Count > 1), result.Itemsets.Count, result.Rules.Count,
            result.Combos.Count, result.Rules.Count > 0 ? R(result.Rules[0].Lift) : null, options.MinSupport, options.MinConfidence);
        var results = result.Status == ModelStatus.Ok
            ? new BasketResults(
                result.Rules.Take(inputs.Options.TopN)
                    .Select(r => new BasketRule(r.Antecedent, r.Consequent, r.Count, R(r.Support), R(r.Confidence), R(r.Lift))).ToList(),
                result.Combos.Select(c => new BasketCombo(c.Items, c.Orders, R(c.Support), R(c.Confidence), R(c.Lift))).ToList())
            : null;
        var summary = $"{result.Baskets} baskets ({metrics.MultiItemBaskets} with 2+ items), {result.Itemsets.Count} itemsets, "
            + $"{result.Rules.Count} rules, {result.Combos.Count} combos, top lift {Num(metrics.TopLift)}";
        return new ModelOutcome(result.ModelVersion, result.TrainingWindow, Status(result.Status),
            result.Status == ModelStatus.Ok ? null : "Insufficient data: no order with menu items in the window.", metrics, results, summary);
    }

    // ---- 6.8 delivery time ---------------------------------------------------------------------------------------------

    private static async Task<ModelOutcome> DeliveryAsync(TrainingInputs inputs, CancellationToken ct)
    {
        var observations = await inputs.DeliveriesAsync(ct);
        var result = await Task.Run(() => DeliveryTimePredictor.Train(observations), ct);

        var m = result.Metrics;
        var metrics = new DeliveryTimeRunMetrics(observations.Count, m is null ? null
            : new DeliveryTimeAccuracy(m.TrainingCount, m.HoldoutCount, m.DroppedObservations, F(m.ModelMae), F(m.MedianBaselineMae),
                F(m.MaeImprovementVsMedian), F(m.MedianMinutes), F(m.MedianPrepMinutes ?? double.NaN), F(m.MedianRideMinutes ?? double.NaN)));
        var summary = m is null ? $"{observations.Count} timelines"
            : $"{m.TrainingCount} train / {m.HoldoutCount} holdout: MAE {Num(m.ModelMae)} min vs median baseline {Num(m.MedianBaselineMae)} min "
              + $"({Pct(m.MaeImprovementVsMedian)} better), median {Num(m.MedianMinutes)} min";
        // the fitted trees are not stored: the API serves the accuracy; estimating an order's time would load a stored model
        return new ModelOutcome(result.ModelVersion, result.TrainingWindow, Status(result.Status), result.Message, metrics, null, summary);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------------------

    private static string Status(ModelStatus status) => status == ModelStatus.Ok ? ModelRunStatus.Ok : ModelRunStatus.InsufficientData;

    private static ForecastScore? Score(MethodScore? s) => s is null ? null : new ForecastScore(s.Method, F(s.Wape), F(s.Mase), F(s.Coverage80), s.Forecasts);

    /// <summary>A finite figure rounded to 6 significant-enough decimals, or null (JSON and GraphQL have no NaN).</summary>
    internal static double? F(double? value) => value is { } v && double.IsFinite(v) ? Math.Round(v, 6) : null;

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    internal static double R(double value) => double.IsFinite(value) ? Math.Round(value, 4) : 0;

    private static string Pct(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("P1", CultureInfo.InvariantCulture) : "n/a";

    private static string Num(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("0.###", CultureInfo.InvariantCulture) : "n/a";
}
