using OrderAnalytics.Simulation;
using OrderAnalytics.Testing;

namespace OrderAnalytics.Loading.Tests;

[Collection(PostgresCollection.Name)]
public sealed class DataQualityQueriesTests(PostgresServer server)
{
    [Fact]
    public async Task RunAsync_WholeSimulatedYearLoaded_FindsNothingAndRevenueMatchesTruthPerDay()
    {
        var (stream, events) = SimulatedEvents.Load(new SimulationOptions());
        await using var db = await LoaderDatabase.CreateAsync(server);

        await db.WriteInBatchesAsync(events, 500);

        var findings = await DataQualityQueries.RunAsync(db.DataSource);
        Assert.Equal(DataQualityQueries.All.Count, findings.Count);
        Assert.All(findings, f => Assert.True(f.Rows == 0, $"{f.Check}: {f.Rows} rows, e.g. {string.Join("; ", f.Samples)}"));

        var truth = stream.Truth();
        Assert.Equal(truth.DistinctOrders, await db.ScalarAsync<long>("SELECT count(*) FROM orders"));
        var expected = truth.Days.Select(d => $"{d.BusinessDate:yyyy-MM-dd}|{d.Revenue:0}|{d.Orders}");
        var actual = await db.RowsAsync("""
            SELECT to_char(business_date, 'YYYY-MM-DD'), round(sum(total))::text, count(*) FROM orders
            WHERE order_status = 'Success' AND NOT is_test GROUP BY business_date ORDER BY business_date
            """);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task RunAsync_PlantedProblems_AreEachFound()
    {
        await using var db = await LoaderDatabase.CreateAsync(server);
        await db.WriteAsync(TestOrders.Event(TestOrders.Order("110", 10)), TestOrders.Event(TestOrders.Order("111", 11)),
            TestOrders.Event(TestOrders.Order("112", 12)));

        await db.RowsAsync("UPDATE orders SET total = total + 5 WHERE order_id = '110'");
        await db.RowsAsync("DELETE FROM order_items WHERE order_id = '111'");
        // The child tables have no foreign key to orders (the loader guarantees the parent): an orphan is the checks' job.
        await db.RowsAsync("""
            INSERT INTO order_items (restaurant_id, order_id, line_no, name_raw, quantity, unit_price, total_price, tax_amount, discount_amount)
            SELECT restaurant_id, 'gone', 1, 'Vanilla', 1, 100, 100, 0, 0 FROM restaurants
            """);

        // Rollups only drift when written around their triggers.
        await db.RowsAsync("UPDATE order_facts_hourly SET orders = orders + 1");

        var findings = (await DataQualityQueries.RunAsync(db.DataSource)).Where(f => f.Rows > 0).ToDictionary(f => f.Check);

        Assert.Equal(["money_identity_unflagged", "order_facts_hourly_differs_from_orders", "order_items_without_order", "orders_without_items"],
            findings.Keys.Order());
        Assert.Contains("|110|", "|" + findings["money_identity_unflagged"].Samples.Single());
        Assert.Equal(1, findings["orders_without_items"].Rows);
    }
}
