namespace OrderAnalytics.Predictions.Tests;

public class FpGrowthTests
{
    // The textbook example (Han et al.): 9 orders over 5 items, counts easy to check by eye
    private static readonly string[][] Orders =
    [
        ["A", "B", "E"], ["B", "D"], ["B", "C"], ["A", "B", "D"], ["A", "C"],
        ["B", "C"], ["A", "C"], ["A", "B", "C", "E"], ["A", "B", "C"],
    ];

    private static int Count(IReadOnlyList<FrequentItemset> sets, params string[] items) =>
        sets.Single(s => s.Items.SequenceEqual(items.Order(StringComparer.Ordinal))).Count;

    [Fact]
    public void Mine_TextbookOrders_FindsKnownSupportCounts()
    {
        var sets = FpGrowth.Mine(Orders, minCount: 2);
        Assert.Equal(6, Count(sets, "A"));
        Assert.Equal(7, Count(sets, "B"));
        Assert.Equal(4, Count(sets, "A", "B"));
        Assert.Equal(4, Count(sets, "A", "C"));
        Assert.Equal(2, Count(sets, "A", "B", "E"));
        Assert.Equal(2, Count(sets, "A", "B", "C"));
        Assert.Equal(13, sets.Count); // 5 singletons, 6 pairs, 2 triples
        Assert.Equal(4.0 / 9, sets.Single(s => s.Items.SequenceEqual(["A", "B"])).Support, 12);
    }

    [Fact]
    public void Mine_MaxSize_StopsGrowingItemsets()
    {
        Assert.DoesNotContain(FpGrowth.Mine(Orders, 2, maxSize: 2), s => s.Items.Count > 2);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Mine_RandomBaskets_MatchesBruteForceCounting(int seed)
    {
        var rng = new Random(seed);
        string[] items = ["Tiramisu", "Cone", "Cup", "Banoffee", "Pistachio", "Brownie", "Coffee", "Lamington"];
        var baskets = Enumerable.Range(0, 200)
            .Select(_ => items.Where((_, i) => rng.NextDouble() < 0.15 + 0.05 * i).ToArray())
            .Where(b => b.Length > 0)
            .ToArray();
        int minCount = 8;
        var mined = FpGrowth.Mine(baskets, minCount).ToDictionary(s => string.Join("|", s.Items), s => s.Count);

        var expected = new Dictionary<string, int>();
        var sorted = items.Order(StringComparer.Ordinal).ToArray();
        for (int mask = 1; mask < 1 << sorted.Length; mask++)
        {
            var subset = sorted.Where((_, i) => ((mask >> i) & 1) == 1).ToArray();
            int count = baskets.Count(b => subset.All(b.Contains));
            if (count >= minCount) expected[string.Join("|", subset)] = count;
        }
        Assert.Equal(expected.OrderBy(kv => kv.Key), mined.OrderBy(kv => kv.Key));
    }
}
