using System.ComponentModel;
using Npgsql;

namespace OrderAnalytics.Analytics.Queries;

/// <summary>Revenue of one business day (IST, 05:00–04:59), from <see cref="OrderFacts"/>.</summary>
[Description("Revenue of one IST business day (05:00–04:59). Revenue = Σ total of Success orders (after discounts, incl. taxes and charges); cancelled and complimentary beside it.")]
public sealed record DailyRevenue(
    DateOnly BusinessDate,
    [property: Description("Success orders.")] long Orders,
    [property: Description("Σ total of Success orders: after discounts, INCLUDING taxes and charges.")] decimal Revenue,
    [property: Description("Σ core_total: before discounts, excluding taxes and charges.")] decimal GrossSales,
    decimal Discounts,
    [property: Description("GST.")] decimal Taxes,
    [property: Description("grossSales − discounts, excluding taxes and charges.")] decimal NetSales,
    long CancelledOrders,
    [property: Description("Σ total of cancelled orders (not in revenue).")] decimal CancelledValue,
    long ComplimentaryOrders,
    [property: Description("All figures of the day.")] RevenueFigures Figures);

[Description("One period of a revenue series with the previous period for comparison.")]
public sealed record RevenueBucket(
    [property: Description("First day of the period (the Monday of a week, the 1st of a month).")] DateOnly Start,
    [property: Description("First business date covered (the range may cut the period).")] DateOnly From,
    [property: Description("Last business date covered.")] DateOnly To,
    [property: Description("True when the bucket covers its whole period.")] bool Complete,
    RevenueFigures Current,
    [property: Description("First business date of the comparison window: the same dates one period earlier.")] DateOnly PreviousFrom,
    DateOnly PreviousTo,
    [property: Description("The comparison window's figures (same filters).")] RevenueFigures Previous)
{
    [Description("current.revenue − previous.revenue.")]
    public decimal RevenueChange => Current.Revenue - Previous.Revenue;

    [Description("Revenue change in percent of the previous period; null when the previous period had no revenue.")]
    public double? RevenueChangePercent => Previous.Revenue == 0 ? null : Math.Round((double)((Current.Revenue - Previous.Revenue) / Previous.Revenue * 100), 2);

    [Description("Orders change in percent of the previous period; null when it had no orders.")]
    public double? OrdersChangePercent => Previous.Orders == 0 ? null : Math.Round((Current.Orders - Previous.Orders) * 100.0 / Previous.Orders, 2);
}

[Description("Average order value of one period with the previous period's, from the same figures as revenue.")]
public sealed record AovBucket(
    DateOnly Start, DateOnly From, DateOnly To, bool Complete,
    [property: Description("Success orders.")] long Orders,
    [property: Description("Revenue / orders: billed value per order, after discounts, incl. taxes and charges.")] decimal? AverageOrderValue,
    [property: Description("Net sales / orders: after discounts, excl. taxes and charges.")] decimal? AverageNetOrderValue,
    [property: Description("The comparison window's average order value (same dates one period earlier).")] decimal? PreviousAverageOrderValue)
{
    [Description("AOV change in percent of the previous period's AOV; null without a previous AOV.")]
    public double? ChangePercent => AverageOrderValue is { } now && PreviousAverageOrderValue is { } before && before != 0
        ? Math.Round((double)((now - before) / before * 100), 2) : null;
}

/// <summary>Revenue per day, week and month, and the AOV trend: one daily aggregation, bucketed by <see cref="Periods"/>.</summary>
public sealed class RevenueQueries(NpgsqlDataSource db)
{
    /// <summary>Figures per business day with orders in scope (ascending), from the daily rollup (a few dozen rows a day).</summary>
    public async Task<SortedDictionary<DateOnly, RevenueFigures>> ByDayAsync(AnalyticsFilter filter, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand();
        cmd.CommandText = $"""
            SELECT f.business_date, {OrderFacts.RollupMeasures()}
            FROM order_facts_daily f
            WHERE {OrderFacts.RollupScope(filter, cmd)}
            GROUP BY f.business_date
            """;
        var days = new SortedDictionary<DateOnly, RevenueFigures>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) days[reader.GetFieldValue<DateOnly>(0)] = OrderFacts.Read(reader, 1);
        return days;
    }

    public async Task<IReadOnlyList<DailyRevenue>> DailyAsync(AnalyticsFilter filter, CancellationToken ct) =>
        (await ByDayAsync(filter, ct)).Select(d => new DailyRevenue(d.Key, d.Value.Orders, d.Value.Revenue, d.Value.GrossSales,
            d.Value.Discounts, d.Value.Taxes, d.Value.NetSales, d.Value.CancelledOrders, d.Value.CancelledValue,
            d.Value.ComplimentaryOrders, d.Value)).ToList();

    /// <summary>
    /// Buckets of <paramref name="period"/> over the range (open ends: the first / last business date with orders),
    /// each with the same dates one period earlier. Days without orders count as zero.
    /// </summary>
    public async Task<IReadOnlyList<RevenueBucket>> ByPeriodAsync(Period period, AnalyticsFilter filter, CancellationToken ct)
    {
        var (windows, days) = await WindowsAsync(period, filter, ct);
        return windows.Select(w => new RevenueBucket(w.Start, w.From, w.To, w.Complete, Sum(days, w.From, w.To),
            w.PreviousFrom, w.PreviousTo, Sum(days, w.PreviousFrom, w.PreviousTo))).ToList();
    }

    public async Task<IReadOnlyList<AovBucket>> AverageOrderValueAsync(Period period, AnalyticsFilter filter, CancellationToken ct) =>
        (await ByPeriodAsync(period, filter, ct)).Select(b => new AovBucket(b.Start, b.From, b.To, b.Complete, b.Current.Orders,
            b.Current.AverageOrderValue, b.Current.AverageNetOrderValue, b.Previous.AverageOrderValue)).ToList();

    private async Task<(IReadOnlyList<PeriodWindow>, SortedDictionary<DateOnly, RevenueFigures>)> WindowsAsync(
        Period period, AnalyticsFilter filter, CancellationToken ct)
    {
        // Comparison windows reach back one period before the range's first bucket.
        var extended = filter.From is { } from ? filter with { From = Periods.StartOf(period, from).AddMonths(period == Period.Month ? -1 : 0)
            .AddDays(period switch { Period.Day => -1, Period.Week => -7, _ => 0 }) } : filter;
        var days = await ByDayAsync(extended, ct);
        var first = filter.From ?? days.Keys.FirstOrDefault();
        var last = filter.To ?? (days.Count > 0 ? days.Keys.Last() : default);
        if (days.Count == 0 && (filter.From is null || filter.To is null) || last < first) return ([], days);
        return (Periods.Windows(period, first, last), days);
    }

    private static RevenueFigures Sum(SortedDictionary<DateOnly, RevenueFigures> days, DateOnly from, DateOnly to)
    {
        var sum = RevenueFigures.Zero;
        foreach (var (date, figures) in days)
        {
            if (date > to) break;
            if (date >= from) sum += figures;
        }
        return sum;
    }
}
