using Npgsql;

namespace OrderAnalytics.Loading;

/// <summary>One data check over the loaded tables: its SQL returns the offending rows, so a healthy store returns none.</summary>
public sealed record DataQualityCheck(string Name, string Description, string Sql);

/// <summary>The result of one check: how many rows offend, and the first few of them ("a|b|c").</summary>
public sealed record DataQualityFinding(string Check, long Rows, IReadOnlyList<string> Samples);

/// <summary>
/// Data checks over orders and their children. Shared by the loader's tests and the analytics service: the
/// foreign keys make some checks redundant today, but the checks stay valid if keys are ever dropped for bulk
/// loads, and they say what "loaded correctly" means in one place.
/// </summary>
public static class DataQualityQueries
{
    public static IReadOnlyList<DataQualityCheck> All { get; } =
    [
        new("duplicate_orders", "An order stored more than once for its restaurant.", """
            SELECT restaurant_id, order_id, count(*) FROM orders GROUP BY restaurant_id, order_id HAVING count(*) > 1
            """),
        new("orders_without_items", "An order with no item lines that is not flagged no_items.", """
            SELECT o.restaurant_id, o.order_id FROM orders o
            WHERE NOT EXISTS (SELECT 1 FROM order_items i WHERE i.restaurant_id = o.restaurant_id AND i.order_id = o.order_id)
              AND NOT EXISTS (SELECT 1 FROM order_quality_flags f
                              WHERE f.restaurant_id = o.restaurant_id AND f.order_id = o.order_id AND f.code = 'no_items')
            """),
        Orphans("order_items_without_order", "order_items", "orders", "restaurant_id, order_id"),
        Orphans("addons_without_item", "order_item_addons", "order_items", "restaurant_id, order_id, line_no"),
        Orphans("taxes_without_order", "order_taxes", "orders", "restaurant_id, order_id"),
        Orphans("discounts_without_order", "order_discounts", "orders", "restaurant_id, order_id"),
        Orphans("part_payments_without_order", "order_part_payments", "orders", "restaurant_id, order_id"),
        Orphans("flags_without_order", "order_quality_flags", "orders", "restaurant_id, order_id"),
        Orphans("orders_without_restaurant", "orders", "restaurants", "restaurant_id"),
        Orphans("orders_without_customer", "orders", "customers", "customer_id"),
        Orphans("customers_without_restaurant", "customers", "restaurants", "restaurant_id"),
        Orphans("items_with_unknown_menu_item", "order_items", "menu_items", "menu_item_id"),
        Orphans("addons_with_unknown_addon", "order_item_addons", "addons", "addon_id"),
        new("money_identity_unflagged",
            "total differs from core − discount + tax + packaging + delivery + service + round_off by more than ₹1, without a money_identity flag.", """
            SELECT o.restaurant_id, o.order_id, o.total,
                   o.core_total - o.discount_total + o.tax_total + o.packaging_charge + o.delivery_charges + o.service_charge + o.round_off AS expected
            FROM orders o
            WHERE abs(o.total - (o.core_total - o.discount_total + o.tax_total + o.packaging_charge + o.delivery_charges
                                 + o.service_charge + o.round_off)) > 1
              AND NOT EXISTS (SELECT 1 FROM order_quality_flags f
                              WHERE f.restaurant_id = o.restaurant_id AND f.order_id = o.order_id AND f.code = 'money_identity')
            """),
        RollupDiffers("order_facts_daily_differs_from_orders", "order_facts_daily",
            "business_date, restaurant_id, order_from, order_type, order_status", OrderSums, NonTestOrders),
        RollupDiffers("order_facts_hourly_differs_from_orders", "order_facts_hourly",
            "business_date, restaurant_id, order_from, order_type, order_status, extract(hour FROM created_on)::smallint AS hour", OrderSums,
            NonTestOrders),
        RollupDiffers("area_facts_hourly_differs_from_orders", "area_facts_hourly",
            "business_date, restaurant_id, order_from, order_type, order_status, extract(hour FROM created_on)::smallint AS hour, locality",
            OrderSums, NonTestOrders),
        RollupDiffers("order_payments_daily_differs_from_orders", "order_payments_daily",
            "business_date, restaurant_id, order_from, order_type, payment_type", "count(*) AS orders, sum(total) AS total",
            NonTestOrders + " AND order_status = 'Success'"),
        RollupDiffers("item_sales_daily_differs_from_lines", "item_sales_daily",
            "o.business_date, o.restaurant_id, o.order_from, o.order_type, i.menu_item_id, i.match_decision, " +
            "CASE WHEN i.match_decision = 'matched' AND i.menu_item_id IS NOT NULL THEN NULL ELSE i.normalised_name END AS normalised_name",
            "count(*) AS lines, sum(i.quantity) AS quantity, sum(i.total_price) AS total_price, sum(i.discount_amount) AS discount_amount",
            "orders o JOIN order_items i ON i.restaurant_id = o.restaurant_id AND i.order_id = o.order_id " +
            "WHERE o.order_status = 'Success' AND NOT o.is_test AND o.business_date IS NOT NULL"),
        RollupDiffers("order_split_payments_daily_differs_from_parts", "order_split_payments_daily",
            "business_date, restaurant_id, order_from, order_type, method",
            "sum(split_orders) AS split_orders, sum(split_amount) AS split_amount, sum(whole_orders) AS whole_orders, sum(whole_total) AS whole_total",
            $"({SplitShares}) s"),
        RollupDiffers("addon_sales_daily_differs_from_addons", "addon_sales_daily",
            "o.business_date, o.restaurant_id, o.order_from, o.order_type, a.addon_name, a.group_name",
            "count(*) AS lines, sum(a.quantity * i.quantity) AS quantity, sum(a.price * a.quantity * i.quantity) AS sales",
            "orders o JOIN order_items i ON i.restaurant_id = o.restaurant_id AND i.order_id = o.order_id " +
            "JOIN order_item_addons a ON a.restaurant_id = i.restaurant_id AND a.order_id = i.order_id AND a.line_no = i.line_no " +
            "WHERE o.order_status = 'Success' AND NOT o.is_test AND o.business_date IS NOT NULL"),
        RollupDiffers("customer_months_differs_from_orders", "customer_months",
            // (No ", " inside an expression: RollupDiffers splits the column list on it.)
            "restaurant_id, customer_id, date_trunc('month',business_date)::date AS month", "count(*) AS orders, sum(total) AS revenue",
            CustomerOrders),
        // The deltas summed per group (a group summing to nothing does not exist) against cohorts computed from scratch.
        RollupDiffers("retention_deltas_differ_from_orders",
            "(SELECT restaurant_id, month, cohort, sum(customers) AS customers, sum(orders) AS orders, sum(revenue) AS revenue " +
            "FROM retention_deltas GROUP BY 1, 2, 3 HAVING sum(customers) <> 0 OR sum(orders) <> 0 OR sum(revenue) <> 0) summed",
            "restaurant_id, month, cohort", "count(*) AS customers, sum(orders) AS orders, sum(revenue) AS revenue",
            "(SELECT m.*, min(m.month) OVER (PARTITION BY m.customer_id) AS cohort FROM (" +
            $"SELECT restaurant_id, customer_id, date_trunc('month', business_date)::date AS month, count(*) AS orders, sum(total) AS revenue FROM {CustomerOrders} " +
            "GROUP BY 1, 2, 3) m) x"),
    ];

    /// <summary>The orders the retention rollups count: Success, not a test, dated, with a customer.</summary>
    private const string CustomerOrders =
        "orders WHERE order_status = 'Success' AND NOT is_test AND business_date IS NOT NULL AND customer_id IS NOT NULL";

    /// <summary>
    /// The shares of split Success orders, one row per order and method: each method of its parts (split_*), its own method
    /// taken out (whole_*), and the rest when the parts do not add up to the total ('Part Payment (unallocated)').
    /// </summary>
    private const string SplitShares = """
        SELECT o.business_date, o.restaurant_id, o.order_from, o.order_type, p.payment_type AS method, 1 AS split_orders,
               sum(p.amount) AS split_amount, 0 AS whole_orders, 0 AS whole_total
        FROM orders o JOIN order_part_payments p ON p.restaurant_id = o.restaurant_id AND p.order_id = o.order_id
        WHERE o.order_status = 'Success' AND NOT o.is_test AND o.business_date IS NOT NULL
        GROUP BY o.restaurant_id, o.order_id, p.payment_type
        UNION ALL
        SELECT o.business_date, o.restaurant_id, o.order_from, o.order_type, v.method, v.split_orders, v.split_amount, v.whole_orders, v.whole_total
        FROM orders o
        JOIN (SELECT restaurant_id, order_id, sum(amount) AS paid FROM order_part_payments GROUP BY 1, 2) p
          ON p.restaurant_id = o.restaurant_id AND p.order_id = o.order_id
        CROSS JOIN LATERAL (VALUES (coalesce(o.payment_type, '(none)'), 0, 0::numeric, 1, o.total),
                                   ('Part Payment (unallocated)', 1, o.total - p.paid, 0, 0::numeric)) v(method, split_orders, split_amount, whole_orders, whole_total)
        WHERE o.order_status = 'Success' AND NOT o.is_test AND o.business_date IS NOT NULL
          AND (v.whole_orders = 1 OR o.total <> p.paid)
        """;

    /// <summary>Runs every check (or the named ones); one finding per check, zero rows meaning healthy.</summary>
    public static async Task<IReadOnlyList<DataQualityFinding>> RunAsync(NpgsqlDataSource dataSource, int samples = 5,
        IEnumerable<string>? only = null, CancellationToken ct = default)
    {
        var wanted = only?.ToHashSet(StringComparer.Ordinal);
        var findings = new List<DataQualityFinding>();
        foreach (var check in All.Where(c => wanted is null || wanted.Contains(c.Name)))
        {
            // count(*) OVER () gives the total beside the first rows, in one scan.
            await using var cmd = dataSource.CreateCommand($"SELECT count(*) OVER (), q.* FROM ({check.Sql}) q LIMIT {samples + 1}");
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            long rows = 0;
            var sample = new List<string>();
            var values = new object[reader.FieldCount];
            while (await reader.ReadAsync(ct))
            {
                reader.GetValues(values);
                rows = (long)values[0];
                if (sample.Count < samples) sample.Add(string.Join("|", values.Skip(1).Select(v => v is DBNull ? "" : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))));
            }
            findings.Add(new DataQualityFinding(check.Name, rows, sample));
        }
        return findings;
    }

    private const string NonTestOrders = "orders WHERE business_date IS NOT NULL AND NOT is_test";

    private const string OrderSums = "count(*) AS orders, sum(total) AS total, sum(core_total) AS core_total, " +
        "sum(discount_total) AS discount_total, sum(tax_total) AS tax_total, " +
        "sum(packaging_charge + delivery_charges + service_charge + round_off) AS charges";

    /// <summary>
    /// The rows in only one of <paramref name="rollup"/> and the GROUP BY it stands for (<paramref name="dimensions"/>,
    /// <paramref name="sums"/> over <paramref name="from"/>), tagged with their side. The triggers of the AddRollups migration
    /// keep the rollups exact, so any row here means a write bypassed them (or a bug in them).
    /// </summary>
    private static DataQualityCheck RollupDiffers(string name, string rollup, string dimensions, string sums, string from)
    {
        var columns = string.Join(", ", $"{dimensions}, {sums}".Split(", ").Select(c => c.Split(" AS ")[^1].Split('.')[^1]));
        var groupBy = $"SELECT {dimensions}, {sums} FROM {from} GROUP BY {string.Join(", ", dimensions.Split(", ").Select((_, i) => i + 1))}";
        return new(name, $"{rollup} rows that differ from the GROUP BY over the normalized tables they sum up.", $"""
            (SELECT 'rollup only' AS side, * FROM (SELECT {columns} FROM {rollup} EXCEPT {groupBy}) r)
            UNION ALL
            (SELECT 'group by only', * FROM ({groupBy} EXCEPT SELECT {columns} FROM {rollup}) g)
            """);
    }

    /// <summary>Rows of <paramref name="child"/> whose non-null reference <paramref name="key"/> matches no <paramref name="parent"/> row.</summary>
    private static DataQualityCheck Orphans(string name, string child, string parent, string key)
    {
        var columns = key.Split(", ");
        var notNull = string.Join(" AND ", columns.Select(k => $"c.{k} IS NOT NULL"));
        var match = string.Join(" AND ", columns.Select(k => $"p.{k} = c.{k}"));
        return new(name, $"{child} rows whose ({key}) has no {parent} row.",
            $"SELECT {string.Join(", ", columns.Select(k => "c." + k))} FROM {child} c WHERE {notNull} AND NOT EXISTS (SELECT 1 FROM {parent} p WHERE {match})");
    }
}
