namespace OrderAnalytics.Analytics.Tests;

[Collection(AnalyticsCollection.Name)]
public sealed class ItemQueriesTests(AnalyticsFixture fx)
{
    [Fact]
    public async Task TopItems_MatchedPlusUnmatched_AddUpToNetSalesOfTheOrders()
    {
        var data = await fx.DataAsync("""
            query ($from: DateOnly, $to: DateOnly) {
              topItems(limit: 500, from: $from, to: $to) { rank name quantity grossSales discounts netSales revenueShare }
              unmatchedItems(limit: 500, from: $from, to: $to) { normalisedName decision quantity netSales }
              revenue(period: MONTH, from: $from, to: $to) { current { netSales grossSales } }
            }
            """, new { from = "2025-01-10", to = "2025-02-20" });

        var items = data.Items("topItems").ToList();
        var unmatched = data.Items("unmatchedItems").ToList();
        var netSales = data.Items("revenue").Sum(b => b.GetProperty("current").Dec("netSales"));
        // Line totals and allocated discounts add up to the orders' core and discount totals (the simulator allocates exactly).
        Assert.Equal(netSales, items.Sum(i => i.Dec("netSales")) + unmatched.Sum(u => u.Dec("netSales")));
        Assert.Equal(Enumerable.Range(1, items.Count), items.Select(i => (int)i.Long("rank")));
        Assert.True(items.Zip(items.Skip(1)).All(p => p.First.Dec("netSales") >= p.Second.Dec("netSales")), "ranked by net sales");
        Assert.All(items, i => Assert.Equal(i.Dec("grossSales") - i.Dec("discounts"), i.Dec("netSales")));
        Assert.True(items.Sum(i => i.Dec("netSales")) > 0.8m * netSales, "most sales should be matched to the menu");
        Assert.All(unmatched, u => Assert.Contains(u.Str("decision"), new[] { "review", "unmatched", "non_product" }));
    }

    [Fact]
    public async Task TopItems_VariantLevel_AddsUpToItemLevel()
    {
        var data = await fx.DataAsync("""
            { items: topItems(by: QUANTITY, limit: 500) { name type variant quantity netSales }
              variants: topItems(by: QUANTITY, level: VARIANT, limit: 500) { menuItemId name type variant quantity netSales } }
            """);
        var items = data.Items("items").ToList();
        var variants = data.Items("variants").ToList();
        Assert.All(items, i => Assert.Equal(System.Text.Json.JsonValueKind.Null, i.GetProperty("variant").ValueKind));
        Assert.All(variants, v => Assert.NotNull(v.GetProperty("variant").GetString()));
        Assert.True(variants.Count > items.Count, "some items sell in several sizes");
        var summed = variants.GroupBy(v => (v.Str("name"), v.Str("type")))
            .ToDictionary(g => g.Key, g => (g.Sum(v => v.Dec("quantity")), g.Sum(v => v.Dec("netSales"))));
        Assert.All(items, i => Assert.Equal(summed[(i.Str("name"), i.Str("type"))], (i.Dec("quantity"), i.Dec("netSales"))));
        Assert.True(items.Zip(items.Skip(1)).All(p => p.First.Dec("quantity") >= p.Second.Dec("quantity")), "ranked by quantity");
    }

    [Fact]
    public async Task TopItems_Limit_ReturnsTheFirstRowsOfTheFullRanking()
    {
        var data = await fx.DataAsync("""
            { all: topItems(level: VARIANT, limit: 500) { name variant netSales }
              top: topItems(level: VARIANT, limit: 5) { rank name variant netSales revenueShare } }
            """);
        var top = data.Items("top").ToList();
        Assert.Equal(5, top.Count);
        Assert.Equal(data.Items("all").Take(5).Select(a => $"{a.Str("name")}|{a.Str("variant")}"), top.Select(t => $"{t.Str("name")}|{t.Str("variant")}"));
        Assert.All(top, t => Assert.InRange(t.GetProperty("revenueShare").GetDouble(), 0.0001, 1));
    }

    [Fact]
    public async Task TopAddons_WholeStream_EqualPlainSqlOverAddonLines()
    {
        var data = await fx.DataAsync("{ topAddons(by: QUANTITY, limit: 500) { rank name group quantity lines sales } }");

        var rows = data.Items("topAddons").ToList();
        Assert.NotEmpty(rows);
        var expected = await fx.ScalarAsync<decimal>("""
            SELECT sum(a.quantity * i.quantity) FROM orders o
            JOIN order_items i ON i.restaurant_id = o.restaurant_id AND i.order_id = o.order_id
            JOIN order_item_addons a ON a.restaurant_id = i.restaurant_id AND a.order_id = i.order_id AND a.line_no = i.line_no
            WHERE o.order_status = 'Success' AND NOT o.is_test AND o.business_date IS NOT NULL
            """);
        Assert.Equal(expected, rows.Sum(r => r.Dec("quantity")));
        Assert.True(rows.Zip(rows.Skip(1)).All(p => p.First.Dec("quantity") >= p.Second.Dec("quantity")), "ranked by quantity");
        Assert.Contains(rows.Take(3), r => r.Str("name") is "Cup" or "Waffle Cone");
    }
}
