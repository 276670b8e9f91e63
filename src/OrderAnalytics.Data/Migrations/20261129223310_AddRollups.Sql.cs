namespace OrderAnalytics.Data.Migrations;

/// <summary>
/// The triggers that keep the rollups (<c>order_facts_daily</c>, <c>order_facts_hourly</c>, <c>order_payments_daily</c>,
/// <c>item_sales_daily</c>) equal to GROUP BYs over the normalized tables, and their backfill. Frozen with this migration: a later change to the rollups is a new migration.
/// </summary>
/// <remarks>
/// <para>
/// Every change is applied as a signed delta (+1 for a new row, −1 for an old one) from statement-level transition tables,
/// so the rollups stay exact for any sequence of statements, in any order, from any number of concurrent transactions:
/// deltas commute, and ON CONFLICT … DO UPDATE adds them under the row lock. Groups are upserted in key order, so one
/// statement locks rollup rows in a fixed order; the loader also takes a per-day advisory lock before its upsert (see
/// OrderAnalytics.Loading.RollupLocks) so that two batches never lock the same day's rows in different statements.
/// </para>
/// <para>
/// An item line counts in <c>item_sales_daily</c> under its order's current business date, channel, order type and status,
/// so both tables carry triggers. Inserting or deleting lines adds or subtracts them under their order as it stands; an
/// order update whose date, channel, order type, status or test flag changed moves its current lines from the old group
/// to the new one (the loader updates the order before it replaces the lines: the move carries the old lines, then the
/// delete subtracts them from the new group and the insert adds the new lines). Updates that leave those columns and the
/// money alone — replays of the same version — write no order rollup row. Groups whose count falls to zero are deleted, so the
/// rollups hold exactly the groups the GROUP BY returns.
/// </para>
/// </remarks>
public partial class AddRollups
{
    /// <summary>One rollup: its dimensions and measures as expressions over the signed delta rows (alias d, column sign).</summary>
    /// <param name="Filter">Which delta rows it sums (over d), beyond the non-test orders with a business date.</param>
    private sealed record Rollup(string Table, (string Column, string Value)[] Dimensions, (string Column, string Value)[] Measures,
        string Filter = "true")
    {
        public string Count => Measures[0].Column;
    }

    private static readonly (string, string)[] OrderMeasures =
    [
        ("orders", "1"), ("total", "d.total"), ("core_total", "d.core_total"), ("discount_total", "d.discount_total"),
        ("tax_total", "d.tax_total"), ("charges", "d.packaging_charge + d.delivery_charges + d.service_charge + d.round_off"),
    ];

    private static readonly (string, string)[] OrderGroup =
        [("business_date", "d.business_date"), ("restaurant_id", "d.restaurant_id"), ("order_from", "d.order_from"), ("order_type", "d.order_type")];

    private static readonly Rollup[] OrderRollups =
    [
        new("order_facts_daily", [.. OrderGroup, ("order_status", "d.order_status")], OrderMeasures),
        new("order_facts_hourly", [.. OrderGroup, ("order_status", "d.order_status"), ("hour", "extract(hour FROM d.created_on)::smallint")],
            OrderMeasures),
        new("order_payments_daily", [.. OrderGroup, ("payment_type", "d.payment_type")], [("orders", "1"), ("total", "d.total")],
            "d.order_status = 'Success'"),
    ];

    /// <summary>A matched line counts for its menu item, whatever its spelling: its name only matters when an alias may decide.</summary>
    private static readonly Rollup ItemRollup = new("item_sales_daily",
        [.. OrderGroup, ("menu_item_id", "d.menu_item_id"), ("match_decision", "d.match_decision"),
         ("normalised_name", "CASE WHEN d.match_decision = 'matched' AND d.menu_item_id IS NOT NULL THEN NULL ELSE d.normalised_name END")],
        [("lines", "1"), ("quantity", "d.quantity"), ("total_price", "d.total_price"), ("discount_amount", "d.discount_amount")]);

    /// <summary>The orders whose lines count: Success, not a test, with a business date (as the item questions ask).</summary>
    private static string Revenue(string o) => $"{o}.order_status = 'Success' AND NOT {o}.is_test AND {o}.business_date IS NOT NULL";

    /// <summary>The order columns an item line's group depends on (beside the order key).</summary>
    private const string LineGroup = "business_date, order_from, order_type, order_status, is_test";

    /// <summary>The order columns any order rollup reads.</summary>
    private const string OrderColumns =
        "business_date, order_from, order_type, order_status, payment_type, created_on, is_test, total, core_total, discount_total, " +
        "tax_total, packaging_charge, delivery_charges, service_charge, round_off";

    /// <summary>
    /// Adds the signed rows of <paramref name="delta"/> (alias d, with a sign column) to <paramref name="rollup"/>: one row per
    /// group in key order (the lock order), groups whose deltas cancel out left alone.
    /// </summary>
    private static string Apply(Rollup rollup, string delta)
    {
        var keys = string.Join(", ", rollup.Dimensions.Select(x => x.Column));
        var sums = rollup.Measures.Select(m => $"sum(d.sign * ({m.Value}))").ToList();
        return $"""
            INSERT INTO {rollup.Table} AS r ({keys}, {string.Join(", ", rollup.Measures.Select(m => m.Column))})
            SELECT {string.Join(", ", rollup.Dimensions.Select(x => x.Value))}, {string.Join(", ", sums)}
            FROM ({delta}) d
            WHERE {rollup.Filter}
            GROUP BY {string.Join(", ", rollup.Dimensions.Select((_, i) => i + 1))}
            HAVING {string.Join(" OR ", sums.Select(x => x + " <> 0"))}
            ORDER BY {string.Join(", ", rollup.Dimensions.Select((_, i) => i + 1))}
            ON CONFLICT ({keys}) DO UPDATE SET {string.Join(", ", rollup.Measures.Select(m => $"{m.Column} = r.{m.Column} + EXCLUDED.{m.Column}"))};
            """;
    }

    /// <summary>The signed order rows of <paramref name="delta"/> added to every order rollup.</summary>
    private static string ApplyToOrderRollups(string delta) =>
        string.Join("\n", OrderRollups.Select(r => Apply(r, $"SELECT * FROM ({delta}) o WHERE o.business_date IS NOT NULL AND NOT o.is_test")));

    /// <summary>The lines of the orders in <paramref name="orders"/> (alias o) that count, signed, under those orders' groups.</summary>
    private static string LinesOfOrders(int sign, string orders) => $"""
        SELECT {sign} AS sign, o.restaurant_id, o.business_date, o.order_from, o.order_type, i.menu_item_id, i.match_decision,
               i.normalised_name, i.quantity, i.total_price, i.discount_amount
        FROM {orders} CROSS JOIN LATERAL (
            SELECT * FROM order_items i WHERE i.restaurant_id = o.restaurant_id AND i.order_id = o.order_id OFFSET 0) i
        WHERE {Revenue("o")}
        """;

    /// <summary>The lines in <paramref name="lines"/> (alias i) that count, signed, under their orders as they stand.</summary>
    private static string LinesUnderOrders(int sign, string lines) => $"""
        SELECT {sign} AS sign, o.restaurant_id, o.business_date, o.order_from, o.order_type, i.menu_item_id, i.match_decision,
               i.normalised_name, i.quantity, i.total_price, i.discount_amount
        FROM {lines} CROSS JOIN LATERAL (
            SELECT * FROM orders o WHERE o.restaurant_id = i.restaurant_id AND o.order_id = i.order_id OFFSET 0) o
        WHERE {Revenue("o")}
        """;

    /// <summary>The (restaurant, business date) of the orders of the lines in <paramref name="lines"/> (alias i).</summary>
    private static string DaysOfLines(string lines) => $"""
        (SELECT o.restaurant_id, o.business_date FROM {lines} CROSS JOIN LATERAL (
            SELECT * FROM orders o WHERE o.restaurant_id = i.restaurant_id AND o.order_id = i.order_id OFFSET 0) o)
        """;

    /// <summary>Rows of <paramref name="rollup"/> whose group fell to zero, on the days the statement subtracted from.</summary>
    private static string DeleteEmptyGroups(Rollup rollup, string oldRows) => $"""
        DELETE FROM {rollup.Table} r WHERE r.ctid = ANY (ARRAY(
            SELECT z.ctid FROM (SELECT DISTINCT restaurant_id, business_date FROM {oldRows} x) d CROSS JOIN LATERAL (
                SELECT t.ctid FROM {rollup.Table} t
                WHERE t.business_date = d.business_date AND t.restaurant_id = d.restaurant_id AND t.{rollup.Count} = 0 OFFSET 0) z));
        """;

    /// <summary>Old and new orders of an update whose <paramref name="columns"/> are unchanged are left out (they cancel out).</summary>
    private static string Changed(string rows, string others, string columns) => $"""
        {rows} x WHERE NOT EXISTS (SELECT 1 FROM {others} y WHERE y.restaurant_id = x.restaurant_id AND y.order_id = x.order_id
                                   AND ({string.Join(", ", columns.Split(", ").Select(c => "y." + c))}) IS NOT DISTINCT FROM
                                       ({string.Join(", ", columns.Split(", ").Select(c => "x." + c))}))
        """;

    /// <remarks>
    /// PL/pgSQL plans each statement once per session and keeps the plan, whatever the tables grow to. Planned on an empty
    /// store (the first batches of a load), the lookup of a line's order used the (restaurant_id, business_date) index and
    /// then read every order of the restaurant for each line (measured: 190 ms per batch, the load at a third of its speed).
    /// So the lookups into the big tables are fenced LATERAL subqueries (OFFSET 0: one probe per row), sequential scans are
    /// off inside the functions, and the statements that look up orders (where another index competes with the key) are
    /// planned at every call (<see cref="Replanned"/>), when the planner sees the table's real size.
    /// </remarks>
    private static string Function(string name, string body) => $"""
        CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql SET enable_seqscan = off AS $fn$
        BEGIN
        {body}
            RETURN NULL;
        END
        $fn$;
        """;

    /// <summary>The statement as dynamic SQL: planned at each call (about 0.3 ms) instead of once per session.</summary>
    private static string Replanned(string statement) => $"EXECUTE $sql${statement.TrimEnd().TrimEnd(';')}$sql$;";

    private static string DeleteEmptyOrderGroups(string oldRows) => string.Join("\n", OrderRollups.Select(r => DeleteEmptyGroups(r, oldRows)));

    private static readonly string[] CreateFunctions =
    [
        Function("orders_rollups_ins", $"""
            {ApplyToOrderRollups("SELECT 1 AS sign, n.* FROM new_rows n")}
            {Apply(ItemRollup, LinesOfOrders(1, "new_rows o"))}
            """),
        Function("orders_rollups_upd", $"""
            {ApplyToOrderRollups($"SELECT -1 AS sign, x.* FROM {Changed("old_rows", "new_rows", OrderColumns)} " +
                                 $"UNION ALL SELECT 1, x.* FROM {Changed("new_rows", "old_rows", OrderColumns)}")}
            {Apply(ItemRollup, $"{LinesOfOrders(-1, $"(SELECT x.* FROM {Changed("old_rows", "new_rows", LineGroup)}) o")} " +
                               $"UNION ALL {LinesOfOrders(1, $"(SELECT x.* FROM {Changed("new_rows", "old_rows", LineGroup)}) o")}")}
            {DeleteEmptyOrderGroups("old_rows")}
            {DeleteEmptyGroups(ItemRollup, "old_rows")}
            """),
        Function("orders_rollups_del", $"""
            {ApplyToOrderRollups("SELECT -1 AS sign, o.* FROM old_rows o")}
            {Apply(ItemRollup, LinesOfOrders(-1, "old_rows o"))}
            {DeleteEmptyOrderGroups("old_rows")}
            {DeleteEmptyGroups(ItemRollup, "old_rows")}
            """),
        Function("order_items_rollups_ins", Replanned(Apply(ItemRollup, LinesUnderOrders(1, "new_items i")))),
        Function("order_items_rollups_upd", $"""
            {Replanned(Apply(ItemRollup, $"{LinesUnderOrders(-1, "old_items i")} UNION ALL {LinesUnderOrders(1, "new_items i")}"))}
            {Replanned(DeleteEmptyGroups(ItemRollup, DaysOfLines("old_items i")))}
            """),
        Function("order_items_rollups_del", $"""
            {Replanned(Apply(ItemRollup, LinesUnderOrders(-1, "old_items i")))}
            {Replanned(DeleteEmptyGroups(ItemRollup, DaysOfLines("old_items i")))}
            """),
        // TRUNCATE fires no row or transition triggers: an empty table has an empty rollup.
        Function("orders_rollups_truncate", $"    TRUNCATE {string.Join(", ", OrderRollups.Append(ItemRollup).Select(r => r.Table))};"),
        Function("order_items_rollups_truncate", $"    TRUNCATE {ItemRollup.Table};"),
    ];

    private static readonly string[] CreateTriggers =
    [
        "CREATE TRIGGER orders_rollups_ins AFTER INSERT ON orders REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION orders_rollups_ins();",
        "CREATE TRIGGER orders_rollups_upd AFTER UPDATE ON orders REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION orders_rollups_upd();",
        "CREATE TRIGGER orders_rollups_del AFTER DELETE ON orders REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION orders_rollups_del();",
        "CREATE TRIGGER orders_rollups_truncate AFTER TRUNCATE ON orders FOR EACH STATEMENT EXECUTE FUNCTION orders_rollups_truncate();",
        "CREATE TRIGGER order_items_rollups_ins AFTER INSERT ON order_items REFERENCING NEW TABLE AS new_items FOR EACH STATEMENT EXECUTE FUNCTION order_items_rollups_ins();",
        "CREATE TRIGGER order_items_rollups_upd AFTER UPDATE ON order_items REFERENCING OLD TABLE AS old_items NEW TABLE AS new_items FOR EACH STATEMENT EXECUTE FUNCTION order_items_rollups_upd();",
        "CREATE TRIGGER order_items_rollups_del AFTER DELETE ON order_items REFERENCING OLD TABLE AS old_items FOR EACH STATEMENT EXECUTE FUNCTION order_items_rollups_del();",
        "CREATE TRIGGER order_items_rollups_truncate AFTER TRUNCATE ON order_items FOR EACH STATEMENT EXECUTE FUNCTION order_items_rollups_truncate();",
    ];

    /// <summary>An existing store gets its rollups from what it holds: the same deltas, every row once with sign +1.</summary>
    private static readonly string[] Backfill =
    [
        .. OrderRollups.Select(r => Apply(r, "SELECT 1 AS sign, o.* FROM orders o WHERE o.business_date IS NOT NULL AND NOT o.is_test")),
        Apply(ItemRollup, $"""
            SELECT 1 AS sign, o.restaurant_id, o.business_date, o.order_from, o.order_type, i.menu_item_id, i.match_decision,
                   i.normalised_name, i.quantity, i.total_price, i.discount_amount
            FROM orders o JOIN order_items i ON i.restaurant_id = o.restaurant_id AND i.order_id = o.order_id
            WHERE {Revenue("o")}
            """),
        // Fresh statistics, so the first questions already plan over the filled tables (VACUUM cannot run in a migration).
        .. OrderRollups.Append(ItemRollup).Select(r => $"ANALYZE {r.Table};"),
    ];

    private static readonly string[] DropTriggersAndFunctions =
    [
        .. new[] { "ins", "upd", "del", "truncate" }.SelectMany(op => new[]
        {
            $"DROP TRIGGER IF EXISTS orders_rollups_{op} ON orders;",
            $"DROP TRIGGER IF EXISTS order_items_rollups_{op} ON order_items;",
            $"DROP FUNCTION IF EXISTS orders_rollups_{op}();",
            $"DROP FUNCTION IF EXISTS order_items_rollups_{op}();",
        }),
    ];
}
