using Npgsql;

namespace OrderAnalytics.Analytics.Queries;

/// <summary>
/// Revenue of one business day (IST, 05:00–04:59). Revenue counts orders with status Success only and is the
/// order total as billed (after discounts, including taxes and charges); cancelled and complimentary orders
/// are reported beside it, never inside it. Test orders are excluded everywhere.
/// </summary>
public sealed record DailyRevenue(
    DateOnly BusinessDate,
    long Orders,
    decimal Revenue,
    decimal GrossSales,
    decimal Discounts,
    decimal Taxes,
    decimal NetSales,
    long CancelledOrders,
    decimal CancelledValue,
    long ComplimentaryOrders);

public sealed class RevenueQueries(NpgsqlDataSource db)
{
    public async Task<IReadOnlyList<DailyRevenue>> DailyAsync(AnalyticsFilter filter, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand();
        cmd.CommandText = $"""
            SELECT o.business_date,
                   count(*) FILTER (WHERE o.order_status = 'Success'),
                   coalesce(sum(o.total) FILTER (WHERE o.order_status = 'Success'), 0),
                   coalesce(sum(o.core_total) FILTER (WHERE o.order_status = 'Success'), 0),
                   coalesce(sum(o.discount_total) FILTER (WHERE o.order_status = 'Success'), 0),
                   coalesce(sum(o.tax_total) FILTER (WHERE o.order_status = 'Success'), 0),
                   coalesce(sum(o.core_total - o.discount_total) FILTER (WHERE o.order_status = 'Success'), 0),
                   count(*) FILTER (WHERE o.order_status = 'Cancelled'),
                   coalesce(sum(o.total) FILTER (WHERE o.order_status = 'Cancelled'), 0),
                   count(*) FILTER (WHERE o.order_status = 'Complimentary')
            FROM orders o
            WHERE o.business_date IS NOT NULL AND {filter.Where(cmd)}
            GROUP BY o.business_date
            ORDER BY o.business_date
            """;
        var rows = new List<DailyRevenue>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add(new DailyRevenue(reader.GetFieldValue<DateOnly>(0), reader.GetInt64(1), reader.GetDecimal(2), reader.GetDecimal(3),
                reader.GetDecimal(4), reader.GetDecimal(5), reader.GetDecimal(6), reader.GetInt64(7), reader.GetDecimal(8), reader.GetInt64(9)));
        return rows;
    }
}
