using System.ComponentModel;
using Npgsql;

namespace OrderAnalytics.Analytics.Queries;

[Description("Orders and revenue in one hour of one weekday. Hour: IST wall-clock hour of created_on (0–23). Weekday: of the business date, so 00:00–04:59 counts to the evening before (Friday night stays Friday).")]
public sealed record HourCell(
    [property: Description("ISO weekday of the business date: 1 = Monday … 7 = Sunday.")] int Weekday,
    [property: Description("IST hour of created_on, 0–23.")] int Hour,
    [property: Description("Business dates of this weekday in the range (first to last business date with orders when open): divide by it for a typical day.")] int Days,
    RevenueFigures Figures)
{
    [Description("Success orders per such weekday (figures.orders / days).")]
    public double AverageOrders => Days == 0 ? 0 : Math.Round((double)Figures.Orders / Days, 3);

    [Description("Revenue per such weekday (figures.revenue / days).")]
    public decimal AverageRevenue => Days == 0 ? 0 : Math.Round(Figures.Revenue / Days, 2);
}

/// <summary>Peak hours: orders and revenue by IST hour × weekday (Task 5.5), from the hourly rollup (its hour is created_on's).</summary>
public sealed class PeakHourQueries(NpgsqlDataSource db)
{
    public async Task<IReadOnlyList<HourCell>> ByHourAndWeekdayAsync(AnalyticsFilter filter, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand();
        cmd.CommandText = $"""
            SELECT extract(isodow FROM f.business_date)::int, f.hour::int, {OrderFacts.RollupMeasures()},
                   min(min(f.business_date)) OVER (), max(max(f.business_date)) OVER ()
            FROM order_facts_hourly f
            WHERE {OrderFacts.RollupScope(filter, cmd)} AND f.hour IS NOT NULL
            GROUP BY 1, 2
            ORDER BY 1, 2
            """;
        var rows = new List<(int Weekday, int Hour, RevenueFigures Figures)>();
        DateOnly first = default, last = default;
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add((reader.GetInt32(0), reader.GetInt32(1), OrderFacts.Read(reader, 2)));
            first = reader.GetFieldValue<DateOnly>(2 + OrderFacts.MeasureCount);
            last = reader.GetFieldValue<DateOnly>(3 + OrderFacts.MeasureCount);
        }
        first = filter.From ?? first;
        last = filter.To ?? last;
        return rows.Select(r => new HourCell(r.Weekday, r.Hour, DaysOf(r.Weekday, first, last), r.Figures)).ToList();
    }

    /// <summary>How many dates in first..last fall on ISO weekday <paramref name="isoWeekday"/>.</summary>
    internal static int DaysOf(int isoWeekday, DateOnly first, DateOnly last)
    {
        if (last < first) return 0;
        var firstIso = ((int)first.DayOfWeek + 6) % 7 + 1;
        var offset = (isoWeekday - firstIso + 7) % 7;
        var span = last.DayNumber - first.DayNumber;
        return offset > span ? 0 : (span - offset) / 7 + 1;
    }
}
