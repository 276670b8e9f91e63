namespace OrderAnalytics.Predictions.Tests;

public class BasketAnalyzerTests
{
    private static Basket B(int i, params string[] items) => new($"o{i}", items, new DateOnly(2025, 1, 1).AddDays(i));

    [Fact]
    public void Rules_HandBaskets_HaveKnownConfidenceAndLift()
    {
        // 10 orders: Tiramisu in 5, Coffee in 4, both in 3
        var baskets = new[]
        {
            B(0, "Tiramisu", "Coffee"), B(1, "Tiramisu", "Coffee"), B(2, "Tiramisu", "Coffee"),
            B(3, "Tiramisu"), B(4, "Tiramisu", "Cone"), B(5, "Coffee"), B(6, "Cone"), B(7, "Cone"), B(8, "Cone", "Cup"), B(9, "Cup"),
        };
        var result = BasketAnalyzer.Analyze(baskets, new BasketOptions { MinSupport = 0.2, MinConfidence = 0.5, ComboMinSupport = 0.2, MinComboLift = 1.0 });

        Assert.Equal(BasketAnalyzer.ModelVersion, result.ModelVersion);
        Assert.Equal(10, result.Baskets);
        Assert.Equal(new TrainingWindow(new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 10)), result.TrainingWindow);
        var rule = result.Rules.Single(r => r.Antecedent.SequenceEqual(["Tiramisu"]) && r.Consequent.SequenceEqual(["Coffee"]));
        Assert.Equal(0.3, rule.Support, 12);
        Assert.Equal(0.6, rule.Confidence, 12);       // 3 / 5
        Assert.Equal(1.5, rule.Lift, 12);             // 0.6 / 0.4
        var reverse = result.Rules.Single(r => r.Antecedent.SequenceEqual(["Coffee"]));
        Assert.Equal(0.75, reverse.Confidence, 12);   // 3 / 4
        Assert.DoesNotContain(result.Rules, r => r.Confidence < 0.5);

        var combo = Assert.Single(result.Combos);     // one suggestion per itemset, not per direction
        Assert.Equal(["Coffee", "Tiramisu"], combo.Items);
        Assert.Equal(3, combo.Orders);
        Assert.Equal(0.75, combo.Confidence, 12);
    }

    [Fact]
    public void Analyze_Combos_OrderedByLiftAndRespectSupport()
    {
        var baskets = new List<Basket>();
        int i = 0;
        for (int k = 0; k < 30; k++) baskets.Add(B(i++, "Brownie", "Vanilla"));      // strong pair
        for (int k = 0; k < 20; k++) baskets.Add(B(i++, "Tiramisu", "Coffee"));      // strong pair
        for (int k = 0; k < 2; k++) baskets.Add(B(i++, "Rare1", "Rare2"));           // huge lift, tiny support
        for (int k = 0; k < 48; k++) baskets.Add(B(i++, k % 2 == 0 ? "Vanilla" : "Coffee"));
        var result = BasketAnalyzer.Analyze(baskets, new BasketOptions { MinSupport = 0.01, ComboMinSupport = 0.05 });
        Assert.DoesNotContain(result.Combos, c => c.Items.Contains("Rare1"));
        Assert.Equal(2, result.Combos.Count);
        Assert.True(result.Combos[0].Lift >= result.Combos[1].Lift);
        Assert.Equal(["Coffee", "Tiramisu"], result.Combos[0].Items);
    }

    [Fact]
    public void Analyze_NoBaskets_ReturnsInsufficientData()
    {
        Assert.Equal(ModelStatus.InsufficientData, BasketAnalyzer.Analyze([]).Status);
    }
}
