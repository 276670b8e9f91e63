namespace OrderAnalytics.Predictions;

/// <summary>Ingredient need on one day: P50 from the items' median forecasts, P90 from their P90s.</summary>
public sealed record IngredientNeed(DateOnly Date, string Ingredient, string Unit, double P50, double P90);

/// <summary>Need for one ingredient summed over a span of forecast days.</summary>
public sealed record IngredientTotal(string Ingredient, string Unit, DateOnly From, DateOnly To, double P50, double P90);

public sealed record InventoryPlan(
    string ModelVersion,
    TrainingWindow? TrainingWindow,
    ModelStatus Status,
    IReadOnlyList<IngredientNeed> Needs,
    IReadOnlyList<string> ItemsWithoutRecipe) : IModelResult;

/// <summary>
/// Turns item forecasts into ingredient needs through the recipe book.
/// P50 sums the items' medians (a sum of medians is close to the median of the sum for many items).
/// P90 sums the items' P90s: exact if items rise and fall together (they do, through the day's footfall),
/// an upper bound otherwise - the safe side for stocking perishables like cream and milk.
/// </summary>
public static class InventoryPlanner
{
    public const string ModelVersion = "inventory-recipe-v1";

    /// <summary>Plans from <see cref="DemandForecaster.ForecastItems"/>' output.</summary>
    public static InventoryPlan Plan(RecipeBook recipes, ItemForecastSet forecasts) => Plan(recipes, forecasts.Items);

    public static InventoryPlan Plan(RecipeBook recipes, IReadOnlyList<ItemDemandForecast> forecasts)
    {
        var sums = new Dictionary<(DateOnly, string, string), (double P50, double P90)>();
        var missing = new List<string>();
        foreach (var item in forecasts)
        {
            var lines = recipes.For(item.Item, item.Variant);
            if (lines.Count == 0)
            {
                missing.Add($"{item.Item} | {item.Variant}");
                continue;
            }
            foreach (var point in item.Forecast.Points)
            foreach (var line in lines)
            {
                var key = (point.Date, line.Ingredient, line.Unit);
                sums.TryGetValue(key, out var s);
                sums[key] = (s.P50 + line.Quantity * point.P50, s.P90 + line.Quantity * point.P90);
            }
        }
        var needs = sums
            .Select(kv => new IngredientNeed(kv.Key.Item1, kv.Key.Item2, kv.Key.Item3, kv.Value.P50, kv.Value.P90))
            .OrderBy(n => n.Date).ThenBy(n => n.Ingredient, StringComparer.Ordinal).ThenBy(n => n.Unit, StringComparer.Ordinal)
            .ToList();
        var windows = forecasts.Select(f => f.Forecast.TrainingWindow).OfType<TrainingWindow>().ToList();
        var window = windows.Count == 0 ? null : new TrainingWindow(windows.Min(w => w.From), windows.Max(w => w.To));
        return new InventoryPlan(ModelVersion, window, needs.Count > 0 ? ModelStatus.Ok : ModelStatus.InsufficientData, needs, missing);
    }

    /// <summary>Convenience: total need per ingredient over the whole forecast horizon (e.g. for a weekly purchase order).</summary>
    public static IReadOnlyList<IngredientTotal> Totals(InventoryPlan plan) =>
        plan.Needs
            .GroupBy(n => (n.Ingredient, n.Unit))
            .Select(g => new IngredientTotal(g.Key.Ingredient, g.Key.Unit, g.Min(n => n.Date), g.Max(n => n.Date), g.Sum(n => n.P50), g.Sum(n => n.P90)))
            .OrderBy(n => n.Ingredient, StringComparer.Ordinal)
            .ToList();
}
