using MathNet.Numerics.Distributions;

namespace OrderAnalytics.Predictions.Tests;

public class PriceElasticityTests
{
    [Fact]
    public void AnalyzeItem_SyntheticConstantElasticity_RecoversTheSlope()
    {
        // q = A * p^-1.5 * lognormal noise, prices moved by discounts between 300 and 400 rupees
        var rng = new Random(17);
        var sales = new List<ItemSales>();
        var start = new DateOnly(2025, 1, 1);
        for (int day = 0; day < 200; day++)
        {
            decimal list = 400;
            decimal effective = 300 + rng.Next(0, 101);
            double mean = 40 * Math.Pow((double)effective / 350, -1.5) * Math.Exp(Normal.Sample(rng, 0, 0.1));
            decimal qty = Math.Max(1, Math.Round((decimal)mean));
            sales.Add(new ItemSales("Tiramisu", "1_PIECE", start.AddDays(day), list, qty, (list - effective) * qty));
        }
        var r = PriceElasticityAnalyzer.AnalyzeItem("Tiramisu", "1_PIECE", sales);
        Assert.Equal(ModelStatus.Ok, r.Status);
        Assert.Equal(PriceElasticityAnalyzer.ModelVersion, r.ModelVersion);
        Assert.InRange(r.Elasticity!.Value, -1.7, -1.3);
        Assert.True(r.CiLower < -1.5 && r.CiUpper > -1.5, $"95% CI [{r.CiLower:F3}, {r.CiUpper:F3}]");
        Assert.True(r.RSquared > 0.5);
        Assert.Equal(200, r.Points);
    }

    [Fact]
    public void AnalyzeItem_HandFourPoints_MatchesClosedFormOls()
    {
        // ln q = 5 - 2 ln p exactly, except one point off by +0.1
        double[] prices = [100, 150, 200, 250];
        var sales = prices.Select((p, i) => new ItemSales("X", "1", new DateOnly(2025, 1, 1 + i), (decimal)p,
            (decimal)Math.Exp(5 - 2 * Math.Log(p) + (i == 1 ? 0.1 : 0)) * 1_000_000m, 0)).ToList();
        var r = PriceElasticityAnalyzer.AnalyzeItem("X", "1", sales, new ElasticityOptions { MinPoints = 4 });
        var x = prices.Select(p => Math.Log(p)).ToArray();
        var y = x.Select((v, i) => 5 - 2 * v + (i == 1 ? 0.1 : 0)).ToArray();
        double xm = x.Average(), ym = y.Average();
        double slope = x.Zip(y).Sum(t => (t.First - xm) * (t.Second - ym)) / x.Sum(v => (v - xm) * (v - xm));
        Assert.Equal(slope, r.Elasticity!.Value, 6);
    }

    [Fact]
    public void AnalyzeItem_ConstantPrice_ReportsInsufficientPriceVariation()
    {
        var sales = Enumerable.Range(0, 30)
            .Select(i => new ItemSales("Cone", "1_PIECE", new DateOnly(2025, 1, 1).AddDays(i), 60, 10 + i % 5, 0)).ToList();
        var r = PriceElasticityAnalyzer.AnalyzeItem("Cone", "1_PIECE", sales);
        Assert.Equal(ModelStatus.InsufficientPriceVariation, r.Status);
        Assert.Null(r.Elasticity);
        Assert.Contains("Insufficient price variation", r.Message);
    }

    [Fact]
    public void AnalyzeItem_FewDays_ReportsInsufficientData()
    {
        var sales = Enumerable.Range(0, 5)
            .Select(i => new ItemSales("Cone", "1_PIECE", new DateOnly(2025, 1, 1).AddDays(i), 60 + 10 * i, 10, 0)).ToList();
        Assert.Equal(ModelStatus.InsufficientData, PriceElasticityAnalyzer.AnalyzeItem("Cone", "1_PIECE", sales).Status);
    }

    [Fact]
    public void Analyze_WeeklyAggregation_OnePointPerWeekPerVariant()
    {
        var start = new DateOnly(2025, 1, 6); // a Monday
        var sales = Enumerable.Range(0, 70)
            .Select(i => new ItemSales("Cone", i % 2 == 0 ? "A" : "B", start.AddDays(i), 60, 5, i % 3 == 0 ? 30 : 0))
            .ToList();
        var results = PriceElasticityAnalyzer.Analyze(sales, new ElasticityOptions { Aggregation = PriceAggregation.Week, MinPoints = 5, MinDistinctPrices = 1, MinPriceCv = 0 });
        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Equal(10, r.Points));
    }
}
