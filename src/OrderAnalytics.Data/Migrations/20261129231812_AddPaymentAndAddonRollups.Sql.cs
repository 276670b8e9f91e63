namespace OrderAnalytics.Data.Migrations;

/// <summary>
/// The triggers that keep <c>order_split_payments_daily</c> equal to the split (part-payment) shares of the Success orders,
/// and its backfill. Same design as <see cref="AddRollups"/> (signed deltas from statement-level transition tables, upserts
/// in key order, empty groups deleted, lookups fenced and replanned); frozen with this migration.
/// </summary>
/// <remarks>
/// A split order's shares depend on the order (status, date, channel, order type, test flag, payment type, total) and on the
/// set of its parts, so both tables carry triggers. An order statement moves the order's shares computed with its current
/// parts (a statement on orders does not change parts). A part statement recomputes the shares of the orders it touched:
/// minus their shares with the parts as they were before the statement (the current parts, less the new rows, plus the old
/// rows: the primary key tells new rows apart), plus their shares with the current parts. The loader's sequence (update the
/// order, delete its parts, insert the new ones) thus moves, subtracts and adds exactly once each.
/// </remarks>
public partial class AddPaymentAndAddonRollups
{
    private const string Table = "order_split_payments_daily";

    private const string Keys = "business_date, restaurant_id, order_from, order_type, method";

    private static readonly string[] Measures = ["split_orders", "split_amount", "whole_orders", "whole_total"];

    /// <summary>The order columns a split order's shares depend on (beside the order key).</summary>
    private const string ShareColumns = "business_date, order_from, order_type, order_status, is_test, payment_type, total";

    /// <summary>
    /// The shares of the orders in <paramref name="signedOrders"/> (a sign column, then order columns; alias o) with the parts
    /// <paramref name="partsOfO"/> selects for o (payment_type, amount): per order with parts, one row per part method, one
    /// taking the order out of its own method, and one for the unallocated rest. Rows that count nothing are left out.
    /// </summary>
    private static string Shares(string signedOrders, string partsOfO) => $"""
        SELECT o.sign, o.restaurant_id, o.business_date, o.order_from, o.order_type, v.method, v.split_orders, v.split_amount,
               v.whole_orders, v.whole_total
        FROM ({signedOrders}) o
        CROSS JOIN LATERAL (
            SELECT m.method, m.amount, sum(m.amount) OVER () AS paid, row_number() OVER (ORDER BY m.method) AS rn
            FROM (SELECT q.payment_type AS method, sum(q.amount) AS amount FROM ({partsOfO}) q GROUP BY 1 OFFSET 0) m) m
        CROSS JOIN LATERAL (VALUES
            (m.method, 1, m.amount, 0, 0::numeric),
            (coalesce(o.payment_type, '(none)'), 0, 0::numeric, CASE WHEN m.rn = 1 THEN 1 ELSE 0 END, CASE WHEN m.rn = 1 THEN o.total ELSE 0 END),
            ('Part Payment (unallocated)', CASE WHEN m.rn = 1 AND o.total <> m.paid THEN 1 ELSE 0 END,
             CASE WHEN m.rn = 1 AND o.total <> m.paid THEN o.total - m.paid ELSE 0 END, 0, 0::numeric)
        ) v(method, split_orders, split_amount, whole_orders, whole_total)
        WHERE o.order_status = 'Success' AND NOT o.is_test AND o.business_date IS NOT NULL AND (v.split_orders <> 0 OR v.whole_orders <> 0)
        """;

    /// <summary>The current parts of order o.</summary>
    private const string CurrentParts = """
        SELECT p.payment_type, p.amount FROM order_part_payments p WHERE p.restaurant_id = o.restaurant_id AND p.order_id = o.order_id
        """;

    /// <summary>The parts of order o before the statement whose transition tables are <paramref name="oldParts"/> and <paramref name="newParts"/>.</summary>
    private static string PartsBefore(string? oldParts, string? newParts)
    {
        var current = CurrentParts + (newParts is null ? "" : $"""
             AND NOT EXISTS (SELECT 1 FROM {newParts} n WHERE n.restaurant_id = p.restaurant_id AND n.order_id = p.order_id AND n.line_no = p.line_no)
            """);
        return oldParts is null ? current : $"""
            {current}
            UNION ALL SELECT x.payment_type, x.amount FROM {oldParts} x WHERE x.restaurant_id = o.restaurant_id AND x.order_id = o.order_id
            """;
    }

    /// <summary>Adds the signed share rows of <paramref name="delta"/> (alias d) to the rollup, in key order.</summary>
    private static string Apply(string delta)
    {
        var sums = Measures.Select(m => $"sum(d.sign * d.{m})").ToList();
        return $"""
            INSERT INTO {Table} AS r ({Keys}, {string.Join(", ", Measures)})
            SELECT {string.Join(", ", Keys.Split(", ").Select(k => "d." + k))}, {string.Join(", ", sums)}
            FROM ({delta}) d
            GROUP BY 1, 2, 3, 4, 5
            HAVING {string.Join(" OR ", sums.Select(x => x + " <> 0"))}
            ORDER BY 1, 2, 3, 4, 5
            ON CONFLICT ({Keys}) DO UPDATE SET {string.Join(", ", Measures.Select(m => $"{m} = r.{m} + EXCLUDED.{m}"))};
            """;
    }

    /// <summary>Rows whose groups fell to zero, on the (restaurant_id, business_date) days of <paramref name="days"/>.</summary>
    private static string DeleteEmptyGroups(string days) => $"""
        DELETE FROM {Table} r WHERE r.ctid = ANY (ARRAY(
            SELECT z.ctid FROM (SELECT DISTINCT restaurant_id, business_date FROM {days} x) d CROSS JOIN LATERAL (
                SELECT t.ctid FROM {Table} t
                WHERE t.business_date = d.business_date AND t.restaurant_id = d.restaurant_id AND t.split_orders = 0
                  AND t.whole_orders = 0 OFFSET 0) z));
        """;

    /// <summary>Old and new orders of an update whose share columns are unchanged are left out (they cancel out).</summary>
    private static string Changed(string rows, string others) => $"""
        {rows} x WHERE NOT EXISTS (SELECT 1 FROM {others} y WHERE y.restaurant_id = x.restaurant_id AND y.order_id = x.order_id
                                   AND ({string.Join(", ", ShareColumns.Split(", ").Select(c => "y." + c))}) IS NOT DISTINCT FROM
                                       ({string.Join(", ", ShareColumns.Split(", ").Select(c => "x." + c))}))
        """;

    /// <summary>The orders (as they stand) of the parts in the transition tables, signed.</summary>
    private static string OrdersOfParts(int sign, string keys) => $"""
        SELECT {sign} AS sign, o.* FROM (SELECT DISTINCT restaurant_id, order_id FROM ({keys}) k0) k CROSS JOIN LATERAL (
            SELECT * FROM orders o WHERE o.restaurant_id = k.restaurant_id AND o.order_id = k.order_id OFFSET 0) o
        """;

    private static string KeysOf(string? oldParts, string? newParts) => string.Join(" UNION ALL ",
        new[] { oldParts, newParts }.Where(t => t is not null).Select(t => $"SELECT restaurant_id, order_id FROM {t}"));

    /// <summary>A part statement: its orders' shares before minus, as they stand plus; then the days it touched swept.</summary>
    private static string PartsChange(string? oldParts, string? newParts)
    {
        var keys = KeysOf(oldParts, newParts);
        var apply = Replanned(Apply($"""
            {Shares(OrdersOfParts(-1, keys), PartsBefore(oldParts, newParts))}
            UNION ALL
            {Shares(OrdersOfParts(1, keys), CurrentParts)}
            """));
        return oldParts is null ? apply : apply + "\n" + Replanned(DeleteEmptyGroups($"({OrdersOfParts(-1, keys)})"));
    }

    /// <remarks>Sequential scans off and lookups into orders replanned at each call: see AddRollups.Function.</remarks>
    private static string Function(string name, string body) => $"""
        CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql SET enable_seqscan = off AS $fn$
        BEGIN
        {body}
            RETURN NULL;
        END
        $fn$;
        """;

    private static string Replanned(string statement) => $"EXECUTE $sql${statement.TrimEnd().TrimEnd(';')}$sql$;";

    private static readonly string[] CreateFunctions =
    [
        Function("orders_split_payments_ins", Apply(Shares("SELECT 1 AS sign, n.* FROM new_rows n", CurrentParts))),
        Function("orders_split_payments_upd", $"""
            {Apply($"{Shares($"SELECT -1 AS sign, x.* FROM {Changed("old_rows", "new_rows")}", CurrentParts)} UNION ALL " +
                   $"{Shares($"SELECT 1 AS sign, x.* FROM {Changed("new_rows", "old_rows")}", CurrentParts)}")}
            {DeleteEmptyGroups("old_rows")}
            """),
        Function("orders_split_payments_del", $"""
            {Apply(Shares("SELECT -1 AS sign, o.* FROM old_rows o", CurrentParts))}
            {DeleteEmptyGroups("old_rows")}
            """),
        Function("order_part_payments_rollup_ins", PartsChange(null, "new_parts")),
        Function("order_part_payments_rollup_upd", PartsChange("old_parts", "new_parts")),
        Function("order_part_payments_rollup_del", PartsChange("old_parts", null)),
        // TRUNCATE fires no row or transition triggers: without orders, or without parts, no order is split.
        Function("split_payments_truncate", $"    TRUNCATE {Table};"),
    ];

    private static readonly string[] CreateTriggers =
    [
        "CREATE TRIGGER orders_split_payments_ins AFTER INSERT ON orders REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION orders_split_payments_ins();",
        "CREATE TRIGGER orders_split_payments_upd AFTER UPDATE ON orders REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION orders_split_payments_upd();",
        "CREATE TRIGGER orders_split_payments_del AFTER DELETE ON orders REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION orders_split_payments_del();",
        "CREATE TRIGGER orders_split_payments_truncate AFTER TRUNCATE ON orders FOR EACH STATEMENT EXECUTE FUNCTION split_payments_truncate();",
        "CREATE TRIGGER order_part_payments_rollup_ins AFTER INSERT ON order_part_payments REFERENCING NEW TABLE AS new_parts FOR EACH STATEMENT EXECUTE FUNCTION order_part_payments_rollup_ins();",
        "CREATE TRIGGER order_part_payments_rollup_upd AFTER UPDATE ON order_part_payments REFERENCING OLD TABLE AS old_parts NEW TABLE AS new_parts FOR EACH STATEMENT EXECUTE FUNCTION order_part_payments_rollup_upd();",
        "CREATE TRIGGER order_part_payments_rollup_del AFTER DELETE ON order_part_payments REFERENCING OLD TABLE AS old_parts FOR EACH STATEMENT EXECUTE FUNCTION order_part_payments_rollup_del();",
        "CREATE TRIGGER order_part_payments_rollup_truncate AFTER TRUNCATE ON order_part_payments FOR EACH STATEMENT EXECUTE FUNCTION split_payments_truncate();",
    ];

    /// <summary>An existing store gets the rollup from what it holds: the shares of every order with parts, sign +1.</summary>
    private static readonly string[] Backfill =
    [
        Apply(Shares("""
            SELECT 1 AS sign, o.* FROM orders o
            WHERE (o.restaurant_id, o.order_id) IN (SELECT restaurant_id, order_id FROM order_part_payments)
            """, CurrentParts)),
        $"ANALYZE {Table};",
    ];

    private static readonly string[] DropTriggersAndFunctions =
    [
        .. new[] { "ins", "upd", "del", "truncate" }.SelectMany(op => new[]
        {
            $"DROP TRIGGER IF EXISTS orders_split_payments_{op} ON orders;",
            $"DROP TRIGGER IF EXISTS order_part_payments_rollup_{op} ON order_part_payments;",
            $"DROP FUNCTION IF EXISTS orders_split_payments_{op}();",
            $"DROP FUNCTION IF EXISTS order_part_payments_rollup_{op}();",
        }),
        "DROP FUNCTION IF EXISTS split_payments_truncate();",
    ];
}
