namespace OrderAnalytics.Predictions.Tests;

public class RfmAnalyzerTests
{
    [Fact]
    public void Quintiles_TenDistinctValues_TwoPerScore()
    {
        var scores = RfmAnalyzer.Quintiles([10, 1, 9, 2, 8, 3, 7, 4, 6, 5]);
        Assert.Equal([5, 1, 5, 1, 4, 2, 4, 2, 3, 3], scores);
    }

    [Fact]
    public void Quintiles_MostlyOneTimeBuyers_TiesShareTheLowestScore()
    {
        // seven one-timers, two with 2 orders, one with 5: ties are never split arbitrarily
        var scores = RfmAnalyzer.Quintiles([1, 1, 1, 1, 1, 1, 1, 2, 2, 5]);
        Assert.Equal([1, 1, 1, 1, 1, 1, 1, 4, 4, 5], scores);
    }

    [Theory]
    [InlineData(5, 5, RfmSegment.Champions)]
    [InlineData(5, 4, RfmSegment.Champions)]
    [InlineData(4, 5, RfmSegment.Loyal)]
    [InlineData(3, 4, RfmSegment.Loyal)]
    [InlineData(5, 2, RfmSegment.PotentialLoyalist)]
    [InlineData(4, 3, RfmSegment.PotentialLoyalist)]
    [InlineData(5, 1, RfmSegment.New)]
    [InlineData(4, 1, RfmSegment.Promising)]
    [InlineData(3, 3, RfmSegment.NeedAttention)]
    [InlineData(3, 1, RfmSegment.AboutToSleep)]
    [InlineData(2, 4, RfmSegment.AtRisk)]
    [InlineData(1, 3, RfmSegment.AtRisk)]
    [InlineData(1, 5, RfmSegment.CantLose)]
    [InlineData(2, 2, RfmSegment.Hibernating)]
    [InlineData(1, 1, RfmSegment.Lost)]
    [InlineData(1, 2, RfmSegment.Lost)]
    public void Segment_GridCell_MapsToStandardName(int r, int f, RfmSegment expected)
    {
        Assert.Equal(expected, RfmAnalyzer.Segment(r, f));
    }

    [Fact]
    public void Segment_EveryCell_HasASegment()
    {
        for (int r = 1; r <= 5; r++)
            for (int f = 1; f <= 5; f++)
                Assert.True(Enum.IsDefined(RfmAnalyzer.Segment(r, f)));
    }

    [Fact]
    public void Analyze_HandExample_ScoresRecencyFrequencyAndMonetary()
    {
        var asOf = new DateOnly(2025, 6, 30);
        var tx = new List<CustomerTransaction>();
        // five customers: "a" recent and frequent ... "e" long gone, once
        void Add(string key, int daysAgo, decimal amount) => tx.Add(new CustomerTransaction(key, asOf.AddDays(-daysAgo), amount));
        foreach (var d in new[] { 1, 8, 15, 22, 29 }) Add("a", d, 500);
        foreach (var d in new[] { 5, 40, 80, 120 }) Add("b", d, 400);
        foreach (var d in new[] { 20, 90, 150 }) Add("c", d, 300);
        foreach (var d in new[] { 100, 200 }) Add("d", d, 200);
        Add("e", 300, 100);
        Add("late", -3, 999); // after asOf: ignored

        var result = RfmAnalyzer.Analyze(tx, asOf);
        Assert.Equal(RfmAnalyzer.ModelVersion, result.ModelVersion);
        Assert.Equal(5, result.Customers.Count);
        var a = result.Customers.Single(c => c.CustomerKey == "a");
        Assert.Equal((1, 5, 2500m, "555"), (a.RecencyDays, a.Frequency, a.Monetary, a.Score));
        Assert.Equal(RfmSegment.Champions, a.Segment);
        var e = result.Customers.Single(c => c.CustomerKey == "e");
        Assert.Equal("111", e.Score);
        Assert.Equal(RfmSegment.Lost, e.Segment);
        Assert.Equal(new TrainingWindow(asOf.AddDays(-300), asOf.AddDays(-1)), result.TrainingWindow);
        Assert.Equal(5, result.SegmentCounts.Values.Sum());
    }
}
