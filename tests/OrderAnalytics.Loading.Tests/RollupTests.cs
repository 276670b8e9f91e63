using OrderAnalytics.Contracts;
using OrderAnalytics.Simulation;
using OrderAnalytics.Testing;
using static OrderAnalytics.Loading.Tests.TestOrders;

namespace OrderAnalytics.Loading.Tests;

/// <summary>
/// The rollups (order_facts_daily, order_facts_hourly, order_payments_daily, item_sales_daily, order_split_payments_daily, addon_sales_daily,
/// customer_months, retention_deltas) always equal the GROUP BYs
/// over the normalized tables they summarise, whatever the order, duplication, batching or concurrency of the events, and whatever SQL changes the tables.
/// "Equal" is the data-quality checks' definition, so the checks and these tests cannot drift apart.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RollupTests(PostgresServer server)
{
    private static readonly string[] RollupChecks =
    [
        "order_facts_daily_differs_from_orders", "order_facts_hourly_differs_from_orders", "order_payments_daily_differs_from_orders",
        "item_sales_daily_differs_from_lines", "order_split_payments_daily_differs_from_parts",
        "addon_sales_daily_differs_from_addons", "customer_months_differs_from_orders", "retention_deltas_differ_from_orders",
        "area_facts_hourly_differs_from_orders",
    ];

    private static readonly string[] Rollups =
    [
        "order_facts_daily", "order_facts_hourly", "order_payments_daily", "item_sales_daily", "order_split_payments_daily", "addon_sales_daily",
        "customer_months", "retention_deltas", "area_facts_hourly",
    ];

    private static readonly SimulationOptions Options = new()
    {
        Days = 5, Restaurants = 2, Scale = 0.6, EditRate = 0.15, CancelRate = 0.1, ResendRate = 0.1, MalformedRate = 0.02,
    };

    private const string FactRows = """
        SELECT to_char(business_date, 'YYYY-MM-DD'), order_status, orders, total FROM order_facts_daily ORDER BY business_date, order_status
        """;

    private const string ItemRows = """
        SELECT to_char(business_date, 'YYYY-MM-DD'), normalised_name, lines, quantity::int, total_price FROM item_sales_daily ORDER BY business_date
        """;

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public async Task WriteAsync_ShuffledDuplicatedEventsInRandomBatches_RollupsEqualGroupBy(int seed)
    {
        var (_, events) = SimulatedEvents.Load(Options);
        var random = new Random(seed);
        await using var db = await LoaderDatabase.CreateAsync(server);

        var shuffled = SimulatedEvents.Multiset(events, random);
        await db.WriteInRandomBatchesAsync(shuffled, random);

        await AssertRollupsExactAsync(db, $"seed {seed}");
        // Edits and cancellations moved orders between groups: the simulated stream must have exercised both paths.
        Assert.True(await db.ScalarAsync<long>("SELECT count(*) FROM order_facts_daily WHERE order_status = 'Cancelled'") > 0);
        // And split orders were loaded, so the split-payment triggers ran on parts.
        Assert.True(await db.ScalarAsync<long>("SELECT count(*) FROM order_split_payments_daily WHERE split_orders > 0") > 0);
        Assert.True(await db.ScalarAsync<long>("SELECT count(*) FROM addon_sales_daily") > 0);
        Assert.True(await db.ScalarAsync<long>("SELECT count(*) FROM customer_months") > 0);   // five days: one month, one cohort
    }

    [Fact]
    public async Task WriteAsync_TwoWritersLoadingOverlappingBatchesInParallel_RollupsEqualGroupBy()
    {
        var (_, events) = SimulatedEvents.Load(Options);
        await using var db = await LoaderDatabase.CreateAsync(server);
        var random = new Random(5);

        var loads = Enumerable.Range(0, 2).Select(_ =>
        {
            var writer = db.NewWriter();
            var mine = SimulatedEvents.Multiset(events, random);
            return Task.Run(() => db.WriteInBatchesAsync(mine, 40, writer));
        }).ToList();
        await Task.WhenAll(loads);

        await AssertRollupsExactAsync(db, "two parallel writers");
    }

    [Fact]
    public async Task WriteAsync_SuccessThenCancelledThenRedatedSuccess_RollupsFollowTheNewestVersion()
    {
        await using var db = await LoaderDatabase.CreateAsync(server);
        var placed = Order("110", 10, items: [Item("Vanilla", 100), Item("Mango", 150, 2)]);
        var cancelled = Order("110", 20, status: "Cancelled", items: [Item("Vanilla", 100), Item("Mango", 150, 2)]);
        var redated = Order("110", 30, items: [Item("Chocolate", 120)]) with
        {
            BusinessDate = new DateOnly(2025, 6, 9), CreatedAtUtc = new DateTimeOffset(2025, 6, 9, 13, 0, 0, TimeSpan.Zero),
        };

        await db.WriteAsync(Event(placed));
        await AssertRollupsExactAsync(db, "placed");
        Assert.Equal(["2025-06-08|Success|1|420.00"], await db.RowsAsync(FactRows));
        // Lines without a matcher decision share one group per day.
        Assert.Equal(["2025-06-08|∅|2|3|400.00"], await db.RowsAsync(ItemRows));

        await db.WriteAsync(Event(cancelled));
        await AssertRollupsExactAsync(db, "cancelled");
        Assert.Equal(["2025-06-08|Cancelled|1|420.00"], await db.RowsAsync(FactRows));
        Assert.Empty(await db.RowsAsync(ItemRows));

        await db.WriteAsync(Event(redated), Event(placed with { EventId = "late-resend" }, "late-resend"));
        await AssertRollupsExactAsync(db, "redated");
        Assert.Equal(["2025-06-09|Success|1|126.00"], await db.RowsAsync(FactRows));
        Assert.Equal(["2025-06-09|∅|1|1|120.00"], await db.RowsAsync(ItemRows));
    }

    private const string AddonRows = """
        SELECT to_char(business_date, 'YYYY-MM-DD'), addon_name, lines, quantity, sales FROM addon_sales_daily ORDER BY business_date, addon_name
        """;

    [Fact]
    public async Task WriteAsync_AddonsSuccessThenCancelledThenRedatedWithOtherLines_AddonRollupFollowsTheNewestVersion()
    {
        await using var db = await LoaderDatabase.CreateAsync(server);
        var placed = Order("130", 10, items: [Item("Vanilla", 100, 2, Addon("Cup", 10)), Item("Mango", 150, 1, Addon("Cone", 20))]);
        var cancelled = placed with { StreamId = 20, EventId = "ev-130-20", Status = "Cancelled" };
        var redated = Order("130", 30, items: [Item("Chocolate", 120, 3, Addon("Cup", 10))]) with
        {
            BusinessDate = new DateOnly(2025, 6, 9), CreatedAtUtc = new DateTimeOffset(2025, 6, 9, 13, 0, 0, TimeSpan.Zero),
        };

        await db.WriteAsync(Event(placed));
        await AssertRollupsExactAsync(db, "placed");
        Assert.Equal(["2025-06-08|Cone|1|1.000000|20.00000000", "2025-06-08|Cup|1|2.000000|20.00000000"], await db.RowsAsync(AddonRows));

        await db.WriteAsync(Event(cancelled));
        await AssertRollupsExactAsync(db, "cancelled");
        Assert.Empty(await db.RowsAsync(AddonRows));

        await db.WriteAsync(Event(redated), Event(placed with { EventId = "late-resend" }, "late-resend"));
        await AssertRollupsExactAsync(db, "redated");
        Assert.Equal(["2025-06-09|Cup|1|3.000000|30.00000000"], await db.RowsAsync(AddonRows));
    }

    private const string SplitRows = """
        SELECT to_char(business_date, 'YYYY-MM-DD'), method, split_orders, split_amount, whole_orders, whole_total
        FROM order_split_payments_daily ORDER BY business_date, method
        """;

    [Fact]
    public async Task WriteAsync_SplitOrderSuccessThenCancelledThenRedatedWithOtherParts_SplitRollupFollowsTheNewestVersion()
    {
        await using var db = await LoaderDatabase.CreateAsync(server);
        // Vanilla 100 + 5 % tax: total 105.00.
        var placed = Order("120", 10) with { PaymentType = "Part Payment", PartPayments = [new("Cash", 50), new("Card", 55)] };
        var cancelled = placed with { StreamId = 20, EventId = "ev-120-20", Status = "Cancelled" };
        var redated = placed with
        {
            StreamId = 30, EventId = "ev-120-30", PartPayments = [new("Cash", 60), new("Cash", 40)],
            BusinessDate = new DateOnly(2025, 6, 9), CreatedAtUtc = new DateTimeOffset(2025, 6, 9, 13, 0, 0, TimeSpan.Zero),
        };

        await db.WriteAsync(Event(placed));
        await AssertRollupsExactAsync(db, "placed");
        Assert.Equal(["2025-06-08|Card|1|55.00|0|0.00", "2025-06-08|Cash|1|50.00|0|0.00", "2025-06-08|Part Payment|0|0.00|1|105.00"],
            await db.RowsAsync(SplitRows));

        await db.WriteAsync(Event(cancelled));
        await AssertRollupsExactAsync(db, "cancelled");
        Assert.Empty(await db.RowsAsync(SplitRows));

        await db.WriteAsync(Event(redated), Event(placed with { EventId = "late-resend" }, "late-resend"));
        await AssertRollupsExactAsync(db, "redated");
        // Two Cash parts count once; the 5.00 they leave is unallocated.
        Assert.Equal(["2025-06-09|Cash|1|100.00|0|0.00", "2025-06-09|Part Payment|0|0.00|1|105.00", "2025-06-09|Part Payment (unallocated)|1|5.00|0|0.00"],
            await db.RowsAsync(SplitRows));
    }

    /// <summary>Retention per month and cohort as the summed deltas: month|cohort|customers|orders|revenue.</summary>
    private const string RetentionRows = """
        SELECT month || '|' || cohort || '|' || sum(customers) || '|' || sum(orders) || '|' || sum(revenue) FROM retention_deltas
        GROUP BY month, cohort HAVING sum(customers) <> 0 OR sum(orders) <> 0 OR sum(revenue) <> 0 ORDER BY month, cohort
        """;

    [Fact]
    public async Task WriteAsync_EarlierOrderArrivesLateThenIsCancelled_CustomerMovesCohortAndBack()
    {
        await using var db = await LoaderDatabase.CreateAsync(server);
        var june = Order("130", 10, customerPhone: "+919800000001");   // 105.00 on 2025-06-08
        var may = Order("131", 20, customerPhone: "+919800000001") with
        {
            BusinessDate = new DateOnly(2025, 5, 20), CreatedAtUtc = new DateTimeOffset(2025, 5, 20, 13, 0, 0, TimeSpan.Zero),
        };
        var other = Order("132", 30, customerPhone: "+919800000002");

        await db.WriteAsync(Event(june), Event(other));
        await AssertRollupsExactAsync(db, "june");
        Assert.Equal(["2025-06-01|2025-06-01|2|2|210.00"], await db.RowsAsync(RetentionRows));

        await db.WriteAsync(Event(may));   // the first customer's first order is now in May: their June order returns
        await AssertRollupsExactAsync(db, "may arrives late");
        Assert.Equal(["2025-05-01|2025-05-01|1|1|105.00", "2025-06-01|2025-05-01|1|1|105.00", "2025-06-01|2025-06-01|1|1|105.00"],
            await db.RowsAsync(RetentionRows));

        await db.WriteAsync(Event(may with { StreamId = 40, EventId = "ev-131-40", Status = "Cancelled" }));
        await AssertRollupsExactAsync(db, "may cancelled");
        Assert.Equal(["2025-06-01|2025-06-01|2|2|210.00"], await db.RowsAsync(RetentionRows));
    }

    [Fact]
    public async Task WriteAsync_ReplayOfEveryEvent_LeavesRollupsAsTheyWere()
    {
        var (_, events) = SimulatedEvents.Load(Options);
        await using var db = await LoaderDatabase.CreateAsync(server);
        await db.WriteInBatchesAsync(events, 100);
        var before = await DumpAsync(db);

        foreach (var chunk in events.Chunk(100)) await db.Writer.WriteAsync(chunk, replay: true, CancellationToken.None);

        Assert.Equal(before, await DumpAsync(db));
        await AssertRollupsExactAsync(db, "replayed");
    }

    [Fact]
    public async Task Triggers_UpdatesDeletesAndTruncatesOutsideTheLoader_KeepRollupsExact()
    {
        await using var db = await LoaderDatabase.CreateAsync(server);
        await db.WriteAsync(Event(Order("110", 10)), Event(Order("111", 11, items: [Item("Mango", 150, 2)])),
            Event(Order("112", 12, status: "Cancelled")), Event(Order("113", 13, discount: 10)));

        string[] changes =
        [
            "UPDATE orders SET payment_type = 'Part Payment' WHERE order_id IN ('110', '113')",
            "INSERT INTO order_item_addons (restaurant_id, order_id, line_no, addon_line_no, addon_name, group_name, quantity, price) " +
            "SELECT restaurant_id, order_id, line_no, n, CASE WHEN n = 1 THEN 'Cup' ELSE 'Cone' END, NULL, n, 5 FROM order_items, generate_series(1, 2) n",
            "UPDATE order_item_addons SET quantity = quantity + 1, addon_name = 'Cone' WHERE order_id = '110' AND addon_line_no = 1",
            "UPDATE order_item_addons SET line_no = line_no + 10 WHERE order_id = '111'",
            "UPDATE order_items SET line_no = line_no + 10 WHERE order_id = '111'",
            "DELETE FROM order_item_addons WHERE order_id = '113' AND addon_line_no = 2",
            "INSERT INTO order_part_payments (restaurant_id, order_id, line_no, payment_type, amount) " +
            "SELECT restaurant_id, order_id, n, CASE WHEN n = 1 THEN 'Cash' ELSE 'Card' END, 30 FROM orders, generate_series(1, 2) n " +
            "WHERE order_id IN ('110', '113')",
            "UPDATE order_part_payments SET amount = amount + 1, payment_type = 'Cash' WHERE order_id = '110' AND line_no = 2",
            "UPDATE orders SET total = total + 1, payment_type = NULL WHERE order_id = '113'",
            "UPDATE order_part_payments SET order_id = '112' WHERE order_id = '113'",
            "DELETE FROM order_part_payments WHERE order_id = '110' AND line_no = 1",
            "UPDATE orders SET order_from = NULL, total = total + 5 WHERE order_id = '110'",
            "UPDATE orders SET order_status = 'Success', business_date = business_date + 1 WHERE order_id = '112'",
            "UPDATE orders SET is_test = true WHERE order_id = '113'",
            "UPDATE order_items SET quantity = quantity + 1, menu_item_id = NULL WHERE order_id = '111'",
            "UPDATE order_items SET order_id = '110', line_no = line_no + 10 WHERE order_id = '112'",
            "DELETE FROM orders WHERE order_id = '111'",
            "DELETE FROM order_items WHERE order_id = '110' AND line_no = 1",
        ];
        foreach (var sql in changes)
        {
            await db.RowsAsync(sql);
            await AssertRollupsExactAsync(db, sql);
        }

        await db.RowsAsync("TRUNCATE order_items");
        await AssertRollupsExactAsync(db, "items truncated");
        await db.RowsAsync("TRUNCATE order_part_payments");
        await AssertRollupsExactAsync(db, "parts truncated");
        await db.RowsAsync("TRUNCATE order_item_addons");
        await AssertRollupsExactAsync(db, "addons truncated");
        await db.RowsAsync("TRUNCATE orders");
        Assert.Equal(0L, await db.ScalarAsync<long>(string.Join(" + ", Rollups.Select(r => $"(SELECT count(*) FROM {r})")).Insert(0, "SELECT ")));
    }

    [Fact]
    public async Task Migrate_StoreLoadedBeforeTheRollupsExisted_BackfillsThem()
    {
        var (_, events) = SimulatedEvents.Load(Options);
        var connectionString = await server.CreateDatabaseAsync();
        await using var db = LoaderDatabase.Open(connectionString);
        await db.WriteInBatchesAsync(events, 100);
        // Migrated down to the schema before the first rollup (the loader of today writes columns that schema lacks, so the
        // store is loaded first): the rollups, their triggers and orders.locality go, the orders stay.
        await PostgresServer.MigrateAsync(connectionString, "20261129205053_DropChildForeignKeys");
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename IN ('order_facts_daily', 'area_facts_hourly')"));
        Assert.True(await db.ScalarAsync<long>("SELECT count(*) FROM orders") > 0);

        await PostgresServer.MigrateAsync(connectionString);

        await AssertRollupsExactAsync(db, "backfilled");
    }

    /// <summary>Every rollup row, in a stable order.</summary>
    private static async Task<List<string>> DumpAsync(LoaderDatabase db)
    {
        var rows = new List<string>();
        foreach (var rollup in Rollups) rows.AddRange((await db.RowsAsync($"SELECT * FROM {rollup} x ORDER BY x::text")).Select(r => rollup + "|" + r));
        return rows;
    }

    private static async Task AssertRollupsExactAsync(LoaderDatabase db, string because)
    {
        var findings = await DataQualityQueries.RunAsync(db.DataSource, only: RollupChecks);
        Assert.Equal(RollupChecks.Length, findings.Count);
        Assert.All(findings, f => Assert.True(f.Rows == 0, $"{because}: {f.Check}: {f.Rows} rows, e.g. {string.Join("; ", f.Samples)}"));
        // Not vacuous: whenever there are revenue orders, there are rollup rows.
        var orders = await db.ScalarAsync<long>("SELECT count(*) FROM orders WHERE NOT is_test AND business_date IS NOT NULL");
        if (orders > 0) Assert.True(await db.ScalarAsync<long>("SELECT sum(orders)::bigint FROM order_facts_daily") == orders, because);
    }
}
