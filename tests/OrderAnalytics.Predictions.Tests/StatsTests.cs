namespace OrderAnalytics.Predictions.Tests;

public class StatsTests
{
    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.5, 2.5)]
    [InlineData(0.25, 1.75)]
    [InlineData(1.0, 4.0)]
    public void Quantile_FourValues_InterpolatesLikeType7(double p, double expected)
    {
        Assert.Equal(expected, Stats.Quantile([4, 1, 3, 2], p), 12);
    }

    [Fact]
    public void Auc_PerfectRanking_IsOne()
    {
        Assert.Equal(1.0, Stats.Auc([0.1, 0.2, 0.8, 0.9], [false, false, true, true]));
    }

    [Fact]
    public void Auc_TiedScores_CountOneHalf()
    {
        // one positive tied with one negative, the other pair correctly ordered: (1 + 0.5 + 1 + 1) / 4
        Assert.Equal(0.875, Stats.Auc([0.5, 0.5, 0.1, 0.9], [true, false, false, true]), 12);
    }

    [Fact]
    public void Auc_SingleClass_IsNaN()
    {
        Assert.True(double.IsNaN(Stats.Auc([0.1, 0.2], [true, true])));
    }
}
