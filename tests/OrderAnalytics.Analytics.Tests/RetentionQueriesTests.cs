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

    /// <summary>
    /// With a restaurant filter customers are counted by customer id (one row per person there), and over whole months
    /// monthly periods and cohorts come from retention_deltas; the expected figures here count pseudonyms, the definition,
    /// over that restaurant's orders.
    /// </summary>
    [Theory]
    [InlineData("2025-01-20", "2025-12-31")]   // not whole months: from the orders
    [InlineData("2025-02-01", "2025-03-31")]   // whole months: from the rollup
    [InlineData(null, null)]                   // everything: from the rollup
    public async Task CustomerRetention_OneRestaurant_CountsThePeopleThePseudonymsCount(string? from, string? to)
    {
        var restaurant = await fx.ScalarAsync<string>("SELECT petpooja_restid FROM restaurants ORDER BY restaurant_id LIMIT 1");
        var data = await fx.DataAsync("""
            query($r: String, $from: DateOnly, $to: DateOnly) { customerRetention(restaurant: $r, from: $from, to: $to) {
                summary { customers repeatCustomers newCustomers identifiedOrders anonymousOrders }
                periods(period: MONTH) { start customers newCustomers newCustomerOrders returningCustomerOrders newCustomerRevenue }
                cohorts { month size months { offset activeCustomers orders revenue } } } }
            """, new { r = restaurant, from, to });
        var retention = data.GetProperty("customerRetention");
        const string Orders = """
            SELECT c.pseudonym, o.business_date, o.total FROM orders o JOIN customers c ON c.customer_id = o.customer_id
            JOIN restaurants r ON r.restaurant_id = o.restaurant_id
            WHERE o.order_status = 'Success' AND NOT o.is_test AND o.business_date IS NOT NULL AND r.petpooja_restid = $1
            """;
        const string InRange = "business_date BETWEEN coalesce($2::date, '-infinity') AND coalesce($3::date, 'infinity')";
        object[] parameters = [restaurant!, (object?)from ?? DBNull.Value, (object?)to ?? DBNull.Value];

        var summary = retention.GetProperty("summary");
        var expectedSummary = await fx.ScalarAsync<string>($"""
            WITH o AS ({Orders}), f AS (SELECT pseudonym, min(business_date) AS first FROM o GROUP BY 1),
                 s AS (SELECT pseudonym, count(*) AS n FROM o WHERE {InRange} GROUP BY 1)
            SELECT concat_ws(' ', count(*), count(*) FILTER (WHERE n >= 2), count(*) FILTER (WHERE f.first >= coalesce($2::date, '-infinity')), sum(n))
            FROM s JOIN f USING (pseudonym)
            """, parameters);
        Assert.Equal(expectedSummary,
            string.Join(' ', new[] { "customers", "repeatCustomers", "newCustomers", "identifiedOrders" }.Select(name => summary.Long(name))));
        var expectedAnonymous = await fx.ScalarAsync<long>($"""
            SELECT count(*) FROM orders o JOIN restaurants r ON r.restaurant_id = o.restaurant_id
            WHERE o.order_status = 'Success' AND NOT o.is_test AND o.customer_id IS NULL AND r.petpooja_restid = $1 AND o.{InRange}
            """, parameters);
        Assert.True(expectedAnonymous > 0);
        Assert.Equal(expectedAnonymous, summary.Long("anonymousOrders"));

        var expectedPeriods = await fx.ScalarAsync<string>($"""
            WITH o AS ({Orders}), f AS (SELECT pseudonym, min(business_date) AS first FROM o GROUP BY 1),
                 m AS (SELECT date_trunc('month', o.business_date)::date AS month, o.pseudonym, count(*) AS n, sum(o.total) AS revenue,
                              date_trunc('month', f.first) = date_trunc('month', o.business_date) AS is_new
                       FROM o JOIN f USING (pseudonym) WHERE o.{InRange} GROUP BY 1, 2, 5)
            SELECT string_agg(concat_ws(' ', month, customers, fresh, fresh_orders, old_orders, fresh_revenue), '; ' ORDER BY month) FROM (
                SELECT month, count(*) AS customers, count(*) FILTER (WHERE is_new) AS fresh, coalesce(sum(n) FILTER (WHERE is_new), 0) AS fresh_orders,
                       coalesce(sum(n) FILTER (WHERE NOT is_new), 0) AS old_orders, coalesce(sum(revenue) FILTER (WHERE is_new), 0) AS fresh_revenue
                FROM m GROUP BY month) x
            """, parameters);
        var periods = string.Join("; ", retention.Items("periods").Select(p => string.Join(' ', p.Str("start"), p.Long("customers"),
            p.Long("newCustomers"), p.Long("newCustomerOrders"), p.Long("returningCustomerOrders"),
            p.GetProperty("newCustomerRevenue").GetDecimal().ToString("0.00", global::System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(expectedPeriods, periods);

        var expectedCohorts = await fx.ScalarAsync<string>($"""
            WITH o AS ({Orders}), f AS (SELECT pseudonym, date_trunc('month', min(business_date))::date AS cohort FROM o GROUP BY 1
                                        HAVING min(business_date) BETWEEN coalesce($2::date, '-infinity') AND coalesce($3::date, 'infinity'))
            SELECT string_agg(concat_ws(' ', cohort, k, active, n, revenue), '; ' ORDER BY cohort, k) FROM (
                SELECT f.cohort, (extract(year FROM age(date_trunc('month', o.business_date), f.cohort)) * 12
                                  + extract(month FROM age(date_trunc('month', o.business_date), f.cohort)))::int AS k,
                       count(DISTINCT o.pseudonym) AS active, count(*) AS n, sum(o.total) AS revenue
                FROM o JOIN f USING (pseudonym) WHERE o.{InRange} GROUP BY 1, 2) x
            """, parameters);
        var cohorts = string.Join("; ", retention.Items("cohorts").SelectMany(c => c.Items("months").Select(m => string.Join(' ',
            c.Str("month"), m.Long("offset"), m.Long("activeCustomers"), m.Long("orders"),
            m.GetProperty("revenue").GetDecimal().ToString("0.00", global::System.Globalization.CultureInfo.InvariantCulture)))));
        Assert.Equal(expectedCohorts, cohorts);
        Assert.True(retention.Items("cohorts").Count() >= 2, "two cohorts at least");
        Assert.All(retention.Items("cohorts"), c => Assert.Equal(c.Long("size"), c.Items("months").First().Long("activeCustomers")));
    }
}
