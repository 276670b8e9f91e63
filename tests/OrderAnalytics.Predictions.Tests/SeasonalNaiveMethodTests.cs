namespace OrderAnalytics.Predictions.Tests;

public class SeasonalNaiveMethodTests
{
    [Fact]
    public void Forecast_FiveWeeksOfData_AveragesLastFourSameWeekdays()
    {
        // day i has value i: the same weekday as day 35 (h=1) was seen on days 28, 21, 14, 7 -> mean 17.5
        var values = Enumerable.Range(0, 35).Select(i => (double)i).ToArray();
        var series = new DailySeries(new DateOnly(2025, 1, 1), values);
        var forecast = new SeasonalNaiveMethod().Fit(series).Forecast(series, 8);
        Assert.Equal(17.5, forecast[0], 12);
        Assert.Equal(23.5, forecast[6], 12); // day 41: days 34, 27, 20, 13
        Assert.Equal(17.5, forecast[7], 12); // day 42 (h=8): days 28, 21, 14, 7 - never the unobserved day 35
    }

    [Fact]
    public void Forecast_LessThanFourWeeks_AveragesWhatExists()
    {
        var series = new DailySeries(new DateOnly(2025, 1, 1), [1, 2, 3, 4, 5, 6, 7, 11, 12, 13, 14, 15, 16, 17]);
        var forecast = new SeasonalNaiveMethod().Fit(series).Forecast(series, 1);
        Assert.Equal(6.0, forecast[0], 12); // days 7 and 0: (11 + 1) / 2
    }
}
