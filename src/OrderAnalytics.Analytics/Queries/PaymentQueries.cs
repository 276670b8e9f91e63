using System.ComponentModel;
using Npgsql;

namespace OrderAnalytics.Analytics.Queries;

[Description("One payment method on Success orders. Part-payment orders are split by their parts, so amounts add up to revenue.")]
public sealed record PaymentShare(
    [property: Description("Payment method: Cash, Card, Online, Other…; 'Part Payment' only for part-payment orders without parts; 'Part Payment (unallocated)' for the rest when parts do not add up to the total; '(none)' when missing.")]
    string Method,
    [property: Description("Success orders paid (wholly or partly) with this method. A split order counts once for each of its methods, so these add up to more than the orders.")]
    long Orders,
    [property: Description("Amount paid with this method (order total, or the part's amount for split orders): incl. taxes and charges.")]
    decimal Amount,
    [property: Description("Of orders: split (part-payment) orders in which this method paid a part.")]
    long SplitOrders,
    [property: Description("Of amount: paid as parts of split orders.")]
    decimal SplitAmount,
    [property: Description("Share of revenue, 0..1.")]
    double Share);

/// <summary>Payment method distribution, part payments split into their parts (Task 5.7).</summary>
public sealed class PaymentQueries(NpgsqlDataSource db)
{
    public async Task<IReadOnlyList<PaymentShare>> ByMethodAsync(AnalyticsFilter filter, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand();
        // Every Success order counts under its own method in the daily payment rollup; the split-payment rollup moves the split
        // ones out of it (whole_*) and into their parts' methods (split_*), plus the unallocated rest. Same rows, types and scales
        // as the plain GROUP BY over orders and order_part_payments (a method without split parts reports a split amount of 0).
        cmd.CommandText = $"""
            WITH shares AS (
                SELECT coalesce(f.payment_type, '(none)') AS method, sum(f.orders) AS orders, sum(f.total) AS amount,
                       0 AS split_orders, 0 AS split_amount
                FROM order_payments_daily f
                WHERE {OrderFacts.RollupScope(filter, cmd)}
                GROUP BY 1
                UNION ALL
                SELECT s.method, sum(s.split_orders - s.whole_orders), sum(s.split_amount - s.whole_total), sum(s.split_orders),
                       CASE WHEN sum(s.split_orders) = 0 THEN 0 ELSE sum(s.split_amount) END
                FROM order_split_payments_daily s
                WHERE {OrderFacts.RollupScope(filter, cmd, "s")}
                GROUP BY 1
            )
            SELECT method, sum(orders)::bigint, sum(amount), sum(split_orders)::bigint, sum(split_amount)
            FROM shares GROUP BY method HAVING sum(orders) <> 0
            """;
        var rows = new List<(string Method, long Orders, decimal Amount, long SplitOrders, decimal SplitAmount)>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add((reader.GetString(0), reader.GetInt64(1), reader.GetDecimal(2), reader.GetInt64(3), reader.GetDecimal(4)));
        var total = rows.Sum(r => r.Amount);
        return rows
            .Select(r => new PaymentShare(r.Method, r.Orders, r.Amount, r.SplitOrders, r.SplitAmount,
                total == 0 ? 0 : Math.Round((double)(r.Amount / total), 6)))
            .OrderByDescending(r => r.Amount).ThenBy(r => r.Method, StringComparer.Ordinal)
            .ToList();
    }
}
