using System.ComponentModel;
using GraphQL;
using GraphQL.Types;
using OrderAnalytics.Data.Predictions;

namespace OrderAnalytics.Analytics.Predictions;

[Description("Which daily series to forecast.")]
public enum ForecastMeasure
{
    [Description("Success orders per business day.")] Orders,
    [Description("Revenue (Σ order total of Success orders) per business day, rupees.")] Revenue,
}

[Description("The business dates (IST, inclusive) of the data a model was fitted on.")]
public sealed record PredictionWindow(DateOnly From, DateOnly To, [property: Description("Calendar days from 'from' to 'to'.")] int Days);

public sealed class PredictionStatusGraphType : EnumerationGraphType
{
    public PredictionStatusGraphType()
    {
        Name = "PredictionStatus";
        Description = "How a model run went.";
        Add("OK", ModelRunStatus.Ok, "Trained: results and metrics present.");
        Add("INSUFFICIENT_DATA", ModelRunStatus.InsufficientData, "Not enough data to fit the model (message says what is missing); no results.");
        Add("FAILED", ModelRunStatus.Failed, "The run threw an error (message); no results. The latest run is shown even when it failed.");
    }
}

/// <summary>The fields every stored run has: which model and version, when, on which data, how it went.</summary>
internal static class RunFields
{
    public static void Add<TSource>(ObjectGraphType<TSource> type, Func<TSource, StoredRun> run)
    {
        type.Field<NonNullGraphType<StringGraphType>>("model").Description("Stored model name, e.g. demand_orders.").Resolve(c => run(c.Source).Model);
        type.Field<NonNullGraphType<StringGraphType>>("modelVersion").Description("The model's version (bumped when its maths changes), e.g. demand-ridge-calendar-v1.")
            .Resolve(c => run(c.Source).ModelVersion);
        type.Field<NonNullGraphType<DateTimeOffsetGraphType>>("trainedAt").Description("When the run finished.").Resolve(c => run(c.Source).TrainedAt);
        type.Field<AutoRegisteringObjectGraphType<PredictionWindow>>("trainingWindow")
            .Description("Business dates of the data the model was fitted on; null when there was none.")
            .Resolve(c => run(c.Source) is { TrainingFrom: { } from, TrainingTo: { } to } ? new PredictionWindow(from, to, to.DayNumber - from.DayNumber + 1) : null);
        type.Field<NonNullGraphType<PredictionStatusGraphType>>("status").Resolve(c => run(c.Source).Status);
        type.Field<StringGraphType>("message").Description("Why the status is not OK.").Resolve(c => run(c.Source).Message);
        type.Field<StringGraphType>("restaurant").Description("PetPooja restID the model was trained for; null = all restaurants together.")
            .Resolve(c => run(c.Source).Restaurant);
        type.Field<NonNullGraphType<IntGraphType>>("durationMs").Description("Training time, input loading included.").Resolve(c => run(c.Source).DurationMs);
        type.Field<NonNullGraphType<StringGraphType>>("metricsJson").Description("Every stored metric of the run, as JSON.").Resolve(c => run(c.Source).MetricsJson);
    }
}

/// <summary>The latest run of any model: its status and metrics (JSON), for monitoring.</summary>
public sealed class PredictionRunGraphType : ObjectGraphType<StoredRun>
{
    public PredictionRunGraphType()
    {
        Name = "PredictionRun";
        Description = "A stored training run of one model: version, training window, status and metrics.";
        RunFields.Add(this, r => r);
    }
}

/// <summary>A stored run with typed metrics and results; subclasses add the model's own fields.</summary>
public abstract class PredictionGraphType<TMetrics, TResults> : ObjectGraphType<Prediction<TMetrics, TResults>>
    where TMetrics : class where TResults : class
{
    protected PredictionGraphType(string name, string description)
    {
        Name = name;
        Description = description;
        RunFields.Add(this, p => p.Run);
    }

    protected void Object<T>(string name, string description, Func<Prediction<TMetrics, TResults>, T?> value) where T : class =>
        Field<AutoRegisteringObjectGraphType<T>>(name).Description(description).Resolve(c => value(c.Source));

    protected void List<T>(string name, string description, Func<Prediction<TMetrics, TResults>, IEnumerable<T>?> value) =>
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AutoRegisteringObjectGraphType<T>>>>>(name)
            .Description(description + " Empty unless status is OK.")
            .Resolve(c => value(c.Source)?.ToList() ?? []);

    /// <summary>A list with an optional "limit" argument (rows from the top; the stored list is already top-N).</summary>
    protected void LimitedList<T>(string name, string description, Func<Prediction<TMetrics, TResults>, IEnumerable<T>?> value) =>
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AutoRegisteringObjectGraphType<T>>>>>(name)
            .Description(description + " Empty unless status is OK.")
            .Argument<IntGraphType>("limit", "At most this many rows from the top (all stored rows when omitted).")
            .Resolve(c =>
            {
                var rows = value(c.Source) ?? [];
                return c.GetArgument<int?>("limit") is { } limit ? rows.Take(Math.Max(0, limit)).ToList() : rows.ToList();
            });
}

public sealed class DemandForecastGraphType : PredictionGraphType<DemandForecastMetrics, DemandForecastResults>
{
    public DemandForecastGraphType() : base("DemandForecast",
        "Daily demand forecast (ridge regression on calendar features: trend, weekday, yearly seasonality, Indian holidays) with 80% intervals, "
        + "and its rolling-origin backtest against the seasonal-naive and Holt-Winters baselines.")
    {
        Field<StringGraphType>("series").Description("orders or revenue.").Resolve(c => c.Source.Metrics?.Series);
        List<DemandForecastPoint>("points", "One point per day of the horizon (14 days by default).", p => p.Results?.Points);
        Object<DemandBacktest>("backtest", "Out-of-sample accuracy of the model and the baselines; null when the history is too short for one origin.",
            p => p.Metrics?.Backtest);
        Object<DemandFitDiagnostics>("fit", "How the final model was fitted.", p => p.Metrics?.Fit);
    }
}

public sealed class HourlyForecastGraphType : PredictionGraphType<HourlyForecastMetrics, HourlyForecastResults>
{
    public HourlyForecastGraphType() : base("HourlyForecast",
        "Orders per IST clock hour over the horizon: the daily forecast split by the weekday's hour profile of the last eight weeks.")
    {
        List<HourlyDemandPoint>("points", "Hours with expected orders, per day of the horizon.", p => p.Results?.Points);
        Object<HourlyBacktest>("backtest", "Out-of-sample accuracy against the hourly seasonal naive.", p => p.Metrics?.Backtest);
        Field<FloatGraphType>("calibrationWape").Description("WAPE of the out-of-sample replays used to calibrate the intervals.")
            .Resolve(c => c.Source.Metrics?.CalibrationWape);
    }
}

public sealed class InventoryPlanGraphType : PredictionGraphType<InventoryPlanMetrics, InventoryPlanResults>
{
    public InventoryPlanGraphType() : base("InventoryPlan",
        "Ingredient needs over the forecast horizon: the best sellers' daily forecasts × recipes (a sample recipe book until the kitchen's own is loaded).")
    {
        Field<DateOnlyGraphType>("from").Description("First forecast day.").Resolve(c => c.Source.Results?.From);
        Field<DateOnlyGraphType>("to").Description("Last forecast day.").Resolve(c => c.Source.Results?.To);
        Object<InventoryPlanMetrics>("summary", "How many items were forecast, skipped or lacked a recipe.", p => p.Metrics);
        List<IngredientPlanTotal>("totals", "Need per ingredient over the whole horizon (e.g. for a purchase order).", p => p.Results?.Totals);
        List<IngredientPlanDay>("daily", "Need per ingredient and day (for perishables).", p => p.Results?.Daily);
        List<ItemForecastTotal>("items", "Units forecast per item variant over the horizon.", p => p.Results?.Items);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("itemsWithoutRecipe")
            .Description("Forecast items ('item | variant') that have no recipe, so no ingredient need (top N).")
            .Resolve(c => c.Source.Results?.ItemsWithoutRecipe ?? []);
    }
}

public sealed class RfmSegmentsGraphType : PredictionGraphType<RfmMetrics, RfmResults>
{
    public RfmSegmentsGraphType() : base("RfmSegmentation",
        "Recency-frequency-monetary quintile scores and the R × F segment grid, as of the last training day. Customers by pseudonym only.")
    {
        Field<DateOnlyGraphType>("asOf").Description("Recency is counted back from this business date.").Resolve(c => c.Source.Results?.AsOf);
        Object<RfmMetrics>("summary", "Customers, one-time customers, median recency, mean frequency and spend.", p => p.Metrics);
        List<RfmSegmentSummary>("segments", "Every segment with its customer count (zero counts included).", p => p.Results?.Segments);
        LimitedList<RfmTopCustomer>("topCustomers", "Customers with the highest spend, by pseudonym.", p => p.Results?.TopCustomers);
    }
}

public sealed class ChurnGraphType : PredictionGraphType<ChurnMetrics, ChurnResults>
{
    public ChurnGraphType() : base("ChurnOutlook",
        "BG/NBD churn model: who has probably stopped buying (P(alive)) and expected purchases, validated on a calibration / holdout split. "
        + "Customers by pseudonym only.")
    {
        Field<DateOnlyGraphType>("asOf").Description("Last business date of the training data.").Resolve(c => c.Source.Results?.AsOf);
        Object<ChurnSummary>("summary", "The customer base's outlook.", p => p.Results?.Summary);
        Object<BgNbdEstimate>("fit", "Fitted model parameters.", p => p.Metrics?.Fit);
        Object<ChurnValidationMetrics>("validation", "Holdout check: AUCs and predicted versus actual purchases.", p => p.Metrics?.Validation);
        LimitedList<ChurnAtRiskCustomer>("atRisk", "Repeat customers least likely to still be customers, lowest P(alive) first.", p => p.Results?.AtRisk);
    }
}

public sealed class MenuEngineeringGraphType : PredictionGraphType<MenuEngineeringMetrics, MenuEngineeringResults>
{
    public MenuEngineeringGraphType() : base("MenuEngineering",
        "Kasavana-Smith menu engineering per menu category: popularity × unit contribution margin gives stars, plowhorses, puzzles and dogs. "
        + "Food cost is an assumed share of the price until real costs are known.")
    {
        Object<MenuEngineeringMetrics>("summary", "Items per class.", p => p.Metrics);
        List<MenuCategorySummary>("categories", "One matrix per menu category.", p => p.Results?.Categories);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AutoRegisteringObjectGraphType<MenuEngineeringItem>>>>>("items")
            .Description("Items with the largest total margin (top N), optionally of one class. Empty unless status is OK.")
            .Argument<EnumerationGraphType<MenuItemClass>>("class", "Only items of this class.")
            .Resolve(c =>
            {
                var items = c.Source.Results?.Items ?? [];
                return c.GetArgument<MenuItemClass?>("class") is { } k ? items.Where(i => i.Class == k).ToList() : items.ToList();
            });
        List<MenuEngineeringItem>("underperformers", "Dogs, smallest total margin first (top N): the items a menu review should look at.",
            p => p.Results?.Underperformers);
    }
}

public sealed class PriceElasticityGraphType : PredictionGraphType<PriceElasticityMetrics, PriceElasticityResults>
{
    public PriceElasticityGraphType() : base("PriceElasticity",
        "Log-log price elasticity per item variant from daily effective prices (list price less discounts), with 95% intervals, or the reason "
        + "there is none (usually insufficient price variation). Discounts cluster on festivals, which confounds price with occasion.")
    {
        Object<PriceElasticityMetrics>("summary", "How many items could be estimated.", p => p.Metrics);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AutoRegisteringObjectGraphType<PriceElasticityItem>>>>>("items")
            .Description("Estimated items first, then the items with the most days of sales (top N). Empty when nothing was analysed.")
            .Argument<EnumerationGraphType<ElasticityStatus>>("status", "Only items with this status.")
            .Resolve(c =>
            {
                var items = c.Source.Results?.Items ?? [];
                return c.GetArgument<ElasticityStatus?>("status") is { } s ? items.Where(i => i.Status == s).ToList() : items.ToList();
            });
    }
}

public sealed class BasketRulesGraphType : PredictionGraphType<BasketMetrics, BasketResults>
{
    public BasketRulesGraphType() : base("BasketAnalysis",
        "Market-basket analysis (FP-Growth) over the menu items of each order, non-product lines left out: association rules and combo suggestions.")
    {
        Object<BasketMetrics>("summary", "Baskets, itemsets, rules and the thresholds used.", p => p.Metrics);
        LimitedList<BasketRule>("rules", "Rules by lift, then confidence (top N).", p => p.Results?.Rules);
        List<BasketCombo>("combos", "Suggested bundles: the strongest rule per itemset with enough support.", p => p.Results?.Combos);
    }
}

public sealed class DeliveryTimeGraphType : PredictionGraphType<DeliveryTimeRunMetrics, object>
{
    public DeliveryTimeGraphType() : base("DeliveryTimeModel",
        "Delivery time from acceptance to delivered (gradient-boosted trees on hour, weekday, locality, items and value), judged on the latest 20% "
        + "of delivered orders against a fixed median promise. Status INSUFFICIENT_DATA when there are too few status timelines.")
    {
        Field<NonNullGraphType<IntGraphType>>("observations").Description("Delivered orders with an accepted and a delivered callback.")
            .Resolve(c => c.Source.Metrics?.Observations ?? 0);
        Object<DeliveryTimeAccuracy>("accuracy", "Holdout MAE of the model and of the median baseline, in minutes; null unless status is OK.",
            p => p.Metrics?.Accuracy);
    }
}
