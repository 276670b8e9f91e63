using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderAnalytics.Data.Predictions;

// The JSON stored in model_runs.metrics and model_runs.results, one pair of records per model. The predictor writes them,
// the analytics API reads them (and serves them as GraphQL types, hence the descriptions). Plain records: no dependency on
// the maths library. Figures that cannot be computed are null, never NaN. Money in rupees; dates are IST business dates.

/// <summary>How the stored JSON is written and read (camelCase, enums as snake_case strings).</summary>
public static class PredictionJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // a safety net only: the writer maps non-finite figures to null
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T? Deserialize<T>(string? json) => string.IsNullOrEmpty(json) ? default : JsonSerializer.Deserialize<T>(json, Options);
}

// ---- demand (daily orders / revenue) -------------------------------------------------------------------------------------

[Description("Accuracy of one forecasting method over a rolling-origin backtest (every origin fitted only on the data before it).")]
public sealed record ForecastScore(
    [property: Description("ridge-calendar (the model), seasonal-naive (mean of the last 4 same weekdays), holt-winters or hourly-topdown.")] string Method,
    [property: Description("Σ|error| / Σ actual over all origins and horizons (0.12 = 12%). Lower is better.")] double? Wape,
    [property: Description("Mean absolute error / in-sample MAE of the same-weekday-last-week naive; below 1 beats it.")] double? Mase,
    [property: Description("Share of actuals inside the P10–P90 interval (0.80 is perfect calibration).")] double? Coverage80,
    [property: Description("Forecasts scored.")] int Forecasts);

[Description("Model accuracy at one horizon (days ahead) in the backtest.")]
public sealed record HorizonAccuracy(int Horizon, double? Wape, double? Coverage80);

[Description("Rolling-origin backtest of the demand model against the seasonal-naive and Holt-Winters baselines.")]
public sealed record DemandBacktest(
    [property: Description("Null when there was not enough history for one origin.")] string? Message,
    DateOnly? FirstOrigin,
    DateOnly? LastOrigin,
    int Origins,
    int Horizon,
    ForecastScore? Model,
    ForecastScore? SeasonalNaive,
    ForecastScore? HoltWinters,
    [property: Description("1 − WAPE(model) / WAPE(seasonal naive): 0.15 = 15% lower error than the baseline.")] double? WapeImprovementVsSeasonalNaive,
    [property: Description("1 − WAPE(model) / WAPE(Holt-Winters).")] double? WapeImprovementVsHoltWinters,
    IReadOnlyList<HorizonAccuracy> ModelByHorizon);

[Description("How the final forecast was fitted.")]
public sealed record DemandFitDiagnostics(
    int TrainingDays,
    [property: Description("Out-of-sample replays used to calibrate the intervals.")] int CalibrationSamples,
    [property: Description("WAPE of those replays.")] double? CalibrationWape,
    [property: Description("Whether yearly seasonality was fitted (needs about a year of history).")] bool YearlySeasonality,
    int HolidayFeatures,
    [property: Description("Zero days treated as closures and left out of the fit.")] int ClosureDaysExcluded);

public sealed record DemandForecastMetrics(string Series, DemandFitDiagnostics? Fit, DemandBacktest? Backtest);

[Description("One forecast day: median (P50) and the 80% interval (P10–P90), calibrated on out-of-sample errors.")]
public sealed record DemandForecastPoint(DateOnly Date, [property: Description("Days ahead, 1..horizon.")] int Horizon, double P10, double P50, double P90);

public sealed record DemandForecastResults(string Series, IReadOnlyList<DemandForecastPoint> Points);

// ---- hourly ------------------------------------------------------------------------------------------------------------------

[Description("Rolling-origin backtest of the hourly forecast against the hourly seasonal naive (mean of the last 4 same weekday-hours).")]
public sealed record HourlyBacktest(string? Message, int Origins, int Horizon, ForecastScore? Model, ForecastScore? SeasonalNaive,
    double? WapeImprovementVsSeasonalNaive);

public sealed record HourlyForecastMetrics(double? CalibrationWape, HourlyBacktest? Backtest);

[Description("Forecast orders in one IST clock hour of a future business day.")]
public sealed record HourlyDemandPoint(DateOnly Date, int Hour, int Horizon, double P10, double P50, double P90);

public sealed record HourlyForecastResults(string Series, IReadOnlyList<HourlyDemandPoint> Points);

// ---- inventory -----------------------------------------------------------------------------------------------------------

public sealed record InventoryPlanMetrics(
    int ItemsForecast,
    int ItemsSkipped,
    int ItemsWithoutRecipe,
    int Ingredients,
    int Recipes,
    double? MedianItemCalibrationWape,
    string RecipeSource);

[Description("Need of one ingredient over the whole forecast horizon: P50 from the items' medians, P90 from their P90s (the safe side).")]
public sealed record IngredientPlanTotal(string Ingredient, string Unit, double P50, double P90);

[Description("Need of one ingredient on one forecast day.")]
public sealed record IngredientPlanDay(DateOnly Date, string Ingredient, string Unit, double P50, double P90);

[Description("Units of one menu item variant forecast over the horizon (sum of the daily P50 / P90).")]
public sealed record ItemForecastTotal(string Item, string Variant, double P50, double P90, double? CalibrationWape);

public sealed record InventoryPlanResults(
    DateOnly? From,
    DateOnly? To,
    IReadOnlyList<IngredientPlanTotal> Totals,
    IReadOnlyList<IngredientPlanDay> Daily,
    IReadOnlyList<ItemForecastTotal> Items,
    IReadOnlyList<string> ItemsWithoutRecipe);

// ---- RFM ---------------------------------------------------------------------------------------------------------------------

public sealed record RfmMetrics(int Customers, int OneTimeCustomers, double? MedianRecencyDays, double? MeanFrequency, decimal? MeanMonetary);

[Description("One RFM segment: how many customers and their average recency, frequency and spend.")]
public sealed record RfmSegmentSummary(
    [property: Description("Champions, Loyal, PotentialLoyalist, New, Promising, NeedAttention, AboutToSleep, AtRisk, CantLose, Hibernating, Lost.")] string Segment,
    int Customers,
    [property: Description("Share of all customers, 0..1.")] double Share,
    double? AvgRecencyDays,
    double? AvgFrequency,
    decimal? AvgMonetary);

[Description("A customer by pseudonym (never name or phone) with their RFM position.")]
public sealed record RfmTopCustomer(
    string Pseudonym,
    string Segment,
    [property: Description("R, F and M quintile scores, e.g. 545 (5 = best).")] string Score,
    int RecencyDays,
    int Frequency,
    decimal Monetary);

public sealed record RfmResults(DateOnly AsOf, IReadOnlyList<RfmSegmentSummary> Segments, IReadOnlyList<RfmTopCustomer> TopCustomers);

// ---- churn -------------------------------------------------------------------------------------------------------------------

[Description("Fitted BG/NBD parameters (purchase rate ~ Gamma(r, alpha), dropout probability ~ Beta(a, b)).")]
public sealed record BgNbdEstimate(double R, double Alpha, double A, double B, double? LogLikelihood, bool Converged);

[Description("Calibration / holdout check: fitted up to calibrationEnd, scored on who bought again by holdoutEnd.")]
public sealed record ChurnValidationMetrics(
    string? Message,
    DateOnly CalibrationEnd,
    DateOnly HoldoutEnd,
    int Customers,
    int ReturnedInHoldout,
    [property: Description("AUC of P(alive) for 'returned in the holdout' (0.5 = coin flip; one-time customers all have P(alive) = 1).")] double? AucProbabilityAlive,
    [property: Description("AUC of P(at least one purchase in the holdout).")] double? AucProbabilityOfPurchase,
    double? PredictedHoldoutPurchases,
    double? ActualHoldoutPurchases);

public sealed record ChurnMetrics(int Customers, int RepeatCustomers, double HorizonWeeks, BgNbdEstimate? Fit, ChurnValidationMetrics? Validation);

[Description("Churn outlook of the customer base at the end of the training data.")]
public sealed record ChurnSummary(
    int Customers,
    int RepeatCustomers,
    [property: Description("Mean P(alive) over all customers.")] double? MeanProbabilityAlive,
    [property: Description("Repeat customers with P(alive) below 0.5.")] int LikelyChurned,
    [property: Description("Expected purchase days of the whole base over the horizon.")] double? ExpectedPurchases,
    double HorizonWeeks);

[Description("A repeat customer, by pseudonym, ranked by how likely they have stopped buying.")]
public sealed record ChurnAtRiskCustomer(
    string Pseudonym,
    int RepeatPurchases,
    double RecencyWeeks,
    double AgeWeeks,
    [property: Description("P(still a customer), BG/NBD.")] double ProbabilityAlive,
    double ExpectedPurchases,
    [property: Description("P(at least one purchase over the horizon).")] double ProbabilityOfPurchase);

public sealed record ChurnResults(DateOnly AsOf, ChurnSummary Summary, IReadOnlyList<ChurnAtRiskCustomer> AtRisk);

// ---- menu engineering ----------------------------------------------------------------------------------------------------

[Description("Kasavana-Smith class: popularity (menu mix ≥ 70% of an equal share) × profitability (unit margin ≥ the average).")]
public enum MenuItemClass
{
    [Description("Popular and profitable: keep and feature.")] Star,
    [Description("Popular, thin margin: re-price or cut cost.")] Plowhorse,
    [Description("Profitable, rarely chosen: promote or reposition.")] Puzzle,
    [Description("Neither: candidate for removal.")] Dog,
}

public sealed record MenuEngineeringMetrics(int Items, int Stars, int Plowhorses, int Puzzles, int Dogs, int Categories,
    [property: Description("Food cost share assumed where no cost is known.")] double FoodCostShare);

[Description("The matrix of one menu category (items compete within their category).")]
public sealed record MenuCategorySummary(string Category, int Items, double PopularityThreshold, decimal AverageUnitMargin,
    int Stars, int Plowhorses, int Puzzles, int Dogs);

[Description("One menu item variant in the menu-engineering matrix.")]
public sealed record MenuEngineeringItem(
    [property: Description("Menu type (Ice Cream, Dessert…).")] string Category,
    string Item,
    string Variant,
    decimal QuantitySold,
    [property: Description("Share of the category's units, 0..1.")] double MenuMix,
    [property: Description("Average net selling price (after discounts, excl. taxes).")] decimal AveragePrice,
    decimal UnitFoodCost,
    [property: Description("True when the food cost is the assumed share of the price, not a known cost.")] bool FoodCostEstimated,
    decimal UnitMargin,
    decimal TotalMargin,
    MenuItemClass Class,
    string Recommendation);

public sealed record MenuEngineeringResults(IReadOnlyList<MenuCategorySummary> Categories, IReadOnlyList<MenuEngineeringItem> Items,
    IReadOnlyList<MenuEngineeringItem> Underperformers);

// ---- price elasticity ----------------------------------------------------------------------------------------------------

[Description("Whether an item's elasticity could be estimated.")]
public enum ElasticityStatus
{
    Ok,
    InsufficientData,
    [Description("The effective price hardly varied: a slope would be noise.")] InsufficientPriceVariation,
}

public sealed record PriceElasticityMetrics(int Items, int Estimated, int InsufficientData, int InsufficientPriceVariation,
    [property: Description("Median elasticity of the estimated items.")] double? MedianElasticity);

[Description("Log-log price elasticity of one item variant: −1.5 means 1% dearer sells 1.5% fewer; with its 95% interval.")]
public sealed record PriceElasticityItem(
    string Item,
    string Variant,
    ElasticityStatus Status,
    [property: Description("Why there is no estimate, e.g. 'Insufficient price variation: …'.")] string? Message,
    double? Elasticity,
    double? CiLower,
    double? CiUpper,
    double? RSquared,
    [property: Description("Days with sales used.")] int Points,
    int DistinctPrices,
    [property: Description("Coefficient of variation of the effective price.")] double? PriceCv);

public sealed record PriceElasticityResults(IReadOnlyList<PriceElasticityItem> Items);

// ---- baskets -----------------------------------------------------------------------------------------------------------------

public sealed record BasketMetrics(int Baskets, int MultiItemBaskets, int Itemsets, int Rules, int Combos, double? TopLift,
    double MinSupport, double MinConfidence);

[Description("Antecedent → consequent. Support: share of orders with both; confidence: P(consequent | antecedent); lift > 1: bought together more than chance.")]
public sealed record BasketRule(IReadOnlyList<string> Antecedent, IReadOnlyList<string> Consequent, int Orders, double Support,
    double Confidence, double Lift);

[Description("A suggested bundle: items already bought together, with the strength of its best rule.")]
public sealed record BasketCombo(IReadOnlyList<string> Items, int Orders, double Support, double Confidence, double Lift);

public sealed record BasketResults(IReadOnlyList<BasketRule> Rules, IReadOnlyList<BasketCombo> Combos);

// ---- delivery time -------------------------------------------------------------------------------------------------------

[Description("Delivery time (minutes from acceptance to delivered) on the latest 20% of orders, held out: the model against a fixed median promise.")]
public sealed record DeliveryTimeAccuracy(
    int TrainingCount,
    int HoldoutCount,
    [property: Description("Timelines dropped as data errors (non-positive or over 4 hours).")] int DroppedObservations,
    double? ModelMae,
    double? MedianBaselineMae,
    [property: Description("1 − model MAE / baseline MAE.")] double? MaeImprovementVsMedian,
    double? MedianMinutes,
    double? MedianPrepMinutes,
    double? MedianRideMinutes);

public sealed record DeliveryTimeRunMetrics(int Observations, DeliveryTimeAccuracy? Accuracy);
