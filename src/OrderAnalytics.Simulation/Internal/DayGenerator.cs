namespace OrderAnalytics.Simulation.Internal;

/// <summary>A generated business day: its events sorted by occurred_at with stream ids assigned.</summary>
internal sealed class DayBatch
{
    public required EventModel[] Events { get; init; }
    public required long FirstStreamId { get; init; }
    public required int[] OrdersPerRestaurant { get; init; }
}

/// <summary>Turns a day plan into events: order versions, re-sends, status callbacks, malformed copies.</summary>
internal static class DayGenerator
{
    private const long TicksPerSecond = TimeSpan.TicksPerSecond;

    private static readonly string[] CancelReasons =
    [
        "Customer cancelled the order", "Rider not available", "Item out of stock", "Restaurant is closed",
        "Delivery address not serviceable", "Customer not reachable", "Order placed by mistake", "Kitchen too busy",
    ];

    public static long OrderIdFor(RestaurantInfo restaurant, long seq)
    {
        var id = restaurant.FirstOrderId + seq;
        return id >= 99999 ? id + 1 : id; // the real stream's test order owns 99999
    }

    /// <param name="seqStart">Per restaurant: how many orders it issued before this day (for orderIDs).</param>
    /// <param name="minCreatedUtc">Live mode: skip orders created before this instant.</param>
    public static DayBatch Generate(GenContext ctx, DayInput input, DayPlan plan, long[] seqStart, long firstStreamId, DateTime? minCreatedUtc = null)
    {
        var o = ctx.Options;
        var events = new List<EventModel>(plan.EventCount);
        var seq = 0;
        var items = ctx.ItemTable(input.Date, input.EraT);
        var dayStart = Ist.BusinessDayStart(input.Date);
        var kept = new int[plan.OrdersPerRestaurant.Length];
        var firstKept = new int[plan.OrdersPerRestaurant.Length];
        Array.Fill(firstKept, -1);

        if (plan.HasTestOrder)
        {
            var test = OrderFactory.TestOrder(ctx);
            // Stored right after it was rung up when the range starts on 2025-01-01, else before the first day opens.
            var t = (test.BusinessDate == input.Date ? Ist.ToUtc(test.CreatedIst).AddSeconds(42) : Ist.ToUtc(dayStart.AddHours(5.5))).Ticks
                + 10 * 123_457;
            events.Add(new EventModel { Kind = EventModelKind.Order, Order = test, OccurredTicks = t, Seq = seq++ });
        }

        foreach (var p in plan.Orders)
        {
            var createdIst = dayStart.AddSeconds(p.CreatedSecond);
            if (minCreatedUtc is { } min && Ist.ToUtc(createdIst) < min) continue;
            if (firstKept[p.Restaurant] < 0) firstKept[p.Restaurant] = p.Index;
            kept[p.Restaurant]++;
            var restaurant = ctx.Restaurants[p.Restaurant];
            var orderId = OrderIdFor(restaurant, seqStart[p.Restaurant] + p.Index - firstKept[p.Restaurant]);
            var rng = new Rng(Hash.Mix(ctx.Seed, input.DayKey, (ulong)p.Restaurant, (ulong)p.Index));
            AddOrder(ctx, input, p, restaurant, orderId, createdIst, items, rng, events, ref seq);
        }

        var array = events.ToArray();
        Array.Sort(array, static (a, b) => a.OccurredTicks != b.OccurredTicks ? a.OccurredTicks.CompareTo(b.OccurredTicks) : a.Seq.CompareTo(b.Seq));
        for (var i = 0; i < array.Length; i++) array[i].StreamId = firstStreamId + i;
        if (minCreatedUtc is null && array.Length != plan.EventCount)
            throw new InvalidOperationException($"Day {input.Date}: generated {array.Length} events, planned {plan.EventCount}.");
        return new DayBatch { Events = array, FirstStreamId = firstStreamId, OrdersPerRestaurant = kept };
    }

    private static void AddOrder(GenContext ctx, DayInput input, in OrderPlan p, RestaurantInfo restaurant, long orderId, DateTime createdIst,
        (RawItemName[] Names, double[] Cumulative) items, Rng rng, List<EventModel> events, ref int seq)
    {
        var businessDate = input.Date;
        var draft = OrderFactory.NewDraft(ctx, p, restaurant, orderId, createdIst, businessDate, items, rng);
        var firstStatus = p.Lifecycle switch
        {
            Lifecycle.CancelDirect => "Cancelled",
            Lifecycle.Complimentary => "Complimentary",
            _ => "Success",
        };
        var v1 = OrderFactory.Finalize(ctx, draft, firstStatus, 1);

        var created = Ist.ToUtc(createdIst).Ticks;
        long Sec(double seconds) => (long)(seconds * 1_000_000) * 10; // whole microseconds, like the server
        long Micro() => rng.Next(1_000_000) * 10L;

        // --- timeline -----------------------------------------------------------------------------------
        var lag = p.Channel switch
        {
            Channel.Pos => rng.Range(3, 90),
            Channel.Website => rng.Range(5, 60),
            _ => rng.Range(5, 180),
        };
        var storedAt = created + Sec(lag);
        if (rng.Chance(0.01)) lag = rng.Range(600, 3600); // a delayed webhook: its status callbacks may arrive first
        var tV1 = created + Sec(lag) + Micro();

        // Status callbacks of online delivery orders.
        var statuses = new List<(long At, StatusInfo Info)>(5);
        long lastPositive = created;
        long cancelStatusAt = 0;
        if (p.Status != StatusMask.None)
        {
            var accepted = storedAt + Sec(rng.Range(10, 150));
            var hour = createdIst.Hour;
            var evening = hour is >= 19 and <= 22;
            var prepMin = Math.Clamp(10 + 1.5 * v1.Lines.Count + rng.Range(0.0, 8.0) + (evening ? 3 : 0), 10, 25);
            var ready = accepted + Sec(prepMin * 60 + rng.Next(60));
            var dispatched = ready + Sec(rng.Range(2.0, 10.0) * 60);
            var km = draft.Customer.Locality?.DistanceKm ?? 5.0;
            var traffic = evening ? 1.3 : hour is >= 23 or < 5 ? 0.85 : 1.0;
            var rideMin = Math.Clamp(6 + 3.2 * km * traffic + rng.Range(-3.0, 6.0), 15, 45);
            var delivered = dispatched + Sec(rideMin * 60);
            var acceptCode = rng.Next(20) switch { < 17 => 1, < 19 => 2, _ => 3 };
            if ((p.Status & StatusMask.Accepted) != 0) { statuses.Add((accepted, Info(acceptCode, accepted, ""))); lastPositive = accepted; }
            if ((p.Status & StatusMask.FoodReady) != 0) { statuses.Add((ready, Info(5, ready, ""))); lastPositive = ready; }
            if ((p.Status & StatusMask.Dispatched) != 0) { statuses.Add((dispatched, Info(4, dispatched, ""))); lastPositive = dispatched; }
            if ((p.Status & StatusMask.Delivered) != 0) { statuses.Add((delivered, Info(10, delivered, ""))); lastPositive = delivered; }
            var reason = rng.Pick(CancelReasons);
            if ((p.Status & StatusMask.Cancelled) != 0)
            {
                cancelStatusAt = p.Lifecycle == Lifecycle.CancelDirect
                    ? created + Sec(rng.Range(60, 480))
                    : lastPositive + Sec(rng.Range(3, 20) * 60 + rng.Next(60));
            }
            if (cancelStatusAt != 0) statuses.Add((cancelStatusAt, Info(-1, cancelStatusAt, reason)));
        }

        // Versions: v1, optional edit, optional cancellation.
        var versions = new List<(OrderVersion Version, long At)>(3) { (v1, tV1) };
        var current = tV1;
        if (p.Edited)
        {
            var editAt = tV1 + Sec((p.Status != StatusMask.None ? rng.Range(3, 12) : rng.Range(5, 90)) * 60 + rng.Next(60)) + Micro();
            OrderFactory.Edit(draft, items, rng, ctx);
            versions.Add((OrderFactory.Finalize(ctx, draft, firstStatus, 2), editAt));
            current = editAt;
            // A cancellation callback cannot precede the edit it cancels.
            if (cancelStatusAt != 0 && cancelStatusAt <= editAt && p.Lifecycle == Lifecycle.CancelAfter)
            {
                var idx = statuses.FindIndex(s => s.Info.Code == -1);
                cancelStatusAt = editAt + Sec(rng.Range(60, 600));
                statuses[idx] = (cancelStatusAt, statuses[idx].Info with { TimestampIst = ToIst(cancelStatusAt) });
            }
        }
        if (p.Lifecycle == Lifecycle.CancelAfter)
        {
            var cancelAt = cancelStatusAt != 0
                ? cancelStatusAt + Sec(rng.Range(5, 90)) + Micro()
                : current + Sec(rng.Range(5, 120) * 60 + rng.Next(60)) + Micro();
            versions.Add((OrderFactory.Finalize(ctx, draft, "Cancelled", versions.Count + 1), cancelAt));
        }

        // --- events -------------------------------------------------------------------------------------
        EventModel? firstEvent = null;
        for (var vi = 0; vi < versions.Count; vi++)
        {
            var (version, at) = versions[vi];
            var rawAsString = rng.Chance(version.Pull ? 0.15 : 0.06);
            var tokenValue = rng.Chance(0.2) ? ctx.Tokens[restaurant.Index] : "";
            var capital = version.Pull ? rng.Chance(0.85) : rng.Chance(0.05);
            var e = new EventModel
            {
                Kind = EventModelKind.Order,
                Order = version,
                OccurredTicks = at,
                Seq = seq++,
                RawAsString = rawAsString,
                Token = tokenValue,
                TokenCapitalised = capital,
            };
            events.Add(e);
            firstEvent ??= e;
            var resendAt = at;
            for (var r = 0; r < p.ResendsOf(vi + 1); r++)
            {
                resendAt += rng.Chance(0.85) ? Sec(rng.Range(20, 600)) : Sec(rng.Range(3600, 10800));
                resendAt += Micro();
                events.Add(new EventModel
                {
                    Kind = EventModelKind.Order,
                    Order = version,
                    OccurredTicks = resendAt,
                    Seq = seq++,
                    RawAsString = rawAsString,
                    Token = tokenValue,
                    TokenCapitalised = capital,
                    IsResend = true,
                });
            }
        }

        foreach (var (at, info) in statuses)
        {
            events.Add(new EventModel
            {
                Kind = EventModelKind.Status,
                Order = v1,
                Status = info,
                OccurredTicks = at + Sec(rng.Range(1, 20)) + Micro(),
                Seq = seq++,
                RawAsString = rng.Chance(0.05),
            });
        }

        if (p.Malformed && firstEvent is not null)
        {
            var kind = (MalformationKind)rng.Next(6);
            var at = tV1 + Sec(rng.Range(-(lag - 1), 300)) + Micro();
            events.Add(new EventModel
            {
                Kind = EventModelKind.Malformed,
                Order = v1,
                OccurredTicks = Math.Max(created + TicksPerSecond, at),
                Seq = seq++,
                RawAsString = firstEvent.RawAsString,
                Token = firstEvent.Token,
                TokenCapitalised = firstEvent.TokenCapitalised,
                Malformation = kind,
                MalformationDetail = rng.Range(300, 900),
            });
        }
    }

    private static StatusInfo Info(int code, long utcTicks, string reason) => new(code, ToIst(utcTicks), reason);

    private static DateTime ToIst(long utcTicks)
    {
        var ist = Ist.FromUtc(new DateTime(utcTicks, DateTimeKind.Utc));
        return new DateTime(ist.Ticks - ist.Ticks % TicksPerSecond); // whole seconds, as the callback sends them
    }
}
