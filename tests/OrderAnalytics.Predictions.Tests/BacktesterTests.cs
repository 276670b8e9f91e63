using OrderAnalytics.Predictions.Tests.Synthetic;

namespace OrderAnalytics.Predictions.Tests;

public class BacktesterTests
{
    [Fact]
    public void RunDaily_SyntheticCafeOrders_BeatsSeasonalNaiveWithCalibratedIntervals()
    {
        // a year of origins, two weeks apart, each fitted only on data before it
        var cafe = new CafeSimulator();
        var report = Backtester.RunDaily(cafe.Daily, DemandMeasure.Orders, new BacktestOptions { Origins = 26, OriginStep = 14 });

        Assert.Equal(ModelStatus.Ok, report.Status);
        Assert.Equal(26 * 14, report.Model!.Forecasts);
        Assert.True(report.WapeImprovementVsSeasonalNaive >= 0.15,
            $"model WAPE {report.Model.Wape:P1} vs seasonal naive {report.SeasonalNaive!.Wape:P1}");
        Assert.True(report.Model.Wape < report.HoltWinters!.Wape);
        Assert.InRange(report.Model.Coverage80, 0.75, 0.85);
        Assert.True(report.Model.Mase < 1, $"MASE {report.Model.Mase:F3}");
    }

    [Fact]
    public void RunDaily_ReportsAllThreeMethodsOverTheSameForecasts()
    {
        var cafe = new CafeSimulator(new CafeSimulator.Options { End = new DateOnly(2024, 8, 31) });
        var report = Backtester.RunDaily(cafe.Daily, DemandMeasure.Revenue, new BacktestOptions { Origins = 4, OriginStep = 7 });
        Assert.Equal("revenue", report.Series);
        Assert.Equal(new DateOnly(2024, 8, 17), report.LastOrigin); // one full horizon before the end
        Assert.Equal(report.LastOrigin!.Value.AddDays(-21), report.FirstOrigin);
        Assert.Equal(report.Model!.Forecasts, report.SeasonalNaive!.Forecasts);
        Assert.Equal(report.Model.Forecasts, report.HoltWinters!.Forecasts);
        Assert.Equal(14, report.ModelByHorizon.Count);
    }

    [Fact]
    public void RunDaily_TooShortForOneOrigin_ReturnsInsufficientData()
    {
        var history = Enumerable.Range(0, 60).Select(i => new DailyPoint(new DateOnly(2025, 1, 1).AddDays(i), 30, 20000)).ToList();
        var report = Backtester.RunDaily(history, DemandMeasure.Orders);
        Assert.Equal(ModelStatus.InsufficientData, report.Status);
        Assert.Null(report.Model);
    }
}
