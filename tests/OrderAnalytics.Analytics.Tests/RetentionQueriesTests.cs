namespace OrderAnalytics.Analytics.Tests;

[Collection(AnalyticsCollection.Name)]
public sealed class RetentionQueriesTests(AnalyticsFixture fx)
{
    private const string DistinctCustomersSql = """
        SELECT count(DISTINCT c.pseudonym) FROM orders o JOIN customers c ON c.customer_id = o.customer_id
        WHERE o.order_status = 'Success' AND NOT o.is_test AND o.business_date IS NOT NULL
        """;

    [Fact]
    public async Task CustomerRetention_WholeStream_EveryCustomerIsNewExactlyOnce()
    {
        var data = await fx.DataAsync("""
            { customerRetention {
                summary { customers repeatCustomers newCustomers returningCustomers repeatRate identifiedOrders anonymousOrders }
                periods(period: WEEK) { start customers newCustomers returningCustomers newCustomerOrders returningCustomerOrders }
                cohorts { month size months { offset activeCustomers retention } } } }
            """);
        var retention = data.GetProperty("customerRetention");
        var summary = retention.GetProperty("summary");
        var customers = await fx.ScalarAsync<long>(DistinctCustomersSql);

        Assert.Equal(customers, summary.Long("customers"));
        Assert.Equal(customers, summary.Long("newCustomers"));
        Assert.Equal(0, summary.Long("returningCustomers"));
        Assert.InRange(summary.GetProperty("repeatRate").GetDouble(), 0.01, 0.99);
        var success = fx.Stream.Truth().SuccessOrders;
        Assert.Equal(success, summary.Long("identifiedOrders") + summary.Long("anonymousOrders"));

        var periods = retention.Items("periods").ToList();
        Assert.Equal(customers, periods.Sum(p => p.Long("newCustomers")));
        Assert.All(periods, p => Assert.Equal(p.Long("customers"), p.Long("newCustomers") + p.Long("returningCustomers")));
        Assert.Equal(summary.Long("identifiedOrders"), periods.Sum(p => p.Long("newCustomerOrders") + p.Long("returningCustomerOrders")));
        Assert.Equal("2024-12-30", periods[0].Str("start"));   // the ISO week of 2025-01-01 starts on Monday 30 December
        Assert.Equal(0, periods[0].Long("returningCustomers"));
        Assert.True(periods.Skip(2).All(p => p.Long("returningCustomers") > 0), "customers come back within weeks");

        var cohorts = retention.Items("cohorts").ToList();
        Assert.Equal(["2025-01-01", "2025-02-01", "2025-03-01"], cohorts.Select(c => c.Str("month")));
        Assert.Equal(customers, cohorts.Sum(c => c.Long("size")));
        Assert.All(cohorts, c =>
        {
            var first = c.Items("months").First();
            Assert.Equal((0, c.Long("size"), 1.0), (first.Long("offset"), first.Long("activeCustomers"), first.GetProperty("retention").GetDouble()));
        });
        var january = cohorts[0].Items("months").ToList();
        Assert.True(january.Count >= 2 && january[1].Long("activeCustomers") > 0, "some January customers order again in February");
    }

    [Fact]
    public async Task CustomerRetention_LaterRange_CountsEarlierFirstOrdersAsReturning()
    {
        var data = await fx.DataAsync("""
            { customerRetention(from: "2025-02-01", to: "2025-02-28") {
                summary { customers newCustomers returningCustomers }
                periods(period: MONTH) { start customers newCustomers returningCustomers } } }
            """);
        var summary = data.GetProperty("customerRetention").GetProperty("summary");
        var february = Assert.Single(data.GetProperty("customerRetention").Items("periods"));

        var expectedReturning = await fx.ScalarAsync<long>("""
            WITH firsts AS (
                SELECT c.pseudonym, min(o.business_date) AS first_date FROM orders o JOIN customers c ON c.customer_id = o.customer_id
                WHERE o.order_status = 'Success' AND NOT o.is_test AND o.business_date IS NOT NULL GROUP BY c.pseudonym)
            SELECT count(DISTINCT c.pseudonym) FROM orders o JOIN customers c ON c.customer_id = o.customer_id JOIN firsts f USING (pseudonym)
            WHERE o.order_status = 'Success' AND NOT o.is_test AND o.business_date BETWEEN '2025-02-01' AND '2025-02-28'
              AND f.first_date < '2025-02-01'
            """);
        Assert.True(expectedReturning > 0);
        Assert.Equal(expectedReturning, summary.Long("returningCustomers"));
        Assert.Equal(expectedReturning, february.Long("returningCustomers"));
        Assert.Equal(summary.Long("customers"), february.Long("customers"));
        Assert.Equal("2025-02-01", february.Str("start"));
    }
}
