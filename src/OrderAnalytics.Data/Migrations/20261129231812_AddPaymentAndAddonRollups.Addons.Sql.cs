namespace OrderAnalytics.Data.Migrations;

/// <summary>
/// The triggers that keep <c>addon_sales_daily</c> equal to the GROUP BY over order_item_addons, their item lines and
/// orders (Success, not test, with a business date), and its backfill. Same design as the item rollup of <see cref="AddRollups"/>.
/// </summary>
/// <remarks>
/// An addon row counts under its item line (whose quantity multiplies it) and its order (date, channel, order type, status,
/// test flag) as they stand, so all three tables carry triggers: an order update that changes those columns moves the
/// current addons of its current lines; inserting or deleting lines adds or subtracts their current addons (an update
/// subtracts the old lines' and adds the new lines'); inserting or deleting addons adds or subtracts them under their line
/// and order. The loader's sequence (update the order, delete addons, delete lines, insert lines, insert addons) thus moves,
/// subtracts and adds exactly once each.
/// </remarks>
public partial class AddPaymentAndAddonRollups
{
    private const string AddonTable = "addon_sales_daily";

    private const string AddonKeys = "business_date, restaurant_id, order_from, order_type, addon_name, group_name";

    private static readonly string[] AddonMeasures = ["lines", "quantity", "sales"];

    /// <summary>The order columns an addon's group depends on (beside the order key).</summary>
    private const string AddonOrderGroup = "business_date, order_from, order_type, order_status, is_test";

    private static string AddonRow(int sign) => $"""
        SELECT {sign} AS sign, o.restaurant_id, o.business_date, o.order_from, o.order_type, a.addon_name, a.group_name, 1 AS lines,
               a.quantity * i.quantity AS quantity, a.price * a.quantity * i.quantity AS sales
        """;

    private const string AddonRevenue = "o.order_status = 'Success' AND NOT o.is_test AND o.business_date IS NOT NULL";

    private const string ItemsOfOrder = """
        CROSS JOIN LATERAL (SELECT * FROM order_items i WHERE i.restaurant_id = o.restaurant_id AND i.order_id = o.order_id OFFSET 0) i
        """;

    private const string AddonsOfItem = """
        CROSS JOIN LATERAL (SELECT * FROM order_item_addons a
                            WHERE a.restaurant_id = i.restaurant_id AND a.order_id = i.order_id AND a.line_no = i.line_no OFFSET 0) a
        """;

    private const string ItemOfAddon = """
        CROSS JOIN LATERAL (SELECT * FROM order_items i
                            WHERE i.restaurant_id = a.restaurant_id AND i.order_id = a.order_id AND i.line_no = a.line_no OFFSET 0) i
        """;

    private const string OrderOfItem = """
        CROSS JOIN LATERAL (SELECT * FROM orders o WHERE o.restaurant_id = i.restaurant_id AND o.order_id = i.order_id OFFSET 0) o
        """;

    /// <summary>The current addons of the current lines of the orders in <paramref name="orders"/> (alias o), signed.</summary>
    private static string AddonsOfOrders(int sign, string orders) => $"{AddonRow(sign)} FROM {orders} {ItemsOfOrder} {AddonsOfItem} WHERE {AddonRevenue}";

    /// <summary>The current addons of the lines in <paramref name="items"/> (alias i), under their orders as they stand, signed.</summary>
    private static string AddonsOfItems(int sign, string items) => $"{AddonRow(sign)} FROM {items} {AddonsOfItem} {OrderOfItem} WHERE {AddonRevenue}";

    /// <summary>The addons in <paramref name="addons"/> (alias a), under their lines and orders as they stand, signed.</summary>
    private static string AddonsUnderItems(int sign, string addons) => $"{AddonRow(sign)} FROM {addons} {ItemOfAddon} {OrderOfItem} WHERE {AddonRevenue}";

    private static string AddonApply(string delta)
    {
        var sums = AddonMeasures.Select(m => $"sum(d.sign * d.{m})").ToList();
        return $"""
            INSERT INTO {AddonTable} AS r ({AddonKeys}, {string.Join(", ", AddonMeasures)})
            SELECT {string.Join(", ", AddonKeys.Split(", ").Select(k => "d." + k))}, {string.Join(", ", sums)}
            FROM ({delta}) d
            GROUP BY 1, 2, 3, 4, 5, 6
            HAVING {string.Join(" OR ", sums.Select(x => x + " <> 0"))}
            ORDER BY 1, 2, 3, 4, 5, 6
            ON CONFLICT ({AddonKeys}) DO UPDATE SET {string.Join(", ", AddonMeasures.Select(m => $"{m} = r.{m} + EXCLUDED.{m}"))};
            """;
    }

    private static string AddonDeleteEmptyGroups(string days) => $"""
        DELETE FROM {AddonTable} r WHERE r.ctid = ANY (ARRAY(
            SELECT z.ctid FROM (SELECT DISTINCT restaurant_id, business_date FROM {days} x) d CROSS JOIN LATERAL (
                SELECT t.ctid FROM {AddonTable} t
                WHERE t.business_date = d.business_date AND t.restaurant_id = d.restaurant_id AND t.lines = 0 OFFSET 0) z));
        """;

    private static string AddonChanged(string rows, string others) => $"""
        {rows} x WHERE NOT EXISTS (SELECT 1 FROM {others} y WHERE y.restaurant_id = x.restaurant_id AND y.order_id = x.order_id
                                   AND ({string.Join(", ", AddonOrderGroup.Split(", ").Select(c => "y." + c))}) IS NOT DISTINCT FROM
                                       ({string.Join(", ", AddonOrderGroup.Split(", ").Select(c => "x." + c))}))
        """;

    private const string DaysOfOldItems = $"(SELECT o.restaurant_id, o.business_date FROM old_items i {OrderOfItem})";

    private const string DaysOfOldAddons = $"(SELECT o.restaurant_id, o.business_date FROM old_addons a {ItemOfAddon} {OrderOfItem})";

    private static readonly string[] AddonFunctions =
    [
        Function("orders_addon_rollup_ins", AddonApply(AddonsOfOrders(1, "new_rows o"))),
        Function("orders_addon_rollup_upd", $"""
            {AddonApply($"{AddonsOfOrders(-1, $"(SELECT x.* FROM {AddonChanged("old_rows", "new_rows")}) o")} UNION ALL " +
                        $"{AddonsOfOrders(1, $"(SELECT x.* FROM {AddonChanged("new_rows", "old_rows")}) o")}")}
            {AddonDeleteEmptyGroups("old_rows")}
            """),
        Function("orders_addon_rollup_del", $"""
            {AddonApply(AddonsOfOrders(-1, "old_rows o"))}
            {AddonDeleteEmptyGroups("old_rows")}
            """),
        Function("order_items_addon_rollup_ins", Replanned(AddonApply(AddonsOfItems(1, "new_items i")))),
        Function("order_items_addon_rollup_upd", $"""
            {Replanned(AddonApply($"{AddonsOfItems(-1, "old_items i")} UNION ALL {AddonsOfItems(1, "new_items i")}"))}
            {Replanned(AddonDeleteEmptyGroups(DaysOfOldItems))}
            """),
        Function("order_items_addon_rollup_del", $"""
            {Replanned(AddonApply(AddonsOfItems(-1, "old_items i")))}
            {Replanned(AddonDeleteEmptyGroups(DaysOfOldItems))}
            """),
        Function("order_item_addons_rollup_ins", Replanned(AddonApply(AddonsUnderItems(1, "new_addons a")))),
        Function("order_item_addons_rollup_upd", $"""
            {Replanned(AddonApply($"{AddonsUnderItems(-1, "old_addons a")} UNION ALL {AddonsUnderItems(1, "new_addons a")}"))}
            {Replanned(AddonDeleteEmptyGroups(DaysOfOldAddons))}
            """),
        Function("order_item_addons_rollup_del", $"""
            {Replanned(AddonApply(AddonsUnderItems(-1, "old_addons a")))}
            {Replanned(AddonDeleteEmptyGroups(DaysOfOldAddons))}
            """),
        // TRUNCATE fires no row or transition triggers: without orders, lines or addons, no addon counts.
        Function("addon_rollup_truncate", $"    TRUNCATE {AddonTable};"),
    ];

    private static readonly string[] AddonTriggers =
    [
        "CREATE TRIGGER orders_addon_rollup_ins AFTER INSERT ON orders REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION orders_addon_rollup_ins();",
        "CREATE TRIGGER orders_addon_rollup_upd AFTER UPDATE ON orders REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION orders_addon_rollup_upd();",
        "CREATE TRIGGER orders_addon_rollup_del AFTER DELETE ON orders REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION orders_addon_rollup_del();",
        "CREATE TRIGGER orders_addon_rollup_truncate AFTER TRUNCATE ON orders FOR EACH STATEMENT EXECUTE FUNCTION addon_rollup_truncate();",
        "CREATE TRIGGER order_items_addon_rollup_ins AFTER INSERT ON order_items REFERENCING NEW TABLE AS new_items FOR EACH STATEMENT EXECUTE FUNCTION order_items_addon_rollup_ins();",
        "CREATE TRIGGER order_items_addon_rollup_upd AFTER UPDATE ON order_items REFERENCING OLD TABLE AS old_items NEW TABLE AS new_items FOR EACH STATEMENT EXECUTE FUNCTION order_items_addon_rollup_upd();",
        "CREATE TRIGGER order_items_addon_rollup_del AFTER DELETE ON order_items REFERENCING OLD TABLE AS old_items FOR EACH STATEMENT EXECUTE FUNCTION order_items_addon_rollup_del();",
        "CREATE TRIGGER order_items_addon_rollup_truncate AFTER TRUNCATE ON order_items FOR EACH STATEMENT EXECUTE FUNCTION addon_rollup_truncate();",
        "CREATE TRIGGER order_item_addons_rollup_ins AFTER INSERT ON order_item_addons REFERENCING NEW TABLE AS new_addons FOR EACH STATEMENT EXECUTE FUNCTION order_item_addons_rollup_ins();",
        "CREATE TRIGGER order_item_addons_rollup_upd AFTER UPDATE ON order_item_addons REFERENCING OLD TABLE AS old_addons NEW TABLE AS new_addons FOR EACH STATEMENT EXECUTE FUNCTION order_item_addons_rollup_upd();",
        "CREATE TRIGGER order_item_addons_rollup_del AFTER DELETE ON order_item_addons REFERENCING OLD TABLE AS old_addons FOR EACH STATEMENT EXECUTE FUNCTION order_item_addons_rollup_del();",
        "CREATE TRIGGER order_item_addons_rollup_truncate AFTER TRUNCATE ON order_item_addons FOR EACH STATEMENT EXECUTE FUNCTION addon_rollup_truncate();",
    ];

    private static readonly string[] AddonBackfill =
    [
        AddonApply($"""
            {AddonRow(1)}
            FROM orders o JOIN order_items i ON i.restaurant_id = o.restaurant_id AND i.order_id = o.order_id
            JOIN order_item_addons a ON a.restaurant_id = i.restaurant_id AND a.order_id = i.order_id AND a.line_no = i.line_no
            WHERE {AddonRevenue}
            """),
        $"ANALYZE {AddonTable};",
    ];

    private static readonly string[] AddonDrop =
    [
        .. new[] { "ins", "upd", "del", "truncate" }.SelectMany(op => new[]
        {
            $"DROP TRIGGER IF EXISTS orders_addon_rollup_{op} ON orders;",
            $"DROP TRIGGER IF EXISTS order_items_addon_rollup_{op} ON order_items;",
            $"DROP TRIGGER IF EXISTS order_item_addons_rollup_{op} ON order_item_addons;",
            $"DROP FUNCTION IF EXISTS orders_addon_rollup_{op}();",
            $"DROP FUNCTION IF EXISTS order_items_addon_rollup_{op}();",
            $"DROP FUNCTION IF EXISTS order_item_addons_rollup_{op}();",
        }),
        "DROP FUNCTION IF EXISTS addon_rollup_truncate();",
    ];
}
