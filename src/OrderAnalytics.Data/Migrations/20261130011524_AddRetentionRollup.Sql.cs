namespace OrderAnalytics.Data.Migrations;

/// <summary>
/// The trigger on orders that keeps <c>customer_months</c> (Success orders per customer and month) and
/// <c>retention_deltas</c> (customers, orders and revenue per month and cohort, as signed deltas), and their backfill.
/// Frozen with this migration.
/// </summary>
/// <remarks>
/// <para>
/// A customer's cohort is the first month in which they have a Success order, so one order can move every month of that
/// customer to another cohort (an earlier order arriving late, a first order cancelled). The trigger therefore works per
/// customer: it locks the customers a statement touches (transaction-scoped advisory locks in key order, their own key
/// space: negative first ints), applies the statement's changes to their months, then writes the difference between
/// their months after and before the statement, each side grouped by (month, cohort), into <c>retention_deltas</c>.
/// "Before" is rebuilt as "after minus the statement's changes", so the difference is exact whatever else the customer
/// had. The lock makes each statement see every committed change of its customers (a later statement waits for the
/// earlier transaction to finish, then reads), so two batches with the same customer stay exact in either order.
/// </para>
/// <para>
/// The customers' months are read by one index scan over an array of their ids, and only customers who lost orders are
/// swept for empty months: planned against transition tables of unknown size, the plain IN (…) forms read the whole
/// index (measured: ~3 ms per batch each).
/// </para>
/// <para>
/// <c>retention_deltas</c> is append-only: concurrent batches insert their own rows and never wait on each other's.
/// A question sums the rows of its groups; a group whose sum is zero does not exist.
/// </para>
/// </remarks>
public partial class AddRetentionRollup
{
    /// <summary>The orders that count (alias d): Success, not a test, with a business date and a customer.</summary>
    private const string Counts = "d.order_status = 'Success' AND NOT d.is_test AND d.business_date IS NOT NULL AND d.customer_id IS NOT NULL";

    /// <summary>The order columns the rollup depends on (beside the order key).</summary>
    private const string Columns = "customer_id, business_date, order_status, is_test, total";

    /// <summary>The statement's signed changes per customer and month (columns restaurant_id, customer_id, month, orders, revenue).</summary>
    private static string Changes(string signedOrders) => $"""
        SELECT d.restaurant_id, d.customer_id, date_trunc('month', d.business_date)::date AS month,
               sum(d.sign)::bigint AS orders, sum(d.sign * d.total) AS revenue
        FROM ({signedOrders}) d
        WHERE {Counts}
        GROUP BY 1, 2, 3
        """;

    private static string Body(string signedOrders) => $"""
            PERFORM count(pg_advisory_xact_lock(-1 - (k.restaurant_id % 2147483647)::int, (k.customer_id % 2147483647)::int))
            FROM (SELECT DISTINCT restaurant_id, customer_id FROM ({Changes(signedOrders)}) c ORDER BY 1, 2) k;

            INSERT INTO customer_months AS m (restaurant_id, customer_id, month, orders, revenue)
            SELECT c.restaurant_id, c.customer_id, c.month, c.orders, c.revenue
            FROM ({Changes(signedOrders)}) c
            WHERE c.orders <> 0 OR c.revenue <> 0
            ORDER BY c.customer_id, c.month
            ON CONFLICT (customer_id, month) DO UPDATE SET orders = m.orders + EXCLUDED.orders, revenue = m.revenue + EXCLUDED.revenue;

            INSERT INTO retention_deltas (restaurant_id, month, cohort, customers, orders, revenue)
            WITH c AS ({Changes(signedOrders)}),
            after AS (
                SELECT m.restaurant_id, m.customer_id, m.month, m.orders, m.revenue
                FROM customer_months m WHERE m.customer_id = ANY (ARRAY(SELECT DISTINCT customer_id FROM c))
            ), before AS (
                SELECT coalesce(a.restaurant_id, c.restaurant_id) AS restaurant_id, coalesce(a.customer_id, c.customer_id) AS customer_id,
                       coalesce(a.month, c.month) AS month, coalesce(a.orders, 0) - coalesce(c.orders, 0) AS orders,
                       coalesce(a.revenue, 0) - coalesce(c.revenue, 0) AS revenue
                FROM after a FULL JOIN c ON c.customer_id = a.customer_id AND c.month = a.month
            ), signed AS (
                SELECT 1 AS sign, x.*, min(x.month) OVER (PARTITION BY x.customer_id) AS cohort FROM after x WHERE x.orders > 0
                UNION ALL
                SELECT -1 AS sign, x.*, min(x.month) OVER (PARTITION BY x.customer_id) AS cohort FROM before x WHERE x.orders > 0
            )
            SELECT restaurant_id, month, cohort, sum(sign), sum(sign * orders), sum(sign * revenue)
            FROM signed
            GROUP BY 1, 2, 3
            HAVING sum(sign) <> 0 OR sum(sign * orders) <> 0 OR sum(sign * revenue) <> 0;

            DELETE FROM customer_months m WHERE m.ctid = ANY (ARRAY(
                SELECT z.ctid FROM (SELECT DISTINCT c.customer_id FROM ({Changes(signedOrders)}) c WHERE c.orders < 0) k
                CROSS JOIN LATERAL (SELECT t.ctid FROM customer_months t WHERE t.customer_id = k.customer_id AND t.orders = 0 OFFSET 0) z));
        """;

    /// <summary>Old and new orders of an update whose rollup columns are unchanged are left out (they cancel out).</summary>
    private static string Changed(string rows, string others) => $"""
        {rows} x WHERE NOT EXISTS (SELECT 1 FROM {others} y WHERE y.restaurant_id = x.restaurant_id AND y.order_id = x.order_id
                                   AND ({string.Join(", ", Columns.Split(", ").Select(c => "y." + c))}) IS NOT DISTINCT FROM
                                       ({string.Join(", ", Columns.Split(", ").Select(c => "x." + c))}))
        """;

    /// <remarks>Sequential scans off: see AddRollups.Function (plans made on an empty store are kept for the session).</remarks>
    private static string Function(string name, string body) => $"""
        CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql SET enable_seqscan = off AS $fn$
        BEGIN
        {body}
            RETURN NULL;
        END
        $fn$;
        """;

    private static readonly string[] CreateFunctions =
    [
        Function("orders_retention_ins", Body("SELECT 1 AS sign, n.* FROM new_rows n")),
        Function("orders_retention_upd", Body(
            $"SELECT -1 AS sign, x.* FROM {Changed("old_rows", "new_rows")} UNION ALL SELECT 1 AS sign, x.* FROM {Changed("new_rows", "old_rows")}")),
        Function("orders_retention_del", Body("SELECT -1 AS sign, o.* FROM old_rows o")),
        Function("orders_retention_truncate", "    TRUNCATE customer_months, retention_deltas;"),
    ];

    private static readonly string[] CreateTriggers =
    [
        "CREATE TRIGGER orders_retention_ins AFTER INSERT ON orders REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION orders_retention_ins();",
        "CREATE TRIGGER orders_retention_upd AFTER UPDATE ON orders REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION orders_retention_upd();",
        "CREATE TRIGGER orders_retention_del AFTER DELETE ON orders REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION orders_retention_del();",
        "CREATE TRIGGER orders_retention_truncate AFTER TRUNCATE ON orders FOR EACH STATEMENT EXECUTE FUNCTION orders_retention_truncate();",
    ];

    /// <summary>An existing store gets both tables from what it holds.</summary>
    private static readonly string[] Backfill =
    [
        $"""
        INSERT INTO customer_months (restaurant_id, customer_id, month, orders, revenue)
        SELECT c.restaurant_id, c.customer_id, c.month, c.orders, c.revenue FROM ({Changes("SELECT 1 AS sign, o.* FROM orders o")}) c;
        """,
        """
        INSERT INTO retention_deltas (restaurant_id, month, cohort, customers, orders, revenue)
        SELECT restaurant_id, month, cohort, count(*), sum(orders), sum(revenue)
        FROM (SELECT m.*, min(m.month) OVER (PARTITION BY m.customer_id) AS cohort FROM customer_months m) x
        GROUP BY 1, 2, 3;
        """,
        "ANALYZE customer_months;",
        "ANALYZE retention_deltas;",
    ];

    private static readonly string[] DropTriggersAndFunctions =
    [
        .. new[] { "ins", "upd", "del", "truncate" }.SelectMany(op => new[]
        {
            $"DROP TRIGGER IF EXISTS orders_retention_{op} ON orders;",
            $"DROP FUNCTION IF EXISTS orders_retention_{op}();",
        }),
    ];
}
