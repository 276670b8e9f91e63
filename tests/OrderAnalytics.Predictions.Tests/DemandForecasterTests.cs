using OrderAnalytics.Predictions.Tests.Synthetic;

namespace OrderAnalytics.Predictions.Tests;

public class DemandForecasterTests
{
    private static readonly double[] WeekShape = [1.4, 0.8, 0.75, 0.85, 0.9, 1.05, 1.3]; // Sunday..Saturday

    private static List<DailyPoint> Noiseless(DateOnly start, int days, Func<DateOnly, double>? extra = null) =>
        Enumerable.Range(0, days)
            .Select(i => start.AddDays(i))
            .Select(d => new DailyPoint(d, 40 * WeekShape[(int)d.DayOfWeek] * (extra?.Invoke(d) ?? 1), 0))
            .ToList();

    [Fact]
    public void ForecastDaily_NoiselessWeeklySeries_ReproducesTheWeek()
    {
        var start = new DateOnly(2025, 1, 6);
        var forecast = DemandForecaster.ForecastDaily(Noiseless(start, 150), DemandMeasure.Orders);
        Assert.Equal(ModelStatus.Ok, forecast.Status);
        Assert.Equal(14, forecast.Points.Count);
        foreach (var p in forecast.Points)
        {
            // holidays inside the window sit on the line too, so the only error left is the log(1 + y) curvature
            double truth = 40 * WeekShape[(int)p.Date.DayOfWeek];
            Assert.InRange(p.P50, truth * 0.97, truth * 1.03);
        }
    }

    [Fact]
    public void ForecastDaily_FestivalSeenInTraining_IsForecastNextYear()
    {
        // +80% on New Year's Eve 2024; history ends 2025-12-20 so the 14-day horizon contains NYE 2025
        var start = new DateOnly(2024, 1, 1);
        int days = new DateOnly(2025, 12, 20).DayNumber - start.DayNumber + 1;
        var history = Noiseless(start, days, d => d.Month == 12 && d.Day == 31 ? 1.8 : 1);
        var forecast = DemandForecaster.ForecastDaily(history, DemandMeasure.Orders);
        var nye = forecast.Points.Single(p => p.Date == new DateOnly(2025, 12, 31));
        double plainWednesday = 40 * WeekShape[(int)DayOfWeek.Wednesday];
        Assert.Equal(DayOfWeek.Wednesday, nye.Date.DayOfWeek);
        Assert.InRange(nye.P50, 1.5 * plainWednesday, 1.85 * plainWednesday);
    }

    [Fact]
    public void ForecastDaily_SyntheticCafe_IntervalsAreOrderedAndWidenWithHorizon()
    {
        var cafe = new CafeSimulator(new CafeSimulator.Options { End = new DateOnly(2025, 6, 30) });
        var forecast = DemandForecaster.ForecastDaily(cafe.Daily, DemandMeasure.Orders);
        Assert.Equal(DemandForecaster.ModelVersion, forecast.ModelVersion);
        Assert.Equal(new TrainingWindow(new DateOnly(2024, 1, 1), new DateOnly(2025, 6, 30)), forecast.TrainingWindow);
        Assert.All(forecast.Points, p => Assert.True(0 <= p.P10 && p.P10 <= p.P50 && p.P50 <= p.P90));
        var d = forecast.Diagnostics!;
        Assert.True(d.YearlySeasonality);
        Assert.True(d.CalibrationSamples > 1000);
        Assert.InRange(d.CalibrationWape, 0.05, 0.5);
        Assert.True(d.Intervals[^1].UpperFactor / d.Intervals[^1].LowerFactor >= d.Intervals[0].UpperFactor / d.Intervals[0].LowerFactor * 0.9);
    }

    [Fact]
    public void ForecastDaily_ShortHistory_ReturnsInsufficientData()
    {
        var forecast = DemandForecaster.ForecastDaily(Noiseless(new DateOnly(2025, 1, 1), 40), DemandMeasure.Orders);
        Assert.Equal(ModelStatus.InsufficientData, forecast.Status);
        Assert.Empty(forecast.Points);
        Assert.NotNull(forecast.Message);
    }

    [Fact]
    public void ForecastDaily_MissingDates_AreTreatedAsZeroSales()
    {
        var history = Noiseless(new DateOnly(2025, 1, 6), 120).Where((_, i) => i != 50).ToList();
        var forecast = DemandForecaster.ForecastDaily(history, DemandMeasure.Orders);
        Assert.Equal(120, forecast.Diagnostics!.TrainingDays);
        Assert.Equal(1, forecast.Diagnostics.ClosureDaysExcluded);
    }

    [Fact]
    public void ForecastItems_SyntheticCafe_ForecastsEachItemAndSkipsShortOnes()
    {
        var cafe = new CafeSimulator(new CafeSimulator.Options { End = new DateOnly(2024, 9, 30) });
        var sales = cafe.ItemSales.ToList();
        sales.Add(new ItemSales("New Flavour", "REGULAR_SCOOP_120GMS", new DateOnly(2024, 9, 20), 220, 3, 0));
        var set = DemandForecaster.ForecastItems(sales, new ForecastOptions { Horizon = 7 });
        Assert.Equal(ModelStatus.Ok, set.Status);
        Assert.Equal(CafeSimulator.Items.Count, set.Items.Count);
        Assert.Contains("New Flavour | REGULAR_SCOOP_120GMS", set.SkippedItems);
        var tiramisu = set.Items.Single(i => i.Item == "Classic Tiramisu");
        Assert.All(tiramisu.Forecast.Points, p => Assert.InRange(p.P50, 2, 40));
    }
}
