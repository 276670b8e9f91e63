namespace OrderAnalytics.Predictions.Tests;

public class HoltWintersMethodTests
{
    [Fact]
    public void Forecast_NoiselessTrendPlusWeeklyPattern_ContinuesIt()
    {
        double[] week = [10, -4, -6, -3, 0, 5, 8];
        var values = Enumerable.Range(0, 140).Select(t => 50 + 0.2 * t + week[t % 7]).ToArray();
        var series = new DailySeries(new DateOnly(2025, 1, 5), values);
        var forecast = new HoltWintersMethod().Fit(series).Forecast(series, 14);
        for (int h = 1; h <= 14; h++)
        {
            int t = 139 + h;
            Assert.InRange(forecast[h - 1], 50 + 0.2 * t + week[t % 7] - 0.5, 50 + 0.2 * t + week[t % 7] + 0.5);
        }
    }

    [Fact]
    public void Forecast_FallingSeries_NeverNegative()
    {
        var values = Enumerable.Range(0, 60).Select(t => Math.Max(0, 30 - t)).Select(v => (double)v).ToArray();
        var series = new DailySeries(new DateOnly(2025, 1, 1), values);
        Assert.All(new HoltWintersMethod().Fit(series).Forecast(series, 14), f => Assert.True(f >= 0));
    }
}
