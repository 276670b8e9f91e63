using System.Text.Json;

namespace OrderAnalytics.Simulation.Tests;

public class LiveTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 9, 13, 45, 0, TimeSpan.Zero); // 19:15 IST

    [Fact]
    public void Live_Events_ContinueStreamIdsAfterTheBackfill()
    {
        var stream = new OrderStream(Streams.Small(days: 10));

        var live = stream.Live(Start).Take(300).ToList();

        Assert.Equal(Enumerable.Range(1, 300).Select(i => stream.LastStreamId + i), live.Select(e => e.StreamId));
        foreach (var e in live)
            Assert.Equal(e.StreamId, JsonDocument.Parse(e.Json).RootElement.GetProperty("stream_id").GetInt64());
    }

    [Fact]
    public void Live_SameStart_IsDeterministic()
    {
        var a = new OrderStream(Streams.Small(days: 10)).Live(Start, scale: 5).Take(400).Select(e => e.Json).ToList();
        var b = new OrderStream(Streams.Small(days: 10)).Live(Start, scale: 5).Take(400).Select(e => e.Json).ToList();

        Assert.Equal(a, b);
    }

    [Fact]
    public void Live_Orders_AreNewAndCreatedAfterTheStart()
    {
        var stream = new OrderStream(Streams.Small(days: 10));
        var backfillIds = stream.Truth().Orders.Keys.Select(k => k.OrderId).ToHashSet();

        var live = stream.Live(Start, scale: 20).Take(2000).ToList();

        var startIst = Start.UtcDateTime.AddHours(5.5);
        Assert.All(live, e => Assert.True(e.Facts.CreatedOn >= startIst));
        Assert.All(live, e => Assert.DoesNotContain(e.Facts.OrderId, backfillIds));
        Assert.True(live.Zip(live.Skip(1)).All(p => p.First.Facts.OccurredAt <= p.Second.Facts.OccurredAt));
        Assert.Contains(live, e => e.Facts.Kind == SimulatedEventKind.OrderStatus);
        var firstId = live.Where(e => e.Facts.Kind == SimulatedEventKind.OrderDetails).Min(e => long.Parse(e.Facts.OrderId, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(stream.OrdersIssued(0) + 1, firstId);
    }

    [Fact]
    public void Live_InvalidScale_Throws()
    {
        var stream = new OrderStream(Streams.Small(days: 1));

        Assert.Throws<ArgumentOutOfRangeException>(() => stream.Live(Start, scale: 0));
    }
}
