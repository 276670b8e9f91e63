using OrderAnalytics.Contracts;
using OrderAnalytics.Orders;
using OrderAnalytics.Simulation;
using OrderAnalytics.Testing;
using static OrderAnalytics.Loading.Tests.TestOrders;

namespace OrderAnalytics.Loading.Tests;

[Collection(PostgresCollection.Name)]
public sealed class OrderBatchWriterTests(PostgresServer server)
{
    private const string ItemsOf = "SELECT name_raw || ' x' || quantity::int FROM order_items WHERE order_id = $1 ORDER BY line_no";

    [Fact]
    public async Task WriteAsync_SameEventTwice_LoadsItOnce()
    {
        await using var db = await LoaderDatabase.CreateAsync(server);
        var e = Event(Order("110", 10, items: [Item("Vanilla", 100), Item("Mango", 150)]));

        await db.WriteAsync(e, e);
        await db.WriteAsync(e);

        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM orders"));
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM order_items"));
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM order_taxes"));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM raw_events"));
    }

    [Fact]
    public async Task WriteAsync_SameOrderResentWithNewStreamId_KeepsOneOrderAtTheNewVersion()
    {
        await using var db = await LoaderDatabase.CreateAsync(server);

        await db.WriteAsync(Event(Order("110", 10)));
        await db.WriteAsync(Event(Order("110", 15)));

        Assert.Equal(["R1|110|15"], await db.RowsAsync(
            "SELECT r.petpooja_restid, o.order_id, o.version FROM orders o JOIN restaurants r USING (restaurant_id)"));
        Assert.Equal(["Vanilla x1"], await db.RowsAsync(ItemsOf, "110"));
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM order_taxes"));
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM raw_events WHERE outcome = 'order'"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task WriteAsync_NewerVersionBeforeOlder_KeepsNewer(bool sameBatch)
    {
        await using var db = await LoaderDatabase.CreateAsync(server);
        var v1 = Event(Order("110", 10, items: [Item("Vanilla", 100)]));
        var v2 = Event(Order("110", 20, items: [Item("Mango", 150, 2)]));

        if (sameBatch) await db.WriteAsync(v2, v1);
        else
        {
            await db.WriteAsync(v2);
            var result = await db.WriteAsync(v1);
            Assert.Equal(1, result.OrdersSkippedAsOlder);
        }

        Assert.Equal(20L, await db.ScalarAsync<long>("SELECT version FROM orders WHERE order_id = '110'"));
        Assert.Equal(["Mango x2"], await db.RowsAsync(ItemsOf, "110"));
    }

    [Fact]
    public async Task WriteAsync_CancellationAfterSuccess_EndsCancelled()
    {
        await using var db = await LoaderDatabase.CreateAsync(server);

        await db.WriteAsync(Event(Order("110", 10, status: "Success")));
        await db.WriteAsync(Event(Order("110", 30, status: "Cancelled")));
        await db.WriteAsync(Event(Order("110", 10, status: "Success") with { EventId = "late-resend" }, "late-resend"));

        Assert.Equal("Cancelled", await db.ScalarAsync<string>("SELECT order_status FROM orders WHERE order_id = '110'"));
    }

    [Fact]
    public async Task WriteAsync_EditedOrder_HasExactlyTheNewChildren()
    {
        await using var db = await LoaderDatabase.CreateAsync(server);
        var v1 = Order("110", 10, discount: 20, items:
            [Item("Vanilla", 100, 1, Addon("Cup"), Addon("Waffle Cone", 30)), Item("Mango", 150)]) with
        {
            PaymentType = "Part Payment",
            PartPayments = [new PartPaymentData("Cash", 100), new PartPaymentData("Card", 100)],
            Flags = [new QualityFlag(QualityFlagCodes.InvalidPhone, "phone '****12' is not a valid number")],
        };
        var v2 = Order("110", 20, items: [Item("Chocolate", 120, 1, Addon("Cup"))]);

        await db.WriteAsync(Event(v1));
        await db.WriteAsync(Event(v2));

        Assert.Equal(["Chocolate x1"], await db.RowsAsync(ItemsOf, "110"));
        Assert.Equal(["1|1|Cup"], await db.RowsAsync("SELECT line_no, addon_line_no, addon_name FROM order_item_addons"));
        Assert.Equal(["CGST@2.5|3.00", "SGST@2.5|3.00"], await db.RowsAsync("SELECT tax_title, tax_amount FROM order_taxes ORDER BY line_no"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM order_discounts"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM order_part_payments"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM order_quality_flags"));
        Assert.Equal(126m, await db.ScalarAsync<decimal>("SELECT total FROM orders"));
    }

    [Fact]
    public async Task WriteAsync_PullDialectIds_AreKeptBesideTheirRows()
    {
        await using var db = await LoaderDatabase.CreateAsync(server);
        var order = Order("110", 10, discount: 10, items: [Item("Vanilla", 100, 1, Addon("Cup") with { GroupId = "G7" }) with { CategoryId = "C3" }]);
        order = order with
        {
            Dialect = "pull",
            Taxes = [.. order.Taxes.Select((t, i) => t with { TaxId = $"T{i + 1}" })],
            Discounts = [.. order.Discounts.Select(d => d with { DiscountId = "D1" })],
        };

        await db.WriteAsync(Event(order));

        Assert.Equal(["pull|C3|G7|T1,T2|D1"], await db.RowsAsync("""
            SELECT o.dialect, i.category_id, a.group_id,
                   (SELECT string_agg(tax_id, ',' ORDER BY line_no) FROM order_taxes), (SELECT discount_id FROM order_discounts)
            FROM orders o JOIN order_items i USING (restaurant_id, order_id) JOIN order_item_addons a USING (restaurant_id, order_id, line_no)
            """));
    }

    [Fact]
    public async Task WriteAsync_SameOrderIdInTwoRestaurants_KeepsTwoOrders()
    {
        await using var db = await LoaderDatabase.CreateAsync(server);

        await db.WriteAsync(Event(Order("110", 10, restaurant: "R1", items: [Item("Vanilla", 100)])),
            Event(Order("110", 11, restaurant: "R2", items: [Item("Mango", 150)])));
        await db.WriteAsync(Event(Order("110", 12, restaurant: "R2", status: "Cancelled", items: [Item("Mango", 150)])));

        Assert.Equal(["R1|110|Success|Vanilla", "R2|110|Cancelled|Mango"], await db.RowsAsync("""
            SELECT r.petpooja_restid, o.order_id, o.order_status, i.name_raw
            FROM orders o JOIN restaurants r USING (restaurant_id) JOIN order_items i USING (restaurant_id, order_id)
            ORDER BY 1
            """));
    }

    [Fact]
    public async Task WriteAsync_QuarantinedEvent_RecordsReasonInReviewQueueAndRawEvents()
    {
        await using var db = await LoaderDatabase.CreateAsync(server);
        var malformed = new OrderEventProcessor().Process(new RawOrderEvent(
            "bad-1", 7, EventSources.Backfill, Received, """{"stream_id":7,"event_id":"bad-1","raw_event":"{\"source\":\"petpo"}"""));
        Assert.Equal(EventOutcomes.Quarantined, malformed.Outcome);

        var result = await db.WriteAsync(malformed, Quarantined("bad-2", 8, "properties.Order.total: not a number ('N/A')"));

        Assert.Equal(2, result.Quarantined);
        Assert.Equal(["bad-1|quarantined|true", "bad-2|quarantined|properties.Order.total: not a number ('N/A')"],
            await db.RowsAsync("SELECT event_id, outcome, CASE event_id WHEN 'bad-1' THEN (reason = $1)::text ELSE reason END FROM raw_events ORDER BY 1",
                malformed.Reason!));
        Assert.Equal(["quarantine|bad-1|False", "quarantine|bad-2|False"],
            await db.RowsAsync("SELECT kind, event_id, resolved_at IS NOT NULL FROM review_items ORDER BY event_id"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM orders"));
    }

    [Fact]
    public async Task WriteAsync_QuarantinedEventAcceptedOnReplay_ResolvesReviewItem()
    {
        await using var db = await LoaderDatabase.CreateAsync(server);
        await db.WriteAsync(Quarantined("ev-R1-110-10", 10, "menu: rule missing"));

        await db.Writer.WriteAsync([Event(Order("110", 10))], replay: true, CancellationToken.None);

        Assert.Equal(["order|True"], await db.RowsAsync(
            "SELECT r.outcome, i.resolved_at IS NOT NULL FROM raw_events r JOIN review_items i USING (event_id)"));
    }

    [Fact]
    public async Task WriteAsync_ReplayOfTheSameVersion_RewritesOnlyWhenReplaying()
    {
        await using var db = await LoaderDatabase.CreateAsync(server);
        await db.WriteAsync(Event(Order("110", 10, items: [Item("Vanila", 100)])));
        var reprocessed = Event(Order("110", 10, items: [Item("Vanilla", 100)]));

        await db.WriteAsync(reprocessed);
        Assert.Equal(["Vanila x1"], await db.RowsAsync(ItemsOf, "110"));

        await db.Writer.WriteAsync([reprocessed], replay: true, CancellationToken.None);
        Assert.Equal(["Vanilla x1"], await db.RowsAsync(ItemsOf, "110"));
    }

    [Fact]
    public async Task WriteAsync_BareCallbackWithoutStreamId_LosesToAStreamedVersion()
    {
        await using var db = await LoaderDatabase.CreateAsync(server);
        var bare = Order("110", 0, status: "Cancelled") with { StreamId = null, EventId = "hook-1" };

        await db.WriteAsync(Event(Order("110", 10)));
        await db.WriteAsync(new CleanedEvent(new RawOrderEvent("hook-1", null, EventSources.Webhook, Received, "{}"), EventOutcomes.Order, bare));

        Assert.Equal("Success|10", (await db.RowsAsync("SELECT order_status, version FROM orders")).Single());
    }

    [Fact]
    public async Task WriteAsync_StatusBeforeItsOrder_KeepsStatusAndNamesTheRestaurantLater()
    {
        await using var db = await LoaderDatabase.CreateAsync(server);

        var result = await db.WriteAsync(Status("st-1", 5, "110", 1, "accepted", restaurant: "R9"));
        await db.WriteAsync(Event(Order("110", 10, restaurant: "R9")));

        Assert.Equal(1, result.StatusEvents);
        Assert.Equal(["R9|110|1|status"], await db.RowsAsync("""
            SELECT r.petpooja_restid, s.order_id, s.status_code, e.outcome
            FROM order_status_events s JOIN restaurants r USING (restaurant_id) JOIN raw_events e USING (event_id)
            """));
        Assert.Equal("Outlet R9", await db.ScalarAsync<string>("SELECT name FROM restaurants WHERE petpooja_restid = 'R9'"));
    }

    [Fact]
    public async Task WriteAsync_OrdersOfOneCustomer_ShareOnePseudonymisedCustomer()
    {
        await using var db = await LoaderDatabase.CreateAsync(server);

        await db.WriteAsync(Event(Order("110", 10, customerPhone: "+919876543210")), Event(Order("111", 11, customerPhone: "+919876543210")));
        await db.WriteAsync(Event(Order("112", 12, customerPhone: "+919876543210")));

        Assert.Equal([$"3|{PersonalData.Pseudonym("phone:+919876543210", LoaderDatabase.PseudonymKey)}|+919876543210"], await db.RowsAsync(
            "SELECT count(*), c.pseudonym, c.phone FROM orders o JOIN customers c USING (customer_id) GROUP BY 2, 3"));
    }

    [Fact]
    public async Task WriteAsync_CustomerMoves_KeepsEachOrdersOwnLocality()
    {
        await using var db = await LoaderDatabase.CreateAsync(server);
        OrderData At(OrderData order, string? locality) => order with { Customer = order.Customer! with { Locality = locality } };

        await db.WriteAsync(Event(At(Order("110", 10, customerPhone: "+919876543210"), "Sector 66")));
        await db.WriteAsync(Event(At(Order("111", 11, customerPhone: "+919876543210"), "DLF Phase 3")));
        await db.WriteAsync(Event(At(Order("112", 12, customerPhone: "+919876543210"), null)));

        // The customer keeps the latest locality it was told; each order keeps where it was delivered, and the area rollup follows the orders.
        Assert.Equal(["DLF Phase 3"], await db.RowsAsync("SELECT locality FROM customers"));
        Assert.Equal(["110|Sector 66", "111|DLF Phase 3", "112|∅"], await db.RowsAsync("SELECT order_id, locality FROM orders ORDER BY order_id"));
        Assert.Equal(["DLF Phase 3|1", "Sector 66|1", "∅|1"], await db.RowsAsync(
            "SELECT locality, sum(orders) FROM area_facts_hourly GROUP BY 1 ORDER BY locality COLLATE \"C\" NULLS LAST"));
    }

    [Fact]
    public async Task WriteAsync_SimulatedEvents_GivesEveryEventOneRawRowWithItsOutcome()
    {
        await using var db = await LoaderDatabase.CreateAsync(server);
        var (_, events) = SimulatedEvents.Load(new SimulationOptions { Days = 20, Restaurants = 2, MalformedRate = 0.05 });

        await db.WriteInBatchesAsync(events, 97);

        var expected = events.GroupBy(e => e.Outcome).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}|{g.Count()}");
        Assert.Equal(expected, await db.RowsAsync("SELECT outcome, count(*) FROM raw_events GROUP BY 1 ORDER BY outcome COLLATE \"C\""));
        Assert.Contains(events, e => e.Outcome == EventOutcomes.Quarantined);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM raw_events WHERE outcome NOT IN ('order', 'status', 'quarantined', 'ignored')"));
        Assert.Equal(events.Count(e => e.Outcome == EventOutcomes.Quarantined),
            await db.ScalarAsync<long>("SELECT count(*) FROM review_items WHERE kind = 'quarantine' AND resolved_at IS NULL"));
        Assert.Equal(events.Where(e => e.Order is not null).Select(e => (e.Order!.RestaurantRef, e.Order.OrderId)).Distinct().Count(),
            await db.ScalarAsync<long>("SELECT count(*) FROM orders"));
    }
}
