namespace OrderAnalytics.Predictor;

/// <summary>Configuration section "Predictor".</summary>
public sealed class PredictorOptions
{
    public const string Section = "Predictor";

    /// <summary>Time between the starts of two training cycles.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Train once as soon as the service starts (otherwise the first cycle waits one interval).</summary>
    public bool RunOnStart { get; set; } = true;

    /// <summary>Days ahead the demand, hourly and inventory forecasts cover.</summary>
    public int HorizonDays { get; set; } = 14;

    /// <summary>Business days of history read for training, back from the last complete business day.</summary>
    public int HistoryDays { get; set; } = 1095;

    /// <summary>Food cost as a share of the selling price, for menu engineering (no per-item costs are known yet).</summary>
    public double FoodCostShare { get; set; } = 0.30;

    /// <summary>Recipe CSV (menu_item,variant,ingredient,quantity,unit), relative to the application folder or absolute.</summary>
    public string RecipesPath { get; set; } = Path.Combine("data", "recipes", "sample_recipes.csv");

    /// <summary>Length of the stored top-N lists (customers, at-risk customers, rules, menu items, elasticities).</summary>
    public int TopN { get; set; } = 50;

    /// <summary>Best-selling item variants forecast for the inventory plan.</summary>
    public int MaxForecastItems { get; set; } = 60;

    /// <summary>Rolling origins of the daily demand backtest (one week apart).</summary>
    public int BacktestOrigins { get; set; } = 26;

    /// <summary>Weeks ahead of the churn outlook (expected purchases, P(purchase)).</summary>
    public double ChurnHorizonWeeks { get; set; } = 13;

    /// <summary>
    /// Menu types that are not products (delivery charges, packaging, visits): left out of the menu, price, basket and item
    /// forecast models. Configured values are added to these two (the configuration binder appends to arrays).
    /// </summary>
    public string[] NonProductTypes { get; set; } = ["Extra", "Service"];

    /// <summary>Basket rules: share of orders an itemset must appear in.</summary>
    public double BasketMinSupport { get; set; } = 0.01;

    /// <summary>Basket rules: P(consequent | antecedent) a rule must reach.</summary>
    public double BasketMinConfidence { get; set; } = 0.2;

    /// <summary>Also train every model per restaurant when the store has more than one (always trained on all together).</summary>
    public bool PerRestaurant { get; set; } = true;

    /// <summary>Only these models (names as stored, e.g. demand_orders); all when empty.</summary>
    public string[] Models { get; set; } = [];

    /// <summary>Runs per model and restaurant that keep their results; older runs keep only their metrics.</summary>
    public int KeepResults { get; set; } = 20;

    public IEnumerable<string> Validate()
    {
        if (Interval < TimeSpan.FromMinutes(1)) yield return "Predictor:Interval must be at least 00:01:00.";
        if (HorizonDays is < 1 or > 60) yield return "Predictor:HorizonDays must be between 1 and 60.";
        if (HistoryDays < 28) yield return "Predictor:HistoryDays must be at least 28.";
        if (FoodCostShare is <= 0 or >= 1) yield return "Predictor:FoodCostShare must be between 0 and 1 (exclusive).";
        if (string.IsNullOrWhiteSpace(RecipesPath)) yield return "Predictor:RecipesPath is required.";
        if (TopN is < 1 or > 1000) yield return "Predictor:TopN must be between 1 and 1000.";
        if (MaxForecastItems is < 1 or > 1000) yield return "Predictor:MaxForecastItems must be between 1 and 1000.";
        if (BacktestOrigins is < 1 or > 104) yield return "Predictor:BacktestOrigins must be between 1 and 104.";
        if (BasketMinSupport is <= 0 or > 1) yield return "Predictor:BasketMinSupport must be in (0, 1].";
        if (BasketMinConfidence is <= 0 or > 1) yield return "Predictor:BasketMinConfidence must be in (0, 1].";
        if (ChurnHorizonWeeks <= 0) yield return "Predictor:ChurnHorizonWeeks must be positive.";
        if (KeepResults < 1) yield return "Predictor:KeepResults must be at least 1.";
        foreach (var unknown in Models.Where(m => !Data.Predictions.PredictionModels.All.Contains(m)))
            yield return $"Predictor:Models: unknown model '{unknown}' (known: {string.Join(", ", Data.Predictions.PredictionModels.All)}).";
    }

    /// <summary>The recipe file as an absolute path.</summary>
    public string RecipesFullPath => Path.IsPathRooted(RecipesPath) ? RecipesPath : Path.Combine(AppContext.BaseDirectory, RecipesPath);
}
