using OrderAnalytics.Predictions.Tests.Synthetic;

namespace OrderAnalytics.Predictions.Tests;

public class HourlyForecasterTests
{
    [Fact]
    public void Forecast_SyntheticCafe_HoursSumToADailyForecastAndFollowTheProfile()
    {
        var cafe = new CafeSimulator(new CafeSimulator.Options { End = new DateOnly(2024, 12, 31) });
        var forecast = HourlyForecaster.Forecast(cafe.Hourly, DemandMeasure.Orders, new ForecastOptions { Horizon = 7 });
        Assert.Equal(ModelStatus.Ok, forecast.Status);
        Assert.Equal(HourlyForecaster.ModelVersion, forecast.ModelVersion);
        Assert.All(forecast.Points, p => Assert.True(p.P10 <= p.P50 && p.P50 <= p.P90));
        Assert.DoesNotContain(forecast.Points, p => p.Hour is >= 2 and <= 10); // the cafe is shut then

        var daily = DemandForecaster.ForecastDaily(
            cafe.Hourly.GroupBy(h => h.Date).Select(g => new DailyPoint(g.Key, g.Sum(h => h.Orders), 0)).ToList(),
            DemandMeasure.Orders, new ForecastOptions { Horizon = 7 });
        foreach (var day in daily.Points)
            Assert.Equal(day.P50, forecast.Points.Where(p => p.Date == day.Date).Sum(p => p.P50), 6);

        var firstDay = forecast.Points.Where(p => p.Horizon == 1).ToList();
        Assert.True(firstDay.Single(p => p.Hour == 21).P50 > firstDay.Single(p => p.Hour == 11).P50); // evening peak
    }

    [Fact]
    public void Backtest_SyntheticCafe_CoverageNearEightyAndBeatsNaive()
    {
        var cafe = new CafeSimulator(new CafeSimulator.Options { End = new DateOnly(2025, 6, 30) });
        var report = HourlyForecaster.Backtest(cafe.Hourly, DemandMeasure.Orders, new BacktestOptions { Origins = 4, OriginStep = 28 });
        Assert.Equal(ModelStatus.Ok, report.Status);
        Assert.InRange(report.Model!.Coverage80, 0.72, 0.88);
        Assert.True(report.Model.Wape < report.SeasonalNaive!.Wape);
    }

    [Fact]
    public void Forecast_ShortHistory_ReturnsInsufficientData()
    {
        var points = Enumerable.Range(0, 30).Select(i => new HourlyPoint(new DateOnly(2025, 1, 1).AddDays(i), 20, 3, 2000)).ToList();
        Assert.Equal(ModelStatus.InsufficientData, HourlyForecaster.Forecast(points, DemandMeasure.Revenue).Status);
    }
}
