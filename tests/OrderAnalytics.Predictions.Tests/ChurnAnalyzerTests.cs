using OrderAnalytics.Predictions.Tests.Synthetic;

namespace OrderAnalytics.Predictions.Tests;

public class ChurnAnalyzerTests
{
    private static readonly BgNbdParameters Cdnow = new(0.243, 4.414, 0.793, 2.426);

    [Fact]
    public void Summarise_HandExample_CountsRepeatDaysInWeeks()
    {
        var d0 = new DateOnly(2025, 1, 1);
        var tx = new[]
        {
            new CustomerTransaction("a", d0, 300),
            new CustomerTransaction("a", d0, 150),              // same day: one visit
            new CustomerTransaction("a", d0.AddDays(14), 300),
            new CustomerTransaction("a", d0.AddDays(35), 300),
            new CustomerTransaction("a", d0.AddDays(80), 300),   // after calibration end: ignored
            new CustomerTransaction("b", d0.AddDays(7), 500),
            new CustomerTransaction("c", d0.AddDays(60), 500),   // first purchase after the end: not a customer yet
        };
        var s = ChurnAnalyzer.Summarise(tx, d0.AddDays(49));
        Assert.Equal(2, s.Count);
        Assert.Equal(new CustomerSummary("a", 2, 5, 7), s[0]);
        Assert.Equal(new CustomerSummary("b", 0, 0, 6), s[1]);
    }

    [Fact]
    public void Validate_SimulatedCohort_RanksReturnersAboveChance()
    {
        var start = new DateOnly(2025, 1, 1);
        var tx = BgNbdSimulator.Transactions(Cdnow, 2500, start, 84, start.AddDays(545), seed: 9);
        var v = ChurnAnalyzer.Validate(tx, start.AddDays(272), start.AddDays(545));
        Assert.Equal(ModelStatus.Ok, v.Status);
        Assert.Equal(ChurnAnalyzer.ModelVersion, v.ModelVersion);
        Assert.Equal(2500, v.Customers);
        Assert.True(v.AucProbabilityOfPurchase > 0.65, $"AUC {v.AucProbabilityOfPurchase:F3}");
        // totals: the model's holdout forecast lands within 15% of what happened
        Assert.InRange(v.PredictedHoldoutPurchases / v.ActualHoldoutPurchases, 0.85, 1.15);
    }

    [Fact]
    public void Analyze_SimulatedCustomers_ScoresEveryCustomer()
    {
        var start = new DateOnly(2025, 1, 1);
        var tx = BgNbdSimulator.Transactions(Cdnow, 800, start, 84, start.AddDays(272), seed: 4);
        var result = ChurnAnalyzer.Analyze(tx, start.AddDays(272), horizonWeeks: 13);
        Assert.Equal(ModelStatus.Ok, result.Status);
        Assert.Equal(800, result.Customers.Count);
        Assert.All(result.Customers, c =>
        {
            Assert.InRange(c.ProbabilityAlive, 0, 1);
            Assert.InRange(c.ProbabilityOfPurchase, 0, c.ProbabilityAlive);
            Assert.True(c.ExpectedPurchases >= 0);
        });
    }

    [Fact]
    public void Analyze_TooFewCustomers_ReturnsInsufficientData()
    {
        var tx = Enumerable.Range(0, 10).Select(i => new CustomerTransaction($"c{i}", new DateOnly(2025, 1, 1 + i), 100)).ToList();
        var result = ChurnAnalyzer.Analyze(tx, new DateOnly(2025, 3, 1));
        Assert.Equal(ModelStatus.InsufficientData, result.Status);
        Assert.Null(result.Fit);
    }
}
