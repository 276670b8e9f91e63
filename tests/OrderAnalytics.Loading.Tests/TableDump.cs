namespace OrderAnalytics.Loading.Tests;

/// <summary>
/// A canonical text dump of what the loader wrote: natural keys instead of surrogate ids (restaurant ref, customer key),
/// no load timestamps, rows sorted. Two loads of the same events must give equal dumps whatever the order or batching.
/// </summary>
internal static class TableDump
{
    private const string Restaurant = "(SELECT petpooja_restid FROM restaurants r WHERE r.restaurant_id = x.restaurant_id)";

    private static readonly (string Table, string Sql)[] Queries =
    [
        ("restaurants", "SELECT to_jsonb(x) - ARRAY['restaurant_id','created_at','updated_at'] FROM restaurants x ORDER BY petpooja_restid"),
        ("customers", $"SELECT {Restaurant}, to_jsonb(x) - ARRAY['customer_id','restaurant_id','created_at','updated_at'] FROM customers x ORDER BY 1, customer_key"),
        ("orders", $"""
            SELECT {Restaurant}, (SELECT customer_key FROM customers c WHERE c.customer_id = x.customer_id),
                   to_jsonb(x) - ARRAY['restaurant_id','customer_id','created_at','updated_at']
            FROM orders x ORDER BY 1, order_id
            """),
        ("order_items", $"SELECT {Restaurant}, to_jsonb(x) - ARRAY['order_item_id','restaurant_id'] FROM order_items x ORDER BY 1, order_id, line_no"),
        ("order_item_addons", $"""
            SELECT {Restaurant}, (SELECT a.name || '/' || a.group_name FROM addons a WHERE a.addon_id = x.addon_id),
                   to_jsonb(x) - ARRAY['id','restaurant_id','addon_id']
            FROM order_item_addons x ORDER BY 1, order_id, line_no, addon_line_no
            """),
        ("order_taxes", $"SELECT {Restaurant}, to_jsonb(x) - ARRAY['id','restaurant_id'] FROM order_taxes x ORDER BY 1, order_id, line_no"),
        ("order_discounts", $"SELECT {Restaurant}, to_jsonb(x) - ARRAY['id','restaurant_id'] FROM order_discounts x ORDER BY 1, order_id, line_no"),
        ("order_part_payments", $"SELECT {Restaurant}, to_jsonb(x) - 'restaurant_id' FROM order_part_payments x ORDER BY 1, order_id, line_no"),
        ("order_quality_flags", $"SELECT {Restaurant}, to_jsonb(x) - 'restaurant_id' FROM order_quality_flags x ORDER BY 1, order_id, code"),
        ("order_status_events", $"SELECT {Restaurant}, to_jsonb(x) - ARRAY['id','restaurant_id'] FROM order_status_events x ORDER BY event_id"),
        ("raw_events", "SELECT to_jsonb(x) - 'processed_at' FROM raw_events x ORDER BY event_id"),
        ("review_items", "SELECT kind, event_id, reason, resolved_at IS NOT NULL FROM review_items ORDER BY kind, event_id"),
    ];

    public static async Task<Dictionary<string, List<string>>> CaptureAsync(LoaderDatabase db)
    {
        var dump = new Dictionary<string, List<string>>();
        foreach (var (table, sql) in Queries) dump[table] = await db.RowsAsync(sql);
        return dump;
    }

    /// <summary>Equal dumps, or a failure naming the table and the first row that differs.</summary>
    public static void AssertEqual(Dictionary<string, List<string>> expected, Dictionary<string, List<string>> actual, string because)
    {
        foreach (var (table, rows) in expected)
        {
            var other = actual[table];
            var missing = rows.Except(other).FirstOrDefault();
            var extra = other.Except(rows).FirstOrDefault();
            Assert.True(missing is null && extra is null && rows.Count == other.Count,
                $"{because}: {table} differs ({rows.Count} vs {other.Count} rows)\n expected row: {missing}\n   actual row: {extra}");
        }
    }
}
