namespace OrderAnalytics.Data.Predictions;

/// <summary>
/// One training of one predictive model, as the predictor stored it: which model and version, on which restaurant
/// (null = all restaurants together) and which business dates, how it went, its accuracy figures and its outputs.
/// Written by OrderAnalytics.Predictor, read by the analytics API. Never holds names, phones or addresses:
/// customers appear by pseudonym only.
/// </summary>
public sealed class ModelRun
{
    public long Id { get; set; }

    /// <summary>The training cycle this run belongs to (every model of one cycle shares it).</summary>
    public Guid CycleId { get; set; }

    /// <summary>One of <see cref="PredictionModels"/>, e.g. demand_orders.</summary>
    public required string Model { get; set; }

    /// <summary>The model's version constant (bumped when its maths changes), e.g. demand-ridge-calendar-v1.</summary>
    public required string ModelVersion { get; set; }

    /// <summary>restaurants.restaurant_id, or null for a model trained on all restaurants together.</summary>
    public long? RestaurantId { get; set; }

    public DateTimeOffset TrainedAt { get; set; }

    /// <summary>First business date of the data the model was fitted on (null when there was none).</summary>
    public DateOnly? TrainingFrom { get; set; }

    /// <summary>Last business date of the data the model was fitted on.</summary>
    public DateOnly? TrainingTo { get; set; }

    /// <summary>One of <see cref="ModelRunStatus"/>: ok, insufficient_data or failed.</summary>
    public required string Status { get; set; }

    /// <summary>Why the status is not ok (insufficient data, or the error of a failed run).</summary>
    public string? Message { get; set; }

    /// <summary>Accuracy and fit figures (jsonb), e.g. backtest WAPE against the baselines.</summary>
    public string Metrics { get; set; } = "{}";

    /// <summary>The model's outputs (jsonb, top-N lists and a 14-day horizon); null on failed runs and on old runs once pruned.</summary>
    public string? Results { get; set; }

    /// <summary>Wall-clock time the model took, input loading included.</summary>
    public int DurationMs { get; set; }
}

/// <summary>The model names stored in model_runs.model.</summary>
public static class PredictionModels
{
    public const string DemandOrders = "demand_orders";
    public const string DemandRevenue = "demand_revenue";
    public const string HourlyOrders = "hourly_orders";
    public const string InventoryPlan = "inventory_plan";
    public const string RfmSegments = "rfm_segments";
    public const string Churn = "churn";
    public const string MenuEngineering = "menu_engineering";
    public const string PriceElasticity = "price_elasticity";
    public const string BasketRules = "basket_rules";
    public const string DeliveryTime = "delivery_time";

    public static IReadOnlyList<string> All { get; } =
    [
        DemandOrders, DemandRevenue, HourlyOrders, InventoryPlan, RfmSegments, Churn, MenuEngineering, PriceElasticity, BasketRules,
        DeliveryTime,
    ];
}

/// <summary>The values of model_runs.status.</summary>
public static class ModelRunStatus
{
    public const string Ok = "ok";
    public const string InsufficientData = "insufficient_data";
    public const string Failed = "failed";
}
