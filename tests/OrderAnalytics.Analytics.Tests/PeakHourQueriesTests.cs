namespace OrderAnalytics.Analytics.Tests;

[Collection(AnalyticsCollection.Name)]
public sealed class PeakHourQueriesTests(AnalyticsFixture fx)
{
    [Fact]
    public async Task PeakHours_Range_EqualsTruthPerWeekdayOfBusinessDateAndIstHour()
    {
        var data = await fx.DataAsync("""{ peakHours(from: "2025-01-06", to: "2025-02-02") { weekday hour days averageOrders figures { orders revenue } } }""");

        var truth = fx.Stream.Truth().Orders.Values
            .Where(o => o is { Status: "Success", IsTestOrder: false } && o.BusinessDate >= new DateOnly(2025, 1, 6) && o.BusinessDate <= new DateOnly(2025, 2, 2))
            .GroupBy(o => (Weekday: ((int)o.BusinessDate.DayOfWeek + 6) % 7 + 1, o.CreatedOn.Hour))
            .OrderBy(g => g.Key.Weekday).ThenBy(g => g.Key.Hour)
            .Select(g => $"{g.Key.Weekday}|{g.Key.Hour}|{g.Count()}|{g.Sum(o => o.Total):0.00}");
        var cells = data.Items("peakHours").ToList();
        Assert.Equal(truth, cells.Select(c => $"{c.Long("weekday")}|{c.Long("hour")}|{c.GetProperty("figures").Long("orders")}|{c.GetProperty("figures").Dec("revenue"):0.00}"));
        // Four whole weeks: every weekday occurs four times.
        Assert.All(cells, c => Assert.Equal(4, c.Long("days")));
        Assert.All(cells, c => Assert.Equal(Math.Round(c.GetProperty("figures").Long("orders") / 4.0, 3), c.GetProperty("averageOrders").GetDouble(), 6));
    }

    [Fact]
    public async Task PeakHours_LateNightOrder_CountsToThePreviousBusinessDaysWeekday()
    {
        var late = fx.Stream.Truth().Orders.Values.Where(o => o is { Status: "Success", IsTestOrder: false } && o.CreatedOn.Hour < 5)
            .OrderBy(o => o.CreatedOn).FirstOrDefault();
        Assert.NotNull(late);
        Assert.Equal(DateOnly.FromDateTime(late.CreatedOn).AddDays(-1), late.BusinessDate);

        var data = await fx.DataAsync("query ($d: DateOnly) { peakHours(from: $d, to: $d) { weekday hour figures { orders } } }",
            new { d = late.BusinessDate.ToString("yyyy-MM-dd") });
        var weekday = ((int)late.BusinessDate.DayOfWeek + 6) % 7 + 1;
        Assert.Contains(data.Items("peakHours"), c => c.Long("weekday") == weekday && c.Long("hour") == late.CreatedOn.Hour);
        Assert.All(data.Items("peakHours"), c => Assert.Equal(weekday, c.Long("weekday")));
    }
}
