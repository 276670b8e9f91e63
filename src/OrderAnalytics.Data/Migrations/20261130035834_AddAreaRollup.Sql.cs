namespace OrderAnalytics.Data.Migrations;

/// <summary>
/// <c>orders.locality</c> filled for the stored orders, and the triggers that keep <c>area_facts_hourly</c> equal to a GROUP
/// BY over orders (per day, restaurant, channel, order type, status, IST hour and locality). Same design as
/// <see cref="AddRollups"/>: signed deltas from statement-level transition tables, upserted in key order, empty groups
/// deleted; an update whose grouped columns and money are unchanged writes nothing. Frozen with this migration.
/// </summary>
public partial class AddAreaRollup
{
    private const string Table = "area_facts_hourly";

    private static readonly (string Column, string Value)[] Dimensions =
    [
        ("business_date", "d.business_date"), ("restaurant_id", "d.restaurant_id"), ("order_from", "d.order_from"),
        ("order_type", "d.order_type"), ("order_status", "d.order_status"), ("hour", "extract(hour FROM d.created_on)::smallint"),
        ("locality", "d.locality"),
    ];

    private static readonly (string Column, string Value)[] Measures =
    [
        ("orders", "1"), ("total", "d.total"), ("core_total", "d.core_total"), ("discount_total", "d.discount_total"),
        ("tax_total", "d.tax_total"), ("charges", "d.packaging_charge + d.delivery_charges + d.service_charge + d.round_off"),
    ];

    /// <summary>The order columns the rollup reads (beside the order key).</summary>
    private const string Columns =
        "business_date, order_from, order_type, order_status, created_on, locality, is_test, total, core_total, discount_total, " +
        "tax_total, packaging_charge, delivery_charges, service_charge, round_off";

    /// <summary>Adds the signed order rows of <paramref name="delta"/> (a sign column, then order columns) that count, in key order.</summary>
    private static string Apply(string delta)
    {
        var keys = string.Join(", ", Dimensions.Select(x => x.Column));
        var positions = string.Join(", ", Dimensions.Select((_, i) => i + 1));
        var sums = Measures.Select(m => $"sum(d.sign * ({m.Value}))").ToList();
        return $"""
            INSERT INTO {Table} AS r ({keys}, {string.Join(", ", Measures.Select(m => m.Column))})
            SELECT {string.Join(", ", Dimensions.Select(x => x.Value))}, {string.Join(", ", sums)}
            FROM ({delta}) d
            WHERE d.business_date IS NOT NULL AND NOT d.is_test
            GROUP BY {positions}
            HAVING {string.Join(" OR ", sums.Select(x => x + " <> 0"))}
            ORDER BY {positions}
            ON CONFLICT ({keys}) DO UPDATE SET {string.Join(", ", Measures.Select(m => $"{m.Column} = r.{m.Column} + EXCLUDED.{m.Column}"))};
            """;
    }

    /// <summary>Rows whose group fell to zero, on the days the statement subtracted from.</summary>
    private const string DeleteEmptyGroups = $"""
        DELETE FROM {Table} r WHERE r.ctid = ANY (ARRAY(
            SELECT z.ctid FROM (SELECT DISTINCT restaurant_id, business_date FROM old_rows x) d CROSS JOIN LATERAL (
                SELECT t.ctid FROM {Table} t
                WHERE t.business_date = d.business_date AND t.restaurant_id = d.restaurant_id AND t.orders = 0 OFFSET 0) z));
        """;

    /// <summary>Old and new orders of an update whose rollup columns are unchanged are left out (they cancel out).</summary>
    private static string Changed(string rows, string others) => $"""
        {rows} x WHERE NOT EXISTS (SELECT 1 FROM {others} y WHERE y.restaurant_id = x.restaurant_id AND y.order_id = x.order_id
                                   AND ({string.Join(", ", Columns.Split(", ").Select(c => "y." + c))}) IS NOT DISTINCT FROM
                                       ({string.Join(", ", Columns.Split(", ").Select(c => "x." + c))}))
        """;

    /// <remarks>Sequential scans off: see AddRollups.Function.</remarks>
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
        Function("orders_area_rollup_ins", Apply("SELECT 1 AS sign, n.* FROM new_rows n")),
        Function("orders_area_rollup_upd", $"""
            {Apply($"SELECT -1 AS sign, x.* FROM {Changed("old_rows", "new_rows")} UNION ALL SELECT 1, x.* FROM {Changed("new_rows", "old_rows")}")}
            {DeleteEmptyGroups}
            """),
        Function("orders_area_rollup_del", $"""
            {Apply("SELECT -1 AS sign, o.* FROM old_rows o")}
            {DeleteEmptyGroups}
            """),
        // TRUNCATE fires no row or transition triggers: an empty table has an empty rollup.
        Function("orders_area_rollup_truncate", $"    TRUNCATE {Table};"),
    ];

    private static readonly string[] CreateTriggers =
    [
        "CREATE TRIGGER orders_area_rollup_ins AFTER INSERT ON orders REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION orders_area_rollup_ins();",
        "CREATE TRIGGER orders_area_rollup_upd AFTER UPDATE ON orders REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION orders_area_rollup_upd();",
        "CREATE TRIGGER orders_area_rollup_del AFTER DELETE ON orders REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION orders_area_rollup_del();",
        "CREATE TRIGGER orders_area_rollup_truncate AFTER TRUNCATE ON orders FOR EACH STATEMENT EXECUTE FUNCTION orders_area_rollup_truncate();",
    ];

    /// <summary>
    /// Stored orders take their customer's locality (the only locality the store kept before; reprocessing the raw events
    /// gives each order its own address's locality), with the user triggers off:
    /// no other rollup reads the column, so there is nothing for them to do but read 300K-row transition tables. Then the
    /// rollup is built from the orders as they are, before its triggers exist (the migration holds its locks meanwhile).
    /// </summary>
    private static readonly string[] Backfill =
    [
        "ALTER TABLE orders DISABLE TRIGGER USER;",
        "UPDATE orders o SET locality = c.locality FROM customers c WHERE c.customer_id = o.customer_id AND c.locality IS NOT NULL;",
        "ALTER TABLE orders ENABLE TRIGGER USER;",
        Apply("SELECT 1 AS sign, o.* FROM orders o"),
        $"ANALYZE {Table};",
    ];

    private static readonly string[] DropTriggersAndFunctions =
    [
        .. new[] { "ins", "upd", "del", "truncate" }.SelectMany(op => new[]
        {
            $"DROP TRIGGER IF EXISTS orders_area_rollup_{op} ON orders;",
            $"DROP FUNCTION IF EXISTS orders_area_rollup_{op}();",
        }),
    ];
}
