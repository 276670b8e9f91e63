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
        // Unsplit orders come from the daily payment rollup (Success orders) less the split ones; split orders are the few with
        // part payments, read from order_part_payments and their orders. Same rows, types and scales as the plain GROUP BY.
        cmd.CommandText = $"""
            WITH parts AS (
                SELECT p.restaurant_id, p.order_id, coalesce(o.payment_type, '(none)') AS order_method, o.total,
                       p.payment_type AS method, sum(p.amount) AS amount
                FROM order_part_payments p JOIN orders o ON o.restaurant_id = p.restaurant_id AND o.order_id = p.order_id
                WHERE {OrderFacts.Scope(filter, cmd)} AND {OrderFacts.IsRevenue()}
                GROUP BY 1, 2, 3, 4, 5
            ), split AS (
                SELECT restaurant_id, order_id, order_method, total, sum(amount) AS amount FROM parts GROUP BY 1, 2, 3, 4
            ), shares AS (
                SELECT coalesce(f.payment_type, '(none)') AS method, sum(f.orders) AS orders, sum(f.total) AS amount,
                       0 AS split_orders, 0 AS split_amount
                FROM order_payments_daily f
                WHERE {OrderFacts.RollupScope(filter, cmd)}
                GROUP BY 1
                UNION ALL
                SELECT order_method, -count(*), -sum(total), 0, 0 FROM split GROUP BY 1
                UNION ALL
                SELECT method, count(*), sum(amount), count(*), sum(amount) FROM parts GROUP BY 1
                UNION ALL
                SELECT 'Part Payment (unallocated)', count(*), sum(total - amount), count(*), sum(total - amount)
                FROM split WHERE total <> amount
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
