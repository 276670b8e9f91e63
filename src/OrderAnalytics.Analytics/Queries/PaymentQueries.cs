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
        cmd.CommandText = $"""
            WITH paid AS (
                SELECT o.restaurant_id, o.order_id, coalesce(o.payment_type, '(none)') AS method, o.total
                FROM orders o
                WHERE {OrderFacts.Scope(filter, cmd)} AND {OrderFacts.IsRevenue()}
            ), parts AS (
                SELECT p.restaurant_id, p.order_id, p.payment_type AS method, sum(p.amount) AS amount
                FROM order_part_payments p JOIN paid USING (restaurant_id, order_id)
                GROUP BY 1, 2, 3
            ), split AS (
                SELECT restaurant_id, order_id, sum(amount) AS amount FROM parts GROUP BY 1, 2
            ), shares AS (
                SELECT paid.method, paid.total AS amount, false AS is_split
                FROM paid WHERE NOT EXISTS (SELECT 1 FROM split s WHERE s.restaurant_id = paid.restaurant_id AND s.order_id = paid.order_id)
                UNION ALL
                SELECT method, amount, true FROM parts
                UNION ALL
                SELECT 'Part Payment (unallocated)', paid.total - s.amount, true
                FROM paid JOIN split s USING (restaurant_id, order_id) WHERE paid.total <> s.amount
            )
            SELECT method, count(*), sum(amount), count(*) FILTER (WHERE is_split), coalesce(sum(amount) FILTER (WHERE is_split), 0)
            FROM shares GROUP BY method
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
