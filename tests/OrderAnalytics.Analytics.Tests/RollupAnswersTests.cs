using System.Text.Json;
using Npgsql;
using OrderAnalytics.Analytics.Queries;

namespace OrderAnalytics.Analytics.Tests;

/// <summary>
/// The questions that read the rollups give exactly what the same questions asked over the normalized tables give:
/// same rows, same values, same decimal scales (compared as JSON), under every filter. The raw-table SQL here is what
/// the query classes ran before the rollups existed.
/// </summary>
[Collection(AnalyticsCollection.Name)]
public sealed class RollupAnswersTests(AnalyticsFixture fx)
{
    public static TheoryData<string> Filters => ["none", "range", "restaurant+channel", "orderType+range", "empty range"];

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task ByDay_Rollup_EqualsGroupByOverOrders(string filterName)
    {
        var filter = await FilterAsync(filterName);
        var expected = await RowsAsync(cmd => $"""
            SELECT o.business_date, {OrderFacts.Measures()} FROM orders o WHERE {OrderFacts.Scope(filter, cmd)}
            GROUP BY o.business_date ORDER BY 1
            """, r => (r.GetFieldValue<DateOnly>(0), OrderFacts.Read(r, 1)));

        var actual = await new RevenueQueries(fx.DataSource).ByDayAsync(filter, CancellationToken.None);

        AssertSameJson(expected, actual.Select(d => (d.Key, d.Value)), filterName);
        if (filterName != "empty range") Assert.NotEmpty(actual);
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task ChannelAndOrderTypeMix_Rollup_EqualsGroupByOverOrders(string filterName)
    {
        var filter = await FilterAsync(filterName);
        var mix = new MixQueries(fx.DataSource);
        foreach (var (column, actual) in new[] { ("order_from", await mix.ByChannelAsync(filter, default)), ("order_type", await mix.ByOrderTypeAsync(filter, default)) })
        {
            var expected = await RowsAsync(cmd => $"""
                SELECT coalesce(o.{column}, '(none)'), {OrderFacts.Measures()} FROM orders o WHERE {OrderFacts.Scope(filter, cmd)} GROUP BY 1
                """, r => (r.GetString(0), OrderFacts.Read(r, 1)));
            AssertSameJson(expected.OrderBy(e => e.Item1, StringComparer.Ordinal),
                actual.Select(a => (a.Key, a.Figures)).OrderBy(a => a.Key, StringComparer.Ordinal), $"{filterName} {column}");
        }
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task PeakHours_Rollup_EqualsGroupByOverOrders(string filterName)
    {
        var filter = await FilterAsync(filterName);
        var expected = await RowsAsync(cmd => $"""
            SELECT extract(isodow FROM o.business_date)::int, extract(hour FROM o.created_on)::int, {OrderFacts.Measures()}
            FROM orders o WHERE {OrderFacts.Scope(filter, cmd)} AND o.created_on IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2
            """, r => (r.GetInt32(0), r.GetInt32(1), OrderFacts.Read(r, 2)));

        var actual = await new PeakHourQueries(fx.DataSource).ByHourAndWeekdayAsync(filter, default);

        AssertSameJson(expected, actual.Select(c => (c.Weekday, c.Hour, c.Figures)), filterName);
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task PaymentMix_PaymentAndSplitPaymentRollups_EqualGroupByOverOrdersAndParts(string filterName)
    {
        var filter = await FilterAsync(filterName);
        var expected = await RowsAsync(cmd => $"""
            WITH paid AS (
                SELECT o.restaurant_id, o.order_id, coalesce(o.payment_type, '(none)') AS method, o.total
                FROM orders o WHERE {OrderFacts.Scope(filter, cmd)} AND {OrderFacts.IsRevenue()}
            ), parts AS (
                SELECT p.restaurant_id, p.order_id, p.payment_type AS method, sum(p.amount) AS amount
                FROM order_part_payments p JOIN paid USING (restaurant_id, order_id) GROUP BY 1, 2, 3
            ), split AS (
                SELECT restaurant_id, order_id, sum(amount) AS amount FROM parts GROUP BY 1, 2
            ), shares AS (
                SELECT paid.method, paid.total AS amount, false AS is_split
                FROM paid WHERE NOT EXISTS (SELECT 1 FROM split s WHERE s.restaurant_id = paid.restaurant_id AND s.order_id = paid.order_id)
                UNION ALL SELECT method, amount, true FROM parts
                UNION ALL SELECT 'Part Payment (unallocated)', paid.total - s.amount, true
                FROM paid JOIN split s USING (restaurant_id, order_id) WHERE paid.total <> s.amount
            )
            SELECT method, count(*), sum(amount), count(*) FILTER (WHERE is_split), coalesce(sum(amount) FILTER (WHERE is_split), 0)
            FROM shares GROUP BY method ORDER BY method
            """, r => (r.GetString(0), r.GetInt64(1), r.GetDecimal(2), r.GetInt64(3), r.GetDecimal(4)));

        var actual = await new PaymentQueries(fx.DataSource).ByMethodAsync(filter, default);

        AssertSameJson(expected, actual.OrderBy(a => a.Method, StringComparer.Ordinal)
            .Select(a => (a.Method, a.Orders, a.Amount, a.SplitOrders, a.SplitAmount)), filterName);
        // Not vacuous: the store has split orders, so the split-payment rollup took part.
        if (filterName == "none") Assert.Contains(actual, a => a.SplitOrders > 0);
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task TopItems_Rollup_EqualsRankingOverOrderLines(string filterName)
    {
        var filter = await FilterAsync(filterName);
        var items = new ItemQueries(fx.DataSource);
        foreach (var level in new[] { ItemLevel.Item, ItemLevel.Variant })
        {
            var variant = level == ItemLevel.Variant;
            var key = variant ? "m.menu_item_id, m.name, m.type, m.variant" : "m.name, m.type";
            var expected = await RowsAsync(cmd => $"""
                WITH per_item AS (
                    SELECT CASE WHEN i.match_decision = 'matched' AND i.menu_item_id IS NOT NULL THEN i.menu_item_id ELSE al.menu_item_id END AS menu_item_id,
                           sum(i.quantity) AS quantity, count(*) AS lines, sum(i.total_price) AS gross, sum(i.discount_amount) AS discounts
                    FROM orders o JOIN order_items i ON i.restaurant_id = o.restaurant_id AND i.order_id = o.order_id
                    LEFT JOIN menu_aliases al ON al.normalised_name = i.normalised_name
                    WHERE {OrderFacts.Scope(filter, cmd)} AND {OrderFacts.IsRevenue()}
                    GROUP BY 1
                ), totals AS (
                    SELECT coalesce(sum(quantity), 0) AS quantity, coalesce(sum(gross - discounts), 0) AS net FROM per_item
                )
                SELECT {(variant ? "m.menu_item_id" : "NULL::bigint")}, m.name, m.type, {(variant ? "m.variant" : "NULL::text")},
                       sum(p.quantity), sum(p.lines)::bigint, sum(p.gross), sum(p.discounts), sum(p.gross - p.discounts) AS net,
                       min(t.quantity), min(t.net)
                FROM per_item p JOIN menu_items m ON m.menu_item_id = p.menu_item_id CROSS JOIN totals t
                GROUP BY {key}
                ORDER BY net DESC, 5 DESC, m.name{(variant ? ", m.variant" : "")}
                """, r => (r.IsDBNull(0) ? (long?)null : r.GetInt64(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
                    r.GetDecimal(4), r.GetInt64(5), r.GetDecimal(6), r.GetDecimal(7), r.GetDecimal(8), r.GetDecimal(9), r.GetDecimal(10)));

            var actual = await items.TopItemsAsync(ItemMetric.Revenue, level, ItemQueries.MaxLimit, filter, default);

            AssertSameJson(expected.Select(e => (e.Item1, e.Item2, e.Item3, e.Item4, e.Item5, e.Item6, e.Item7, e.Item8, e.Item9,
                    Share(e.Item9, e.Item11), Share(e.Item5, e.Item10))),
                actual.Select(a => (a.MenuItemId, a.Name, a.Type, a.Variant, a.Quantity, a.Lines, a.GrossSales, a.Discounts, a.NetSales,
                    a.RevenueShare, a.QuantityShare)), $"{filterName} {level}");
        }
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task TopAddons_Rollup_EqualsRankingOverAddonRows(string filterName)
    {
        var filter = await FilterAsync(filterName);
        var items = new ItemQueries(fx.DataSource);
        foreach (var metric in new[] { ItemMetric.Quantity, ItemMetric.Revenue })
        {
            var order = metric == ItemMetric.Quantity ? "quantity DESC, sales DESC" : "sales DESC, quantity DESC";
            var expected = await RowsAsync(cmd => $"""
                SELECT a.addon_name, coalesce(a.group_name, '') AS grp, sum(a.quantity * i.quantity) AS quantity, count(*),
                       sum(a.price * a.quantity * i.quantity) AS sales
                FROM orders o
                JOIN order_items i ON i.restaurant_id = o.restaurant_id AND i.order_id = o.order_id
                JOIN order_item_addons a ON a.restaurant_id = i.restaurant_id AND a.order_id = i.order_id AND a.line_no = i.line_no
                WHERE {OrderFacts.Scope(filter, cmd)} AND {OrderFacts.IsRevenue()}
                GROUP BY 1, 2
                ORDER BY {order}, 1, 2
                LIMIT {ItemQueries.MaxLimit}
                """, r => (r.GetString(0), r.GetString(1), r.GetDecimal(2), r.GetInt64(3), r.GetDecimal(4)));

            var actual = await items.TopAddonsAsync(metric, ItemQueries.MaxLimit, filter, default);

            AssertSameJson(expected, actual.Select(a => (a.Name, a.Group, a.Quantity, a.Lines, a.Sales)), $"{filterName} {metric}");
            if (filterName == "none") Assert.NotEmpty(actual);
        }
    }

    private static double Share(decimal part, decimal whole) => whole == 0 ? 0 : Math.Round((double)(part / whole), 6);

    private async Task<AnalyticsFilter> FilterAsync(string name)
    {
        var restaurant = await fx.ScalarAsync<string>("SELECT min(petpooja_restid) FROM restaurants");
        return name switch
        {
            "none" => AnalyticsFilter.None,
            "range" => new AnalyticsFilter(new DateOnly(2025, 1, 8), new DateOnly(2025, 2, 11), null, null, null),
            "restaurant+channel" => new AnalyticsFilter(null, null, restaurant, "Zomato", null),
            "orderType+range" => new AnalyticsFilter(new DateOnly(2025, 1, 20), null, null, null, "Delivery"),
            "empty range" => new AnalyticsFilter(new DateOnly(2030, 1, 1), new DateOnly(2030, 1, 31), null, null, null),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
    }

    private async Task<List<T>> RowsAsync<T>(Func<NpgsqlCommand, string> sql, Func<NpgsqlDataReader, T> read)
    {
        await using var cmd = fx.DataSource.CreateCommand();
        cmd.CommandText = sql(cmd);
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(read(reader));
        return rows;
    }

    /// <summary>JSON keeps a decimal's scale (0 vs 0.00), so this also catches a changed type or scale.</summary>
    private static void AssertSameJson<TExpected, TActual>(IEnumerable<TExpected> expected, IEnumerable<TActual> actual, string because)
    {
        var options = new JsonSerializerOptions { IncludeFields = true };
        var e = expected.Select(x => JsonSerializer.Serialize(x, options)).ToList();
        var a = actual.Select(x => JsonSerializer.Serialize(x, options)).ToList();
        Assert.True(e.SequenceEqual(a), $"{because}: {e.Count} expected rows, {a.Count} actual\n expected: {string.Join("\n           ", e.Take(5))}\n   actual: {string.Join("\n           ", a.Take(5))}");
    }
}
