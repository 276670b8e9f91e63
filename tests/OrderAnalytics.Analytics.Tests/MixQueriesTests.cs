namespace OrderAnalytics.Analytics.Tests;

[Collection(AnalyticsCollection.Name)]
public sealed class MixQueriesTests(AnalyticsFixture fx)
{
    [Fact]
    public async Task ChannelMix_WholeStream_EqualsTruthPerChannel()
    {
        var data = await fx.DataAsync("{ channelMix { key orderShare revenueShare figures { orders revenue cancelledOrders } } }");

        var truth = fx.Stream.Truth().Orders.Values.Where(o => o is { Status: "Success", IsTestOrder: false })
            .GroupBy(o => o.OrderFrom ?? "(none)").ToDictionary(g => g.Key, g => (Orders: (long)g.Count(), Revenue: g.Sum(o => o.Total)));
        var rows = data.Items("channelMix").ToList();
        Assert.Equal(truth.OrderBy(t => t.Key).Select(t => $"{t.Key}|{t.Value.Orders}|{t.Value.Revenue:0.00}"),
            rows.OrderBy(r => r.Str("key")).Select(r => $"{r.Str("key")}|{r.GetProperty("figures").Long("orders")}|{r.GetProperty("figures").Dec("revenue"):0.00}"));
        Assert.Equal(1.0, rows.Sum(r => r.GetProperty("revenueShare").GetDouble()), 4);
        Assert.Equal(1.0, rows.Sum(r => r.GetProperty("orderShare").GetDouble()), 4);
        Assert.True(rows.Zip(rows.Skip(1)).All(p => p.First.GetProperty("figures").Dec("revenue") >= p.Second.GetProperty("figures").Dec("revenue")),
            "largest channel first");
        var cancelled = fx.Stream.Truth().Orders.Values.Count(o => o is { Status: "Cancelled", IsTestOrder: false });
        Assert.Equal(cancelled, rows.Sum(r => r.GetProperty("figures").Long("cancelledOrders")));
    }

    [Fact]
    public async Task OrderTypeMix_ChannelFilter_EqualsTruthPerOrderTypeOfThatChannel()
    {
        var data = await fx.DataAsync("""{ orderTypeMix(channel: "POS", from: "2025-01-15", to: "2025-02-14") { key figures { orders revenue } } }""");

        var truth = fx.Stream.Truth().Orders.Values
            .Where(o => o is { Status: "Success", IsTestOrder: false, OrderFrom: "POS" } && o.BusinessDate >= new DateOnly(2025, 1, 15)
                        && o.BusinessDate <= new DateOnly(2025, 2, 14))
            .GroupBy(o => o.OrderType ?? "(none)").OrderBy(g => g.Key).Select(g => $"{g.Key}|{g.Count()}|{g.Sum(o => o.Total):0.00}");
        Assert.Equal(truth, data.Items("orderTypeMix").OrderBy(r => r.Str("key"))
            .Select(r => $"{r.Str("key")}|{r.GetProperty("figures").Long("orders")}|{r.GetProperty("figures").Dec("revenue"):0.00}"));
    }
}
