using System.Text.Json;

namespace OrderAnalytics.Analytics.Tests;

[Collection(AnalyticsCollection.Name)]
public sealed class RevenueQueriesTests(AnalyticsFixture fx)
{
    private const string Figures = "orders revenue grossSales discounts netSales taxes charges cancelledOrders cancelledValue complimentaryOrders";

    [Fact]
    public async Task DailyRevenue_WholeStream_EqualsSimulatorTruthToTheRupee()
    {
        var data = await fx.DataAsync("{ dailyRevenue { businessDate orders revenue } }");

        var actual = data.Items("dailyRevenue").Select(d => $"{d.Str("businessDate")}|{d.Long("orders")}|{d.Dec("revenue"):0.00}").ToList();
        var expected = fx.Stream.Truth().Days.Select(d => $"{d.BusinessDate:yyyy-MM-dd}|{d.Orders}|{d.Revenue:0.00}").ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Revenue_DayWeekMonthAndChannelMix_ReconcileOverTheSameRange()
    {
        var data = await fx.DataAsync($$"""
            query ($from: DateOnly, $to: DateOnly) {
              day: revenue(period: DAY, from: $from, to: $to) { from to current { {{Figures}} } }
              week: revenue(period: WEEK, from: $from, to: $to) { from to complete current { {{Figures}} } }
              month: revenue(period: MONTH, from: $from, to: $to) { from to complete current { {{Figures}} } }
              channelMix(from: $from, to: $to) { key figures { {{Figures}} } }
              orderTypeMix(from: $from, to: $to) { key figures { orders revenue } }
              paymentMix(from: $from, to: $to) { method amount }
              peakHours(from: $from, to: $to) { figures { orders revenue } }
              deliveryAreas(from: $from, to: $to, deliveryOnly: false, top: 5) { figures { orders revenue } }
            }
            """, new { from = "2025-01-08", to = "2025-02-25" });

        var day = Totals(data.Items("day").Select(d => d.GetProperty("current")));
        Assert.Equal(49, data.Items("day").Count());
        Assert.Equal(day, Totals(data.Items("week").Select(w => w.GetProperty("current"))));
        Assert.Equal(day, Totals(data.Items("month").Select(m => m.GetProperty("current"))));
        Assert.Equal(day, Totals(data.Items("channelMix").Select(m => m.GetProperty("figures"))));
        Assert.Equal((day.Orders, day.Revenue), Pair(data.Items("orderTypeMix").Select(m => m.GetProperty("figures"))));
        Assert.Equal((day.Orders, day.Revenue), Pair(data.Items("peakHours").Select(m => m.GetProperty("figures"))));
        Assert.Equal((day.Orders, day.Revenue), Pair(data.Items("deliveryAreas").Select(m => m.GetProperty("figures"))));
        Assert.Equal(day.Revenue, data.Items("paymentMix").Sum(p => p.Dec("amount")));

        var truth = fx.Stream.Truth().Days.Where(d => d.BusinessDate >= new DateOnly(2025, 1, 8) && d.BusinessDate <= new DateOnly(2025, 2, 25)).ToList();
        Assert.Equal(truth.Sum(d => d.Revenue), day.Revenue);
        Assert.Equal(truth.Sum(d => d.Orders), day.Orders);
        Assert.True(day.Discounts > 0 && day.Taxes > 0 && day.Cancelled > 0, "the sample should exercise discounts, taxes and cancellations");
        Assert.Equal(day.Gross - day.Discounts, day.Net);

        // Weeks: the first and last are cut by the range; months: January from the 8th, February to the 25th.
        var weeks = data.Items("week").ToList();
        Assert.Equal(("2025-01-08", "2025-01-12", false), (weeks[0].Str("from"), weeks[0].Str("to"), weeks[0].GetProperty("complete").GetBoolean()));
        Assert.True(weeks[1].GetProperty("complete").GetBoolean());
        Assert.Equal(["2025-01-08|2025-01-31", "2025-02-01|2025-02-25"], data.Items("month").Select(m => $"{m.Str("from")}|{m.Str("to")}"));
    }

    [Fact]
    public async Task Revenue_Week_PreviousIsTheSameDaysOneWeekEarlier()
    {
        var data = await fx.DataAsync("""
            { revenue(period: WEEK, from: "2025-01-20", to: "2025-02-02") {
                start from to previousFrom previousTo current { revenue } previous { revenue orders } revenueChange } }
            """);
        var buckets = data.Items("revenue").ToList();
        Assert.Equal(2, buckets.Count);
        Assert.Equal(("2025-01-13", "2025-01-19"), (buckets[0].Str("previousFrom"), buckets[0].Str("previousTo")));
        // The second week's previous period is the first week: same filters, same definition.
        Assert.Equal(buckets[0].GetProperty("current").Dec("revenue"), buckets[1].GetProperty("previous").Dec("revenue"));

        var truthPrevious = fx.Stream.Truth().Days.Where(d => d.BusinessDate >= new DateOnly(2025, 1, 13) && d.BusinessDate <= new DateOnly(2025, 1, 19)).Sum(d => d.Revenue);
        Assert.Equal(truthPrevious, buckets[0].GetProperty("previous").Dec("revenue"));
        Assert.Equal(buckets[0].GetProperty("current").Dec("revenue") - truthPrevious, buckets[0].Dec("revenueChange"));
    }

    [Fact]
    public async Task Revenue_Month_PartialMonthIsComparedWithTheSamePartOfThePreviousMonth()
    {
        var data = await fx.DataAsync("""
            { revenue(period: MONTH, from: "2025-02-01", to: "2025-02-15") { complete previousFrom previousTo previous { revenue } } }
            """);
        var bucket = Assert.Single(data.Items("revenue"));
        Assert.False(bucket.GetProperty("complete").GetBoolean());
        Assert.Equal(("2025-01-01", "2025-01-15"), (bucket.Str("previousFrom"), bucket.Str("previousTo")));
        var truth = fx.Stream.Truth().Days.Where(d => d.BusinessDate.Month == 1 && d.BusinessDate.Day <= 15).Sum(d => d.Revenue);
        Assert.Equal(truth, bucket.GetProperty("previous").Dec("revenue"));
    }

    [Fact]
    public async Task DailyRevenue_RestaurantFilter_EqualsTruthOfThatRestaurant()
    {
        var restaurant = fx.Stream.Restaurants[1].RestId;
        var data = await fx.DataAsync("query ($r: String) { dailyRevenue(restaurant: $r) { businessDate revenue } }", new { r = restaurant });

        var expected = fx.Stream.Truth().RestaurantDays.Where(kv => kv.Key.RestaurantRef == restaurant).OrderBy(kv => kv.Key.BusinessDate)
            .Select(kv => $"{kv.Key.BusinessDate:yyyy-MM-dd}|{kv.Value.Revenue:0.00}");
        Assert.Equal(expected, data.Items("dailyRevenue").Select(d => $"{d.Str("businessDate")}|{d.Dec("revenue"):0.00}"));
    }

    [Fact]
    public async Task Revenue_ChannelAndOrderTypeFilters_EqualTruthOfThoseOrders()
    {
        var data = await fx.DataAsync("""{ revenue(period: MONTH, channel: "Zomato", orderType: "Delivery") { current { orders revenue } } }""");

        var truth = fx.Stream.Truth().Orders.Values.Where(o => o is { Status: "Success", IsTestOrder: false, OrderFrom: "Zomato", OrderType: "Delivery" }).ToList();
        var current = data.Items("revenue").Select(b => b.GetProperty("current")).ToList();
        Assert.Equal(truth.Count, current.Sum(c => c.Long("orders")));
        Assert.Equal(truth.Sum(o => o.Total), current.Sum(c => c.Dec("revenue")));
    }

    [Fact]
    public async Task AverageOrderValue_Month_IsRevenueOverOrdersOfTheSameBuckets()
    {
        var data = await fx.DataAsync("""
            { averageOrderValue(period: MONTH) { start orders averageOrderValue previousAverageOrderValue }
              revenue(period: MONTH) { start current { orders revenue averageOrderValue } previous { averageOrderValue } } }
            """);
        var aov = data.Items("averageOrderValue").ToList();
        var revenue = data.Items("revenue").ToList();
        Assert.Equal(revenue.Count, aov.Count);
        for (var i = 0; i < aov.Count; i++)
        {
            var current = revenue[i].GetProperty("current");
            Assert.Equal(Math.Round(current.Dec("revenue") / current.Long("orders"), 2), aov[i].Dec("averageOrderValue"));
            Assert.Equal(current.Dec("averageOrderValue"), aov[i].Dec("averageOrderValue"));
        }
        Assert.Equal(JsonValueKind.Null, aov[0].GetProperty("previousAverageOrderValue").ValueKind);
        Assert.Equal(aov[0].Dec("averageOrderValue"), aov[1].Dec("previousAverageOrderValue"));
    }

    private sealed record Sum(long Orders, decimal Revenue, decimal Gross, decimal Discounts, decimal Net, decimal Taxes, decimal Charges,
        long Cancelled, decimal CancelledValue, long Complimentary);

    private static Sum Totals(IEnumerable<JsonElement> figures) => figures.Aggregate(new Sum(0, 0, 0, 0, 0, 0, 0, 0, 0, 0), (s, f) => new Sum(
        s.Orders + f.Long("orders"), s.Revenue + f.Dec("revenue"), s.Gross + f.Dec("grossSales"), s.Discounts + f.Dec("discounts"),
        s.Net + f.Dec("netSales"), s.Taxes + f.Dec("taxes"), s.Charges + f.Dec("charges"), s.Cancelled + f.Long("cancelledOrders"),
        s.CancelledValue + f.Dec("cancelledValue"), s.Complimentary + f.Long("complimentaryOrders")));

    private static (long, decimal) Pair(IEnumerable<JsonElement> figures)
    {
        var list = figures.ToList();
        return (list.Sum(f => f.Long("orders")), list.Sum(f => f.Dec("revenue")));
    }
}
