using OrderAnalytics.Analytics.Queries;

namespace OrderAnalytics.Analytics.Tests;

public sealed class PeriodsTests
{
    private static readonly DateOnly D = new(2025, 3, 31);

    [Theory]
    [InlineData(Period.Day, "2025-03-31", "2025-03-31")]
    [InlineData(Period.Week, "2025-03-31", "2025-04-06")]   // 31 March 2025 is a Monday
    [InlineData(Period.Month, "2025-03-01", "2025-03-31")]
    public void StartOfAndEndOf_AnyPeriod_SpanTheCalendarPeriod(Period period, string start, string end)
    {
        Assert.Equal(DateOnly.Parse(start), Periods.StartOf(period, D));
        Assert.Equal(DateOnly.Parse(end), Periods.EndOf(period, D));
        Assert.Equal(DateOnly.Parse(start), Periods.StartOf(period, DateOnly.Parse(end)));
    }

    [Fact]
    public void Windows_Months_CompleteMonthComparesWithTheWholePreviousMonth()
    {
        var windows = Periods.Windows(Period.Month, new DateOnly(2024, 3, 1), new DateOnly(2024, 4, 30));

        Assert.Equal(2, windows.Count);
        Assert.Equal(new PeriodWindow(new(2024, 3, 1), new(2024, 3, 1), new(2024, 3, 31), true, new(2024, 2, 1), new(2024, 2, 29)), windows[0]);
        Assert.Equal(new PeriodWindow(new(2024, 4, 1), new(2024, 4, 1), new(2024, 4, 30), true, new(2024, 3, 1), new(2024, 3, 31)), windows[1]);
    }

    [Fact]
    public void Windows_RangeCutsTheEdges_PartialBucketsCompareWithTheSameDaysEarlier()
    {
        var weeks = Periods.Windows(Period.Week, new DateOnly(2025, 1, 8), new DateOnly(2025, 1, 22));

        Assert.Equal(3, weeks.Count);
        Assert.Equal(new PeriodWindow(new(2025, 1, 6), new(2025, 1, 8), new(2025, 1, 12), false, new(2025, 1, 1), new(2025, 1, 5)), weeks[0]);
        Assert.True(weeks[1].Complete);
        Assert.Equal(new PeriodWindow(new(2025, 1, 20), new(2025, 1, 20), new(2025, 1, 22), false, new(2025, 1, 13), new(2025, 1, 15)), weeks[2]);

        var month = Assert.Single(Periods.Windows(Period.Month, new DateOnly(2025, 3, 10), new DateOnly(2025, 3, 31)));
        Assert.Equal((new DateOnly(2025, 2, 10), new DateOnly(2025, 2, 28)), (month.PreviousFrom, month.PreviousTo));
    }

    [Fact]
    public void Windows_Days_CoverEveryDateOnce()
    {
        var days = Periods.Windows(Period.Day, new DateOnly(2024, 12, 30), new DateOnly(2025, 1, 2));

        Assert.Equal(["2024-12-30", "2024-12-31", "2025-01-01", "2025-01-02"], days.Select(d => d.From.ToString("yyyy-MM-dd")));
        Assert.All(days, d => Assert.Equal((d.From, d.From.AddDays(-1), true), (d.To, d.PreviousFrom, d.Complete)));
    }
}
