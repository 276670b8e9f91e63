namespace OrderAnalytics.Analytics.Tests;

[Collection(AnalyticsCollection.Name)]
public sealed class AreaQueriesTests(AnalyticsFixture fx)
{
    [Fact]
    public async Task DeliveryAreas_DeliveryOrders_AddUpToDeliveryRevenueWithTheTailAsOther()
    {
        var data = await fx.DataAsync("""
            { all: deliveryAreas(top: 500) { locality customers figures { orders revenue } }
              top: deliveryAreas(top: 3) { locality figures { orders revenue } } }
            """);
        var truth = fx.Stream.Truth().Orders.Values
            .Where(o => o is { Status: "Success", IsTestOrder: false } && o.OrderType!.StartsWith("Delivery", StringComparison.Ordinal)).ToList();

        var all = data.Items("all").ToList();
        Assert.Equal(truth.Count, all.Sum(a => a.GetProperty("figures").Long("orders")));
        Assert.Equal(truth.Sum(o => o.Total), all.Sum(a => a.GetProperty("figures").Dec("revenue")));
        Assert.True(all.Count(a => !a.Str("locality").StartsWith('(')) >= 5, "delivery customers should spread over several localities");
        Assert.All(all, a => Assert.True(a.Long("customers") > 0 || a.Str("locality") == "(unknown)"));

        var top = data.Items("top").ToList();
        Assert.Equal(4, top.Count);
        Assert.Equal("(other)", top[^1].Str("locality"));
        Assert.Equal(all.Take(3).Select(a => a.Str("locality")), top.Take(3).Select(a => a.Str("locality")));
        Assert.Equal(truth.Sum(o => o.Total), top.Sum(a => a.GetProperty("figures").Dec("revenue")));
    }

    [Fact]
    public async Task DeliveryAreaHours_PerLocality_AddUpToTheLocalityTotals()
    {
        var data = await fx.DataAsync("""
            { areas: deliveryAreas(top: 10, from: "2025-02-01") { locality figures { orders revenue } }
              hours: deliveryAreaHours(top: 10, from: "2025-02-01") { locality hour figures { orders revenue } } }
            """);
        var fromHours = data.Items("hours").GroupBy(h => h.Str("locality"))
            .ToDictionary(g => g.Key, g => $"{g.Sum(h => h.GetProperty("figures").Long("orders"))}|{g.Sum(h => h.GetProperty("figures").Dec("revenue")):0.00}");
        Assert.Equal(data.Items("areas").Count(), fromHours.Count);
        Assert.All(data.Items("areas"), a => Assert.Equal(
            $"{a.GetProperty("figures").Long("orders")}|{a.GetProperty("figures").Dec("revenue"):0.00}", fromHours[a.Str("locality")]));
        Assert.All(data.Items("hours"), h => Assert.InRange(h.Long("hour"), 0, 23));
    }

    [Fact]
    public async Task DeliveryAreas_OneRestaurantAndAll_CountCustomersAsDistinctPseudonyms()
    {
        // One restaurant: customers counted by id; all restaurants: by pseudonym. Both must be the distinct pseudonyms.
        var restaurant = await fx.ScalarAsync<string>("SELECT petpooja_restid FROM restaurants ORDER BY restaurant_id LIMIT 1");
        foreach (var scope in new[] { restaurant, null })
        {
            var areas = (await fx.DataAsync("query($r: String) { deliveryAreas(top: 500, restaurant: $r) { locality customers } }",
                new { r = scope })).Items("deliveryAreas").Where(a => !a.Str("locality").StartsWith('(')).ToList();
            var expected = await fx.ScalarAsync<string>("""
                SELECT string_agg(locality || ' ' || n, '; ' ORDER BY locality COLLATE "C") FROM (
                    SELECT o.locality, count(DISTINCT c.pseudonym) AS n FROM orders o
                    JOIN customers c ON c.customer_id = o.customer_id JOIN restaurants r ON r.restaurant_id = o.restaurant_id
                    WHERE o.order_status = 'Success' AND NOT o.is_test AND o.business_date IS NOT NULL
                      AND o.order_type ILIKE 'delivery%' AND o.locality IS NOT NULL AND ($1 = '' OR r.petpooja_restid = $1)
                    GROUP BY 1) x
                """, scope ?? "");
            Assert.Equal(expected, string.Join("; ", areas.OrderBy(a => a.Str("locality"), StringComparer.Ordinal)
                .Select(a => $"{a.Str("locality")} {a.Long("customers")}")));
        }
    }

    [Fact]
    public async Task DeliveryAreas_ChannelAndRange_EqualAGroupByOverTheOrders()
    {
        // Read from the area rollup; the same question asked of the orders themselves, with every filter the rollup serves.
        var channel = await fx.ScalarAsync<string>("SELECT order_from FROM orders WHERE order_type ILIKE 'delivery%' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1");
        var data = await fx.DataAsync("""
            query($c: String) { deliveryAreas(top: 500, channel: $c, from: "2025-03-01", to: "2025-04-15") { locality figures { orders revenue cancelledOrders } }
              deliveryAreaHours(top: 500, channel: $c, from: "2025-03-01", to: "2025-04-15") { locality hour figures { orders } } }
            """, new { c = channel });
        var expected = await fx.ScalarAsync<string>("""
            SELECT string_agg(l || ' ' || n || ' ' || r || ' ' || x, '; ' ORDER BY l COLLATE "C") FROM (
                SELECT coalesce(locality, '(unknown)') AS l, count(*) FILTER (WHERE order_status = 'Success') AS n,
                       coalesce(sum(total) FILTER (WHERE order_status = 'Success'), 0)::numeric(14,2) AS r, count(*) FILTER (WHERE order_status = 'Cancelled') AS x
                FROM orders WHERE NOT is_test AND business_date BETWEEN '2025-03-01' AND '2025-04-15' AND order_from = $1
                  AND order_type ILIKE 'delivery%' GROUP BY 1) t
            """, channel!);
        Assert.Equal(expected, string.Join("; ", data.Items("deliveryAreas").OrderBy(a => a.Str("locality"), StringComparer.Ordinal).Select(a =>
            $"{a.Str("locality")} {a.GetProperty("figures").Long("orders")} {a.GetProperty("figures").Dec("revenue"):0.00} {a.GetProperty("figures").Long("cancelledOrders")}")));
        var hourCells = await fx.ScalarAsync<long>("""
            SELECT count(DISTINCT (coalesce(locality, '(unknown)'), extract(hour FROM created_on))) FROM orders
            WHERE NOT is_test AND business_date BETWEEN '2025-03-01' AND '2025-04-15' AND order_from = $1 AND order_type ILIKE 'delivery%'
              AND created_on IS NOT NULL
            """, channel!);
        Assert.Equal(hourCells, data.Items("deliveryAreaHours").LongCount());
    }
}
