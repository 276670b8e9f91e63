namespace OrderAnalytics.Analytics.Tests;

[Collection(AnalyticsCollection.Name)]
public sealed class QualityQueriesTests(AnalyticsFixture fx)
{
    [Fact]
    public async Task DataQuality_WholeStream_CountsFlagsAndEveryMalformedEventAsQuarantined()
    {
        var data = await fx.DataAsync("""
            { dataQuality { orders flaggedOrders flags { code orders exampleDetail } quarantined { reason events unresolved example } } }
            """);
        var report = data.GetProperty("dataQuality");
        var truth = fx.Stream.Truth();

        Assert.Equal(truth.DistinctOrders, report.Long("orders"));
        Assert.Equal(1, report.Items("flags").Single(f => f.Str("code") == "test_order").Long("orders"));
        Assert.Equal(await fx.ScalarAsync<long>("SELECT count(DISTINCT (restaurant_id, order_id)) FROM order_quality_flags"), report.Long("flaggedOrders"));
        foreach (var flag in report.Items("flags"))
            Assert.Equal(await fx.ScalarAsync<long>("SELECT count(*) FROM order_quality_flags WHERE code = $1", flag.Str("code")), flag.Long("orders"));

        var quarantined = report.Items("quarantined").ToList();
        Assert.True(truth.MalformedEvents > 0, "the sample should contain malformed events");
        Assert.Equal(truth.MalformedEvents, quarantined.Sum(q => q.Long("events")));
        Assert.Equal(truth.MalformedEvents, quarantined.Sum(q => q.Long("unresolved")));
        Assert.All(quarantined, q => Assert.DoesNotContain("(", q.Str("reason")));
    }

    [Fact]
    public async Task DataQuality_DateRange_CountsOnlyOrdersOfThoseDays()
    {
        var data = await fx.DataAsync("""{ dataQuality(from: "2025-01-02", to: "2025-01-31") { orders flags { code } } }""");

        var truth = fx.Stream.Truth().Orders.Values.Count(o => o.BusinessDate >= new DateOnly(2025, 1, 2) && o.BusinessDate <= new DateOnly(2025, 1, 31));
        Assert.Equal(truth, data.GetProperty("dataQuality").Long("orders"));
        Assert.DoesNotContain(data.GetProperty("dataQuality").Items("flags"), f => f.Str("code") == "test_order");
    }
}
