namespace OrderAnalytics.Simulation.Tests;

public class UpstreamFeedTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 4, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void GetPage_AcrossBackfillAndLive_IsGapFreeAndAscending()
    {
        var stream = new OrderStream(Streams.Small(days: 3));
        var feed = new UpstreamFeed(stream);
        foreach (var e in stream.Live(Start, scale: 10).Take(120)) feed.Append(e);

        var all = new List<SimulatedEvent>();
        long cursor = 0;
        while (feed.GetPage(cursor, 37) is { Count: > 0 } page)
        {
            all.AddRange(page);
            cursor = page[^1].StreamId;
        }

        Assert.Equal(stream.LastStreamId + 120, feed.LastStreamId);
        Assert.Equal(Enumerable.Range(1, (int)feed.LastStreamId).Select(i => (long)i), all.Select(e => e.StreamId));
        Assert.Empty(feed.GetPage(feed.LastStreamId, 10));
    }

    [Fact]
    public void Append_OutOfOrderStreamId_Throws()
    {
        var stream = new OrderStream(Streams.Small(days: 2));
        var feed = new UpstreamFeed(stream);
        var live = stream.Live(Start).Take(2).ToList();

        Assert.Throws<ArgumentException>(() => feed.Append(live[1]));
        feed.Append(live[0]);
        Assert.Throws<ArgumentException>(() => feed.Append(live[0]));
    }
}
