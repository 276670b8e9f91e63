namespace OrderAnalytics.Predictions;

public enum MenuClass
{
    Star,       // popular, high margin: keep and feature
    Plowhorse,  // popular, low margin: re-price or cut cost
    Puzzle,     // unpopular, high margin: promote or reposition
    Dog,        // unpopular, low margin: candidate for removal
}

/// <summary>Food cost of one unit of an item variant; Variant "*" covers every variant of the item.</summary>
public sealed record MenuItemCost(string Item, string Variant, decimal UnitFoodCost);

public sealed record MenuEngineeringOptions
{
    /// <summary>Food cost as a share of the average selling price when the cost map has no entry (30% is typical for desserts).</summary>
    public decimal DefaultFoodCostShare { get; init; } = 0.30m;

    public IReadOnlyList<MenuItemCost> Costs { get; init; } = [];
}

public sealed record MenuItemAnalysis(
    string Item,
    string Variant,
    decimal QuantitySold,
    double MenuMix,
    decimal AveragePrice,
    decimal UnitFoodCost,
    bool FoodCostEstimated,
    decimal UnitMargin,
    decimal TotalMargin,
    MenuClass Class,
    string Recommendation);

public sealed record MenuEngineeringResult(
    string ModelVersion,
    TrainingWindow? TrainingWindow,
    ModelStatus Status,
    double PopularityThreshold,
    decimal AverageUnitMargin,
    IReadOnlyList<MenuItemAnalysis> Items,
    IReadOnlyList<MenuItemAnalysis> Underperformers) : IModelResult;

/// <summary>
/// Kasavana-Smith menu engineering. Popularity: an item is popular when its menu mix (share of units sold)
/// reaches 70% of an equal share, 0.7 / N. Profitability: unit contribution margin (average net selling
/// price - food cost) against the quantity-weighted average margin of the items analysed.
/// Run it per menu category (ice creams vs desserts) and without non-product lines (delivery charges,
/// packaging): the method compares items that compete for the same order.
/// </summary>
public static class MenuEngineering
{
    public const string ModelVersion = "menu-kasavana-smith-v1";

    public static MenuEngineeringResult Analyze(IEnumerable<ItemSales> sales, MenuEngineeringOptions? options = null)
    {
        options ??= new MenuEngineeringOptions();
        var list = sales.Where(s => s.Quantity > 0).ToList();
        var window = TrainingWindow.Of(list.Select(s => s.Date));
        var costs = options.Costs.ToDictionary(c => Key(c.Item, c.Variant), c => c.UnitFoodCost);
        var items = list
            .GroupBy(s => (s.Item, s.Variant))
            .Select(g =>
            {
                decimal qty = g.Sum(s => s.Quantity);
                decimal net = g.Sum(s => s.UnitPrice * s.Quantity - s.Discount); // what the cafe actually got
                decimal price = net / qty;
                bool estimated = !costs.TryGetValue(Key(g.Key.Item, g.Key.Variant), out var cost)
                                 && !costs.TryGetValue(Key(g.Key.Item, "*"), out cost);
                if (estimated) cost = Math.Round(price * options.DefaultFoodCostShare, 2);
                return (g.Key.Item, g.Key.Variant, Qty: qty, Price: price, Cost: cost, Estimated: estimated);
            })
            .ToList();
        if (items.Count == 0)
            return new MenuEngineeringResult(ModelVersion, window, ModelStatus.InsufficientData, double.NaN, 0, [], []);

        decimal totalQty = items.Sum(i => i.Qty);
        double threshold = 0.7 / items.Count;
        decimal avgMargin = items.Sum(i => (i.Price - i.Cost) * i.Qty) / totalQty;
        var analysed = items.Select(i =>
            {
                double mix = (double)(i.Qty / totalQty);
                decimal margin = i.Price - i.Cost;
                var cls = (mix >= threshold, margin >= avgMargin) switch
                {
                    (true, true) => MenuClass.Star,
                    (true, false) => MenuClass.Plowhorse,
                    (false, true) => MenuClass.Puzzle,
                    _ => MenuClass.Dog,
                };
                return new MenuItemAnalysis(i.Item, i.Variant, i.Qty, mix, Math.Round(i.Price, 2), i.Cost, i.Estimated,
                    Math.Round(margin, 2), Math.Round(margin * i.Qty, 2), cls, Advice(cls));
            })
            .OrderByDescending(a => a.TotalMargin)
            .ToList();
        // Dogs first (least total contribution first), the items a menu review should look at
        var under = analysed.Where(a => a.Class == MenuClass.Dog).OrderBy(a => a.TotalMargin).ToList();
        return new MenuEngineeringResult(ModelVersion, window, ModelStatus.Ok, threshold, Math.Round(avgMargin, 2), analysed, under);
    }

    private static string Advice(MenuClass c) => c switch
    {
        MenuClass.Star => "Keep: feature prominently, protect quality and price.",
        MenuClass.Plowhorse => "Popular but thin margin: raise the price a little, trim portion or cost, pair with high-margin add-ons.",
        MenuClass.Puzzle => "Profitable but rarely chosen: promote, rename or move to a better menu position.",
        _ => "Low popularity and margin: consider removing or reworking.",
    };

    private static (string, string) Key(string item, string variant) =>
        (item.Trim().ToUpperInvariant(), variant.Trim().ToUpperInvariant());
}
