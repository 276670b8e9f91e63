using Npgsql;

namespace OrderAnalytics.Analytics.Benchmarks;

/// <summary>One question: the GraphQL a client sends, and the plain SQL an analyst would write over the normalized tables.</summary>
internal sealed record Case(string Name, string GraphQL, string Sql);

internal static class Cases
{
    private const string Success = "o.order_status = 'Success' AND NOT o.is_test";
    private const string Figures = "orders revenue grossSales discounts netSales taxes charges cancelledOrders cancelledValue complimentaryOrders averageOrderValue";

    public static async Task<(string Restaurant, string OrderId)> SampleOrderAsync(NpgsqlDataSource db)
    {
        await using var cmd = db.CreateCommand("""
            SELECT r.petpooja_restid, o.order_id FROM orders o JOIN restaurants r USING (restaurant_id)
            WHERE o.payment_type = 'Part Payment' ORDER BY o.business_date DESC LIMIT 1
            """);
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetString(0), reader.GetString(1));
    }

    /// <param name="from">First day of the 90-day window.</param>
    /// <param name="yearFrom">First day of the whole year.</param>
    public static List<Case> All(DateOnly from, DateOnly to, DateOnly yearFrom, DateOnly yearTo, (string Restaurant, string OrderId) sample)
    {
        string Q(DateOnly d) => $"'{d:yyyy-MM-dd}'";
        var range = $"from: \"{from:yyyy-MM-dd}\", to: \"{to:yyyy-MM-dd}\"";
        var year = $"from: \"{yearFrom:yyyy-MM-dd}\", to: \"{yearTo:yyyy-MM-dd}\"";
        var inRange = $"o.business_date BETWEEN {Q(from)} AND {Q(to)}";
        var inYear = $"o.business_date BETWEEN {Q(yearFrom)} AND {Q(yearTo)}";
        var statusSums = """
            count(*) FILTER (WHERE o.order_status = 'Success'), sum(o.total) FILTER (WHERE o.order_status = 'Success'),
            sum(o.core_total - o.discount_total) FILTER (WHERE o.order_status = 'Success'), sum(o.tax_total) FILTER (WHERE o.order_status = 'Success'),
            count(*) FILTER (WHERE o.order_status = 'Cancelled'), sum(o.total) FILTER (WHERE o.order_status = 'Cancelled'),
            count(*) FILTER (WHERE o.order_status = 'Complimentary')
            """;

        return
        [
            // ---- 5.1 revenue ----
            new("5.1 revenue DAY, 90 days + previous",
                $"{{ revenue(period: DAY, {range}) {{ start current {{ {Figures} }} previous {{ orders revenue }} revenueChangePercent }} }}",
                $"""
                SELECT d, orders, revenue, lag(revenue) OVER (ORDER BY d) FROM (
                  SELECT o.business_date AS d, {statusSums.Replace("count(*) FILTER (WHERE o.order_status = 'Success'), sum(o.total)", "count(*) FILTER (WHERE o.order_status = 'Success') AS orders, sum(o.total)")} AS x,
                         sum(o.total) FILTER (WHERE o.order_status = 'Success') AS revenue
                  FROM orders o WHERE NOT o.is_test AND o.business_date BETWEEN {Q(from.AddDays(-1))} AND {Q(to)} GROUP BY 1) t ORDER BY d
                """),
            new("5.1 revenue WEEK, 90 days + previous",
                $"{{ revenue(period: WEEK, {range}) {{ start current {{ {Figures} }} previous {{ orders revenue }} revenueChangePercent }} }}",
                $"""
                SELECT w, revenue, lag(revenue) OVER (ORDER BY w) FROM (
                  SELECT date_trunc('week', o.business_date) AS w, {statusSums}, sum(o.total) FILTER (WHERE o.order_status = 'Success') AS revenue
                  FROM orders o WHERE NOT o.is_test AND o.business_date BETWEEN {Q(from.AddDays(-7))} AND {Q(to)} GROUP BY 1) t ORDER BY w
                """),
            new("5.1 revenue MONTH, full year + previous",
                $"{{ revenue(period: MONTH, {year}) {{ start current {{ {Figures} }} previous {{ orders revenue }} revenueChangePercent }} }}",
                $"""
                SELECT m, revenue, lag(revenue) OVER (ORDER BY m) FROM (
                  SELECT date_trunc('month', o.business_date) AS m, {statusSums}, sum(o.total) FILTER (WHERE o.order_status = 'Success') AS revenue
                  FROM orders o WHERE NOT o.is_test AND {inYear} GROUP BY 1) t ORDER BY m
                """),
            new("5.1 revenue DAY, 90 days, channel Zomato",
                $"{{ revenue(period: DAY, {range}, channel: \"Zomato\") {{ start current {{ orders revenue }} previous {{ revenue }} }} }}",
                $"""
                SELECT o.business_date, count(*), sum(o.total) FROM orders o
                WHERE {Success} AND o.order_from = 'Zomato' AND o.business_date BETWEEN {Q(from.AddDays(-1))} AND {Q(to)} GROUP BY 1 ORDER BY 1
                """),

            // ---- 5.2 items ----
            new("5.2 top items by revenue, 90 days",
                $"{{ topItems(by: REVENUE, level: ITEM, limit: 20, {range}) {{ rank name type quantity lines grossSales discounts netSales revenueShare }} }}",
                $"""
                SELECT m.name, m.type, sum(i.quantity), count(*), sum(i.total_price), sum(i.total_price - i.discount_amount) AS net
                FROM orders o JOIN order_items i ON i.restaurant_id = o.restaurant_id AND i.order_id = o.order_id
                JOIN menu_items m ON m.menu_item_id = i.menu_item_id
                WHERE {Success} AND {inRange} AND i.match_decision = 'matched'
                GROUP BY m.name, m.type ORDER BY net DESC LIMIT 20
                """),
            new("5.2 top variants by quantity, 90 days",
                $"{{ topItems(by: QUANTITY, level: VARIANT, limit: 20, {range}) {{ rank menuItemId name variant quantity netSales }} }}",
                $"""
                SELECT m.menu_item_id, m.name, m.variant, sum(i.quantity) AS q, sum(i.total_price - i.discount_amount)
                FROM orders o JOIN order_items i ON i.restaurant_id = o.restaurant_id AND i.order_id = o.order_id
                JOIN menu_items m ON m.menu_item_id = i.menu_item_id
                WHERE {Success} AND {inRange} AND i.match_decision = 'matched'
                GROUP BY m.menu_item_id ORDER BY q DESC LIMIT 20
                """),
            new("5.2 top items by revenue, full year",
                $"{{ topItems(by: REVENUE, level: ITEM, limit: 20, {year}) {{ rank name quantity netSales }} }}",
                $"""
                SELECT m.name, sum(i.quantity), sum(i.total_price - i.discount_amount) AS net
                FROM orders o JOIN order_items i ON i.restaurant_id = o.restaurant_id AND i.order_id = o.order_id
                JOIN menu_items m ON m.menu_item_id = i.menu_item_id
                WHERE {Success} AND {inYear} AND i.match_decision = 'matched'
                GROUP BY m.name ORDER BY net DESC LIMIT 20
                """),
            new("5.2 unmatched raw names, 90 days",
                $"{{ unmatchedItems(limit: 50, {range}) {{ normalisedName exampleRawName decision quantity netSales }} }}",
                $"""
                SELECT i.normalised_name, i.match_decision, min(i.name_raw), sum(i.quantity), sum(i.total_price - i.discount_amount) AS net
                FROM orders o JOIN order_items i ON i.restaurant_id = o.restaurant_id AND i.order_id = o.order_id
                WHERE {Success} AND {inRange} AND i.match_decision <> 'matched'
                GROUP BY 1, 2 ORDER BY net DESC LIMIT 50
                """),
            new("5.2 top addons by quantity, 90 days",
                $"{{ topAddons(by: QUANTITY, limit: 20, {range}) {{ rank name group quantity lines sales }} }}",
                $"""
                SELECT a.addon_name, a.group_name, sum(a.quantity * i.quantity) AS q, sum(a.price * a.quantity * i.quantity)
                FROM orders o JOIN order_items i ON i.restaurant_id = o.restaurant_id AND i.order_id = o.order_id
                JOIN order_item_addons a ON a.restaurant_id = i.restaurant_id AND a.order_id = i.order_id AND a.line_no = i.line_no
                WHERE {Success} AND {inRange} GROUP BY 1, 2 ORDER BY q DESC LIMIT 20
                """),

            // ---- 5.3 AOV ----
            new("5.3 AOV trend WEEK, 90 days",
                $"{{ averageOrderValue(period: WEEK, {range}) {{ start orders averageOrderValue averageNetOrderValue previousAverageOrderValue changePercent }} }}",
                $"""
                SELECT w, aov, lag(aov) OVER (ORDER BY w) FROM (
                  SELECT date_trunc('week', o.business_date) AS w, avg(o.total) AS aov, avg(o.core_total - o.discount_total)
                  FROM orders o WHERE {Success} AND o.business_date BETWEEN {Q(from.AddDays(-7))} AND {Q(to)} GROUP BY 1) t ORDER BY w
                """),
            new("5.3 AOV trend MONTH, full year",
                $"{{ averageOrderValue(period: MONTH, {year}) {{ start orders averageOrderValue previousAverageOrderValue }} }}",
                $"""
                SELECT m, aov, lag(aov) OVER (ORDER BY m) FROM (
                  SELECT date_trunc('month', o.business_date) AS m, avg(o.total) AS aov FROM orders o WHERE {Success} AND {inYear} GROUP BY 1) t ORDER BY m
                """),

            // ---- 5.4 order type and channel ----
            new("5.4 channel mix, 90 days",
                $"{{ channelMix({range}) {{ key orderShare revenueShare figures {{ {Figures} }} }} }}",
                $"SELECT o.order_from, {statusSums} FROM orders o WHERE NOT o.is_test AND {inRange} GROUP BY 1"),
            new("5.4 order type mix, 90 days",
                $"{{ orderTypeMix({range}) {{ key orderShare revenueShare figures {{ {Figures} }} }} }}",
                $"SELECT o.order_type, {statusSums} FROM orders o WHERE NOT o.is_test AND {inRange} GROUP BY 1"),
            new("5.4 channel mix, full year",
                $"{{ channelMix({year}) {{ key orderShare revenueShare figures {{ orders revenue }} }} }}",
                $"SELECT o.order_from, {statusSums} FROM orders o WHERE NOT o.is_test AND {inYear} GROUP BY 1"),

            // ---- 5.5 peak hours ----
            new("5.5 peak hours hour x weekday, 90 days",
                $"{{ peakHours({range}) {{ weekday hour days averageOrders averageRevenue figures {{ orders revenue }} }} }}",
                $"""
                SELECT extract(isodow FROM o.business_date), extract(hour FROM o.created_on), count(*), sum(o.total)
                FROM orders o WHERE {Success} AND {inRange} GROUP BY 1, 2 ORDER BY 1, 2
                """),

            // ---- 5.6 retention ----
            new("5.6 retention summary, 90 days",
                $"{{ customerRetention({range}) {{ summary {{ customers repeatCustomers repeatRate newCustomers returningCustomers anonymousOrders }} }} }}",
                $"""
                WITH c AS (SELECT o.customer_id, count(*) AS n FROM orders o WHERE {Success} AND {inRange} AND o.customer_id IS NOT NULL GROUP BY 1),
                     f AS (SELECT o.customer_id, min(o.business_date) AS first FROM orders o WHERE {Success} AND o.customer_id IN (SELECT customer_id FROM c) GROUP BY 1)
                SELECT count(*), count(*) FILTER (WHERE n >= 2), count(*) FILTER (WHERE first >= {Q(from)}) FROM c JOIN f USING (customer_id)
                """),
            new("5.6 new vs returning per MONTH, full year",
                $"{{ customerRetention({year}) {{ periods(period: MONTH) {{ start customers newCustomers returningCustomers newCustomerRevenue returningCustomerRevenue }} }} }}",
                $"""
                WITH f AS (SELECT o.customer_id, date_trunc('month', min(o.business_date)) AS first FROM orders o WHERE {Success} AND o.customer_id IS NOT NULL GROUP BY 1)
                SELECT date_trunc('month', o.business_date) AS m, count(DISTINCT o.customer_id),
                       count(DISTINCT o.customer_id) FILTER (WHERE f.first = date_trunc('month', o.business_date)), sum(o.total)
                FROM orders o JOIN f USING (customer_id) WHERE {Success} AND {inYear} GROUP BY 1 ORDER BY 1
                """),
            new("5.6 monthly cohorts, full year",
                $"{{ customerRetention({year}) {{ cohorts {{ month size months {{ offset activeCustomers orders revenue retention }} }} }} }}",
                $"""
                WITH f AS (SELECT o.customer_id, date_trunc('month', min(o.business_date)) AS cohort FROM orders o WHERE {Success} AND o.customer_id IS NOT NULL GROUP BY 1)
                SELECT f.cohort, (extract(year FROM age(date_trunc('month', o.business_date), f.cohort)) * 12
                                  + extract(month FROM age(date_trunc('month', o.business_date), f.cohort))) AS k,
                       count(DISTINCT o.customer_id), count(*), sum(o.total)
                FROM orders o JOIN f USING (customer_id) WHERE {Success} AND {inYear} GROUP BY 1, 2 ORDER BY 1, 2
                """),

            // ---- 5.7 payment ----
            new("5.7 payment mix (parts split), 90 days",
                $"{{ paymentMix({range}) {{ method orders amount splitOrders splitAmount share }} }}",
                $"""
                SELECT coalesce(p.payment_type, o.payment_type), count(*), sum(coalesce(p.amount, o.total))
                FROM orders o LEFT JOIN order_part_payments p ON p.restaurant_id = o.restaurant_id AND p.order_id = o.order_id
                WHERE {Success} AND {inRange} GROUP BY 1
                """),

            // ---- 5.8 delivery areas ----
            // Task 5.8 asks for orders and revenue per locality; distinct customers per locality is an extra that costs a
            // pass over the orders (a distinct count does not add up over the rollup), so it is measured apart.
            new("5.8 delivery areas, 90 days",
                $"{{ deliveryAreas({range}, top: 25) {{ locality revenueShare figures {{ orders revenue averageOrderValue }} }} }}",
                $"""
                SELECT o.locality, count(*), sum(o.total) AS revenue
                FROM orders o
                WHERE {Success} AND {inRange} AND o.order_type LIKE 'Delivery%' GROUP BY 1 ORDER BY revenue DESC
                """),
            new("5.8 delivery areas + distinct customers, 90 days",
                $"{{ deliveryAreas({range}, top: 25) {{ locality customers revenueShare figures {{ orders revenue averageOrderValue }} }} }}",
                $"""
                SELECT o.locality, count(DISTINCT o.customer_id), count(*), sum(o.total) AS revenue
                FROM orders o
                WHERE {Success} AND {inRange} AND o.order_type LIKE 'Delivery%' GROUP BY 1 ORDER BY revenue DESC
                """),
            new("5.8 delivery areas x hour, 90 days",
                $"{{ deliveryAreaHours({range}, top: 25) {{ locality hour figures {{ orders revenue }} }} }}",
                $"""
                SELECT o.locality, extract(hour FROM o.created_on), count(*), sum(o.total)
                FROM orders o
                WHERE {Success} AND {inRange} AND o.order_type LIKE 'Delivery%' GROUP BY 1, 2
                """),

            // ---- orders, quality, review ----
            new("order by id (with children)",
                $$"""{ order(restaurant: "{{sample.Restaurant}}", orderId: "{{sample.OrderId}}") { orderId status total customer { pseudonym name } items { name quantity totalPrice addons { name } } taxes { title amount } partPayments { paymentType amount } qualityFlags { code } } }""",
                $"""
                SELECT o.*, i.*, a.* FROM restaurants r JOIN orders o ON o.restaurant_id = r.restaurant_id AND o.order_id = '{sample.OrderId}'
                LEFT JOIN order_items i ON i.restaurant_id = o.restaurant_id AND i.order_id = o.order_id
                LEFT JOIN order_item_addons a ON a.restaurant_id = i.restaurant_id AND a.order_id = i.order_id AND a.line_no = i.line_no
                WHERE r.petpooja_restid = '{sample.Restaurant}'
                """),
            new("orders page of 100 (items, addons, taxes)",
                $"{{ orders({range}, first: 100) {{ pageInfo {{ hasNextPage endCursor }} edges {{ cursor node {{ orderId businessDate total status items {{ name quantity totalPrice addons {{ name price }} }} taxes {{ title amount }} customer {{ pseudonym }} }} }} }} }}",
                $"""
                WITH page AS (SELECT * FROM orders o WHERE NOT o.is_test AND {inRange}
                              ORDER BY o.business_date, o.created_on, o.restaurant_id, o.order_id LIMIT 101)
                SELECT p.order_id, p.total, i.name_raw, i.quantity, a.addon_name, t.tax_title, t.tax_amount
                FROM page p LEFT JOIN order_items i ON i.restaurant_id = p.restaurant_id AND i.order_id = p.order_id
                LEFT JOIN order_item_addons a ON a.restaurant_id = i.restaurant_id AND a.order_id = i.order_id AND a.line_no = i.line_no
                LEFT JOIN order_taxes t ON t.restaurant_id = p.restaurant_id AND t.order_id = p.order_id
                """),
            new("data quality report, 90 days",
                $"{{ dataQuality({range}) {{ orders flaggedOrders flags {{ code orders }} quarantined {{ reason events unresolved }} }} }}",
                $"""
                SELECT f.code, count(*) FROM order_quality_flags f JOIN orders o ON o.restaurant_id = f.restaurant_id AND o.order_id = f.order_id
                WHERE {inRange} GROUP BY 1
                UNION ALL SELECT reason, count(*) FROM raw_events WHERE outcome = 'quarantined' GROUP BY 1
                """),
            new("review queue, all time",
                "{ reviewQueue(limit: 50) { normalisedName rawNames decision bestScore lines quantity exampleOrderIds firstSeen lastSeen } }",
                """
                SELECT i.normalised_name, i.match_decision, count(*) AS n, sum(i.quantity), (array_agg(i.order_id))[1:3]
                FROM order_items i WHERE i.match_decision IN ('review', 'unmatched')
                  AND NOT EXISTS (SELECT 1 FROM menu_aliases a WHERE a.normalised_name = i.normalised_name)
                GROUP BY 1, 2 ORDER BY n DESC LIMIT 50
                """),
        ];
    }
}
