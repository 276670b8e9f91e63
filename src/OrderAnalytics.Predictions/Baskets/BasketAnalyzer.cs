namespace OrderAnalytics.Predictions;

public sealed record BasketOptions
{
    /// <summary>Share of orders an itemset must appear in.</summary>
    public double MinSupport { get; init; } = 0.01;

    /// <summary>P(consequent | antecedent) a rule must reach.</summary>
    public double MinConfidence { get; init; } = 0.2;

    public int MaxItemsetSize { get; init; } = 4;

    /// <summary>Combos need this support (so a suggestion rests on enough orders) and lift above <see cref="MinComboLift"/>.</summary>
    public double ComboMinSupport { get; init; } = 0.02;

    public double MinComboLift { get; init; } = 1.2;

    public int MaxCombos { get; init; } = 10;
}

/// <summary>
/// Antecedent => consequent. Support = share of orders with both; confidence = support / support(antecedent);
/// lift = confidence / support(consequent) (above 1: bought together more often than chance).
/// </summary>
public sealed record AssociationRule(
    IReadOnlyList<string> Antecedent,
    IReadOnlyList<string> Consequent,
    int Count,
    double Support,
    double Confidence,
    double Lift);

/// <summary>A suggested bundle: the items, how often they are already bought together, and the best rule's strength.</summary>
public sealed record ComboSuggestion(IReadOnlyList<string> Items, int Orders, double Support, double Confidence, double Lift);

public sealed record BasketAnalysisResult(
    string ModelVersion,
    TrainingWindow? TrainingWindow,
    ModelStatus Status,
    int Baskets,
    IReadOnlyList<FrequentItemset> Itemsets,
    IReadOnlyList<AssociationRule> Rules,
    IReadOnlyList<ComboSuggestion> Combos) : IModelResult;

/// <summary>
/// Market-basket analysis: FP-Growth itemsets, association rules, and combo suggestions (the strongest
/// rules by lift among itemsets with decent support, one per itemset). Leave non-product lines (delivery
/// charges, packaging) and near-universal add-ons (Cup) out of the baskets, or they dominate every rule.
/// </summary>
public static class BasketAnalyzer
{
    public const string ModelVersion = "fpgrowth-rules-v1";

    public static BasketAnalysisResult Analyze(IReadOnlyList<Basket> baskets, BasketOptions? options = null)
    {
        options ??= new BasketOptions();
        var window = TrainingWindow.Of(baskets.Where(b => b.Date.HasValue).Select(b => b.Date!.Value));
        int n = baskets.Count;
        if (n == 0) return new BasketAnalysisResult(ModelVersion, window, ModelStatus.InsufficientData, 0, [], [], []);

        int minCount = Math.Max(1, (int)Math.Ceiling(options.MinSupport * n - 1e-9));
        var itemsets = FpGrowth.Mine(baskets.Select(b => (IReadOnlyCollection<string>)b.Items).ToList(), minCount, options.MaxItemsetSize);
        var rules = Rules(itemsets, n, options.MinConfidence);
        var combos = rules
            .GroupBy(r => Key(r.Antecedent.Concat(r.Consequent)))
            .Select(g => g.OrderByDescending(r => r.Confidence).First())
            .Where(r => r.Support >= options.ComboMinSupport && r.Lift > options.MinComboLift)
            .OrderByDescending(r => r.Lift).ThenByDescending(r => r.Support)
            .Take(options.MaxCombos)
            .Select(r => new ComboSuggestion(
                r.Antecedent.Concat(r.Consequent).OrderBy(s => s, StringComparer.Ordinal).ToList(),
                r.Count, r.Support, r.Confidence, r.Lift))
            .ToList();
        return new BasketAnalysisResult(ModelVersion, window, ModelStatus.Ok, n, itemsets, rules, combos);
    }

    /// <summary>Every split of every frequent itemset (size >= 2) into antecedent and consequent that meets the confidence.</summary>
    public static IReadOnlyList<AssociationRule> Rules(IReadOnlyList<FrequentItemset> itemsets, int baskets, double minConfidence)
    {
        // all subsets of a frequent itemset are frequent, so their counts are in the map
        var count = itemsets.ToDictionary(s => Key(s.Items), s => s.Count, StringComparer.Ordinal);
        var rules = new List<AssociationRule>();
        foreach (var set in itemsets.Where(s => s.Items.Count >= 2))
        {
            int k = set.Items.Count;
            for (int mask = 1; mask < (1 << k) - 1; mask++)
            {
                var antecedent = new List<string>();
                var consequent = new List<string>();
                for (int i = 0; i < k; i++) (((mask >> i) & 1) == 1 ? antecedent : consequent).Add(set.Items[i]);
                double confidence = (double)set.Count / count[Key(antecedent)];
                if (confidence < minConfidence) continue;
                double lift = confidence / ((double)count[Key(consequent)] / baskets);
                rules.Add(new AssociationRule(antecedent, consequent, set.Count, set.Support, confidence, lift));
            }
        }
        return rules
            .OrderByDescending(r => r.Lift).ThenByDescending(r => r.Confidence).ThenByDescending(r => r.Support)
            .ThenBy(r => Key(r.Antecedent), StringComparer.Ordinal)
            .ToList();
    }

    private static string Key(IEnumerable<string> items) => string.Join('\u001f', items.OrderBy(s => s, StringComparer.Ordinal));
}
