using System.ComponentModel;

namespace OrderAnalytics.Analytics.Queries;

[Description("A reporting period over business dates (IST business day 05:00–04:59).")]
public enum Period
{
    [Description("One business day.")] Day,
    [Description("ISO week, Monday to Sunday (business dates).")] Week,
    [Description("Calendar month (business dates).")] Month,
}

/// <summary>
/// One bucket of a period series, clamped to the asked range: <see cref="From"/>..<see cref="To"/> are the business
/// dates it covers. Its comparison window is the same dates one period earlier (the whole previous period for a
/// complete bucket; for a partial one the same part of it, so like is compared with like).
/// </summary>
public sealed record PeriodWindow(DateOnly Start, DateOnly From, DateOnly To, bool Complete, DateOnly PreviousFrom, DateOnly PreviousTo);

/// <summary>Calendar arithmetic of periods over business dates. Pure.</summary>
public static class Periods
{
    public static DateOnly StartOf(Period period, DateOnly date) => period switch
    {
        Period.Day => date,
        Period.Week => date.AddDays(-(((int)date.DayOfWeek + 6) % 7)),
        Period.Month => new DateOnly(date.Year, date.Month, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(period)),
    };

    public static DateOnly EndOf(Period period, DateOnly date) => period switch
    {
        Period.Day => date,
        Period.Week => StartOf(Period.Week, date).AddDays(6),
        Period.Month => StartOf(Period.Month, date).AddMonths(1).AddDays(-1),
        _ => throw new ArgumentOutOfRangeException(nameof(period)),
    };

    /// <summary>The buckets covering <paramref name="from"/>..<paramref name="to"/> (inclusive), ascending.</summary>
    public static IReadOnlyList<PeriodWindow> Windows(Period period, DateOnly from, DateOnly to)
    {
        var windows = new List<PeriodWindow>();
        for (var start = StartOf(period, from); start <= to; start = EndOf(period, start).AddDays(1))
        {
            var end = EndOf(period, start);
            var bFrom = start < from ? from : start;
            var bTo = end > to ? to : end;
            windows.Add(new PeriodWindow(start, bFrom, bTo, bFrom == start && bTo == end, Back(period, bFrom, isEnd: false),
                Back(period, bTo, isEnd: bTo == end)));
        }
        return windows;
    }

    /// <summary>The same date one period earlier; the end of a month maps to the end of the previous month.</summary>
    private static DateOnly Back(Period period, DateOnly date, bool isEnd) => period switch
    {
        Period.Day => date.AddDays(-1),
        Period.Week => date.AddDays(-7),
        Period.Month when isEnd => StartOf(Period.Month, date).AddDays(-1),
        Period.Month => date.AddMonths(-1),
        _ => throw new ArgumentOutOfRangeException(nameof(period)),
    };
}
