using System.Globalization;
using System.Text.Json;

namespace OrderAnalytics.Simulation.Tests;

public class GroundTruthTests
{
    private sealed record Final(long StreamId, string Status, decimal Total, DateOnly BusinessDate, bool Test);

    /// <summary>Recomputes the truth from the JSON alone, the way a loader would, and compares.</summary>
    [Fact]
    public void Truth_RecomputedFromJson_MatchesExactly()
    {
        var stream = new OrderStream(Streams.Small(days: 120, restaurants: 2));
        var truth = stream.Truth();
        var finals = new Dictionary<(string, string), Final>();
        var phones = new HashSet<string>();
        int status = 0, broken = 0, total = 0;

        foreach (var e in stream.ReadAll())
        {
            total++;
            using var doc = JsonDocument.Parse(e.Json);
            if (doc.RootElement.GetProperty("event_type").GetString() == "orderstatus")
            {
                status++;
                continue;
            }
            Payload p;
            try
            {
                p = Payload.Parse(e.Json);
                _ = p.OrderMoney("total");
                _ = p.Items.Count();
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                broken++;
                continue;
            }
            using (p)
            {
                var restId = p.Properties.GetProperty("Restaurant").GetProperty("restID").GetString()!;
                var orderId = p.IsPull ? p.Order.GetProperty("orderID").GetString()! : p.Order.GetProperty("orderID").GetInt64().ToString(CultureInfo.InvariantCulture);
                var created = DateTime.ParseExact(p.Order.GetProperty("created_on").GetString()!, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                var key = (restId, orderId);
                if (!finals.TryGetValue(key, out var f) || f.StreamId < e.StreamId)
                {
                    finals[key] = new Final(e.StreamId, p.Order.GetProperty("status").GetString()!, p.OrderMoney("total"),
                        DateOnly.FromDateTime(created.AddHours(-5)), orderId == "99999");
                }
                var phone = new string(p.Properties.GetProperty("Customer").GetProperty("phone").GetString()!.Where(char.IsAsciiDigit).ToArray());
                if (phone.Length >= 10 && orderId != "99999") phones.Add(phone[^10..]);
            }
        }

        var days = finals.Values.Where(f => f.Status == "Success" && !f.Test)
            .GroupBy(f => f.BusinessDate)
            .OrderBy(g => g.Key)
            .Select(g => new DayRevenue(g.Key, g.Sum(f => f.Total), g.Count()))
            .ToList();
        Assert.Equal(days, truth.Days);
        Assert.Equal(finals.Count, truth.DistinctOrders);
        Assert.Equal(status, truth.StatusEvents);
        Assert.Equal(broken, truth.MalformedEvents);
        Assert.Equal(total, truth.TotalEvents);
        Assert.Equal(phones.Count, truth.DistinctCustomers);
        foreach (var (key, f) in finals)
        {
            var t = truth.Orders[new OrderKey(key.Item1, key.Item2)];
            Assert.Equal(f.StreamId, t.FinalStreamId);
            Assert.Equal(f.Status, t.Status);
            Assert.Equal(f.Total, t.Total);
        }
    }

    [Fact]
    public void Truth_Days_SumToTotalRevenueAndSuccessOrders()
    {
        var truth = Streams.Default.Truth();
        var success = truth.Orders.Values.Where(o => o.Status == "Success" && !o.IsTestOrder).ToList();

        Assert.Equal(success.Sum(o => o.Total), truth.TotalRevenue);
        Assert.Equal(truth.TotalRevenue, truth.Days.Sum(d => d.Revenue));
        Assert.Equal(success.Count, truth.Days.Sum(d => d.Orders));
        Assert.Equal(truth.SuccessOrders, success.Count);
        Assert.Equal(truth.TotalEvents, truth.OrderEvents + truth.StatusEvents + truth.MalformedEvents);
        Assert.Equal(Streams.Default.LastStreamId, truth.LastStreamId);
        Assert.True(truth.Days.Select(d => d.BusinessDate).SequenceEqual(truth.Days.Select(d => d.BusinessDate).Order()));
    }

    [Fact]
    public void Truth_Stream_HasResendsCancellationsAndComplimentaryOrders()
    {
        var truth = Streams.Default.Truth();

        Assert.InRange(truth.ResentEvents, 150, 600);
        Assert.InRange(truth.CancelledOrders, 150, 400);
        Assert.InRange(truth.ComplimentaryOrders, 3, 40);
        Assert.True(truth.EditedOrCancelledLater > 200);
        Assert.Contains(truth.Orders.Values, o => o.Status == "Cancelled" && o.Versions > 1);
    }

    [Fact]
    public void Truth_TestOrder_IsKnownButEarnsNothing()
    {
        var truth = Streams.Default.Truth();

        var test = truth.Orders[new OrderKey("1c8w7fp500", "99999")];
        Assert.True(test.IsTestOrder);
        Assert.Equal(new DateOnly(2025, 1, 1), test.BusinessDate);
        var jan1 = truth.Days.Single(d => d.BusinessDate == new DateOnly(2025, 1, 1));
        Assert.Equal(truth.Orders.Values.Count(o => o.BusinessDate == jan1.BusinessDate && o.Status == "Success" && !o.IsTestOrder), jan1.Orders);
    }

    [Fact]
    public void Truth_LateNightOrders_BelongToThePreviousBusinessDay()
    {
        var late = Streams.Default.Truth().Orders.Values.Where(o => o.CreatedOn.Hour < 5 && !o.IsTestOrder).ToList();

        Assert.True(late.Count > 100, $"{late.Count} after-midnight orders");
        Assert.All(late, o => Assert.Equal(DateOnly.FromDateTime(o.CreatedOn).AddDays(-1), o.BusinessDate));
        Assert.All(late, o => Assert.True(o.CreatedOn.Hour < 2));
    }

    [Fact]
    public void Truth_MultipleRestaurants_OrderIdsOverlapAcrossOutlets()
    {
        var stream = new OrderStream(Streams.Small(days: 10, restaurants: 3));
        var truth = stream.Truth();

        Assert.Equal(3, stream.Restaurants.Select(r => r.RestId).Distinct().Count());
        Assert.Equal(3, stream.Restaurants.Select(r => r.Name).Distinct().Count());
        var byId = truth.Orders.Keys.GroupBy(k => k.OrderId).Where(g => g.Count() > 1).ToList();
        Assert.NotEmpty(byId);
        Assert.Equal(3, truth.Orders.Keys.Select(k => k.RestaurantRef).Distinct().Count());
        Assert.Equal(truth.TotalRevenue, truth.RestaurantDays.Values.Sum(d => d.Revenue));
    }

    [Fact]
    public void Truth_Scale1_LooksLikeTheRealCafe()
    {
        var truth = Streams.Default.Truth();
        var orders = truth.Orders.Values.Where(o => !o.IsTestOrder).ToList();

        Assert.InRange(orders.Count, 9_000, 11_000);
        var peak = truth.Days.Max(d => d.Revenue);
        Assert.InRange(peak, 45_000m, 75_000m);
        double Share(string channel) => (double)orders.Count(o => o.OrderFrom == channel) / orders.Count;
        Assert.InRange(Share("Zomato"), 0.43, 0.49);
        Assert.InRange(Share("POS"), 0.29, 0.35);
        Assert.InRange(Share("Swiggy"), 0.16, 0.22);
        Assert.InRange(Share("Home Website"), 0.015, 0.045);
        // Evenings peak; summer and weekends are busier.
        Assert.True(orders.Count(o => o.CreatedOn.Hour is >= 19 and <= 22) > orders.Count / 3);
        double MeanPerDay(Func<DayRevenue, bool> f) => truth.Days.Where(f).Average(d => d.Orders);
        Assert.True(MeanPerDay(d => d.BusinessDate.Month is 5 or 6) > 1.4 * MeanPerDay(d => d.BusinessDate.Month is 1 or 2));
        Assert.True(MeanPerDay(d => d.BusinessDate.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            > 1.3 * MeanPerDay(d => d.BusinessDate.DayOfWeek is DayOfWeek.Tuesday or DayOfWeek.Wednesday));
        // Returning customers.
        Assert.True(orders.Where(o => o.Phone is not null).GroupBy(o => o.Phone).Count(g => g.Count() > 2) > 50);
    }

    [Fact]
    public void OrdersIssued_Scale30_Reaches300kOrdersInAYear()
    {
        var stream = new OrderStream(new SimulationOptions { Scale = 30 });

        Assert.True(stream.OrdersIssued(0) >= 300_000, $"{stream.OrdersIssued(0)} orders");
    }

    [Fact]
    public void Builder_BackfillPlusLive_CountsBoth()
    {
        var stream = new OrderStream(Streams.Small(days: 5));
        var builder = new GroundTruthBuilder();
        foreach (var e in stream.ReadAll()) builder.Add(e);
        var live = stream.Live(new DateTimeOffset(2025, 1, 6, 6, 0, 0, TimeSpan.Zero)).Take(200).ToList();
        foreach (var e in live) builder.Add(e);

        var truth = builder.Build();

        Assert.Equal(stream.TotalEvents + 200, truth.TotalEvents);
        Assert.Equal(live[^1].StreamId, truth.LastStreamId);
        Assert.True(truth.DistinctOrders > stream.Truth().DistinctOrders);
    }
}
