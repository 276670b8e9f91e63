namespace OrderAnalytics.Simulation.Internal;

/// <summary>Everything needed to plan or generate one business day.</summary>
internal sealed class DayInput
{
    public required DateOnly Date { get; init; }
    public required ulong DayKey { get; init; }          // salt for this day's random streams
    public required double EraT { get; init; }           // 0..1 position in the simulated range (size / dialect drift)
    public required double[] Lambda { get; init; }       // expected orders per restaurant
    public required bool IncludeTestOrder { get; init; }
}

/// <summary>Draws the structure of a day (order count, times, channel, lifecycle, re-sends, status events).</summary>
internal static class Planner
{
    // Zomato 46 %, POS 32 %, Swiggy 19 %, Home Website 3 %.
    private static readonly double[] ChannelCumulative = [46, 78, 97, 100];

    public static DayPlan Plan(SimulationOptions o, DayInput input)
    {
        var rng = new Rng(Hash.Mix((ulong)o.Seed, 0x91A7UL, input.DayKey));
        var restaurants = input.Lambda.Length;
        // Weather / mood of the day, shared by outlets (log-normal, mean 1).
        var dayNoise = Math.Exp(0.16 * rng.Normal() - 0.0128);
        var hours = Demand.HoursFor(input.Date);
        var perRestaurant = new int[restaurants];
        var orders = new List<OrderPlan>();
        var times = new List<int>();
        for (var r = 0; r < restaurants; r++)
        {
            var outletNoise = Math.Exp(0.08 * rng.Normal() - 0.0032);
            var n = rng.Poisson(input.Lambda[r] * dayNoise * outletNoise);
            perRestaurant[r] = n;
            times.Clear();
            for (var i = 0; i < n; i++)
            {
                var hour = rng.PickCumulative(hours);
                times.Add((Demand.FirstOpenHour - Ist.BusinessDayStartHour + hour) * 3600 + rng.Next(3600));
            }
            times.Sort();
            for (var i = 0; i < n; i++)
            {
                orders.Add(PlanOrder(o, input, rng, r, i, times[i]));
            }
        }
        return new DayPlan
        {
            Orders = orders.ToArray(),
            OrdersPerRestaurant = perRestaurant,
            HasTestOrder = input.IncludeTestOrder,
        };
    }

    private static OrderPlan PlanOrder(SimulationOptions o, DayInput input, Rng rng, int restaurant, int index, int second)
    {
        var p = new OrderPlan { Restaurant = restaurant, CreatedSecond = second, Index = index };
        p.Channel = (Channel)rng.PickCumulative(ChannelCumulative);
        var k = rng.NextDouble();
        p.Kind = p.Channel switch
        {
            Channel.Zomato => k < 0.96 ? OrderKind.Delivery : OrderKind.PickUp,
            Channel.Swiggy => k < 0.97 ? OrderKind.Delivery : OrderKind.PickUp,
            Channel.Website => k < 0.80 ? OrderKind.Delivery : OrderKind.PickUp,
            _ => k < 0.55 ? OrderKind.DineIn : k < 0.93 ? OrderKind.Takeaway : OrderKind.DeliveryParcel,
        };

        var lc = rng.NextDouble();
        if (lc < o.CancelRate)
            p.Lifecycle = rng.Chance(0.65) ? Lifecycle.CancelAfter : Lifecycle.CancelDirect;
        else if (p.Channel == Channel.Pos && rng.Chance(o.ComplimentaryRate))
            p.Lifecycle = Lifecycle.Complimentary;
        else
            p.Lifecycle = Lifecycle.Normal;
        p.Edited = p.Lifecycle != Lifecycle.CancelDirect && rng.Chance(o.EditRate);

        p.Resend1 = Resends(rng, o.ResendRate);
        p.Resend2 = Resends(rng, o.ResendRate);
        p.Resend3 = Resends(rng, o.ResendRate);
        if (p.Versions < 2) p.Resend2 = 0;
        if (p.Versions < 3) p.Resend3 = 0;

        // Online delivery orders get status callbacks (most of them; some integrations never send).
        var online = p.Channel != Channel.Pos && p.Kind == OrderKind.Delivery;
        var hasStatus = o.IncludeStatusEvents && online && rng.Chance(0.85);
        var statusShape = rng.NextDouble();
        var skipReady = rng.Chance(0.1);
        if (hasStatus)
        {
            p.Status = p.Lifecycle switch
            {
                Lifecycle.CancelDirect => StatusMask.Cancelled,
                Lifecycle.CancelAfter => statusShape < 0.6
                    ? StatusMask.Accepted | StatusMask.Cancelled
                    : statusShape < 0.85
                        ? StatusMask.Accepted | StatusMask.FoodReady | StatusMask.Cancelled
                        : StatusMask.Accepted | StatusMask.FoodReady | StatusMask.Dispatched | StatusMask.Cancelled,
                _ => StatusMask.Accepted | (skipReady ? StatusMask.None : StatusMask.FoodReady) | StatusMask.Dispatched | StatusMask.Delivered,
            };
        }

        // Dialect: the early part of the range was backfilled through the pull API.
        p.Pull = rng.Chance(input.EraT < 0.35 ? 0.8 : 0.12);

        // MalformedRate is a fraction of all events: scale by this order's own event count.
        var n = p.EventCount;
        var pm = o.MalformedRate >= 1 ? 1 : o.MalformedRate * n / (1 - o.MalformedRate);
        p.Malformed = rng.Chance(pm);
        return p;
    }

    private static byte Resends(Rng rng, double rate)
    {
        if (!rng.Chance(rate)) return 0;
        return (byte)(rng.Chance(0.85) ? 1 : 2);
    }
}
