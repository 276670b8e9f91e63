namespace OrderAnalytics.Analytics.Tests;

[Collection(AnalyticsCollection.Name)]
public sealed class PaymentQueriesTests(AnalyticsFixture fx)
{
    [Fact]
    public async Task PaymentMix_PartPayments_AreSplitIntoTheirMethodsAndAmountsAddUpToRevenue()
    {
        var data = await fx.DataAsync("""
            { paymentMix { method orders amount splitOrders splitAmount share }
              revenue(period: MONTH) { current { revenue } } }
            """);
        var rows = data.Items("paymentMix").ToList();
        var revenue = data.Items("revenue").Sum(b => b.GetProperty("current").Dec("revenue"));

        Assert.Equal(revenue, rows.Sum(r => r.Dec("amount")));
        Assert.Equal(1.0, rows.Sum(r => r.GetProperty("share").GetDouble()), 4);
        // The simulator always sends the parts of a part payment, and they add up: nothing stays unsplit.
        Assert.DoesNotContain(rows, r => r.Str("method").StartsWith("Part Payment", StringComparison.Ordinal));

        var splitOrders = await fx.ScalarAsync<long>("""
            SELECT count(DISTINCT (o.restaurant_id, o.order_id)) FROM orders o JOIN order_part_payments p USING (restaurant_id, order_id)
            WHERE o.order_status = 'Success' AND NOT o.is_test
            """);
        Assert.True(splitOrders > 0, "the sample should contain part payments");
        var partAmount = await fx.ScalarAsync<decimal>("""
            SELECT sum(p.amount) FROM orders o JOIN order_part_payments p USING (restaurant_id, order_id)
            WHERE o.order_status = 'Success' AND NOT o.is_test
            """);
        Assert.Equal(partAmount, rows.Sum(r => r.Dec("splitAmount")));
        Assert.True(rows.Sum(r => r.Long("splitOrders")) >= splitOrders);

        var cash = await fx.ScalarAsync<decimal>("""
            SELECT (SELECT coalesce(sum(total), 0) FROM orders o WHERE o.order_status = 'Success' AND NOT o.is_test AND o.payment_type = 'Cash'
                      AND NOT EXISTS (SELECT 1 FROM order_part_payments p WHERE p.restaurant_id = o.restaurant_id AND p.order_id = o.order_id))
                 + (SELECT coalesce(sum(p.amount), 0) FROM orders o JOIN order_part_payments p USING (restaurant_id, order_id)
                    WHERE o.order_status = 'Success' AND NOT o.is_test AND p.payment_type = 'Cash')
            """);
        Assert.Equal(cash, rows.Single(r => r.Str("method") == "Cash").Dec("amount"));
    }
}
