namespace OrderAnalytics.Simulation.Tests;

public class OrderStreamTests
{
    [Fact]
    public void GetPage_SameSeed_ReturnsIdenticalPages()
    {
        var a = new OrderStream(Streams.Small(days: 30));
        var b = new OrderStream(Streams.Small(days: 30));

        Assert.Equal(a.LastStreamId, b.LastStreamId);
        foreach (var cursor in new long[] { 0, 137, a.LastStreamId / 2, a.LastStreamId - 3 })
        {
            var pa = a.GetPage(cursor, 500);
            var pb = b.GetPage(cursor, 500);
            Assert.Equal(pa.Select(e => e.Json), pb.Select(e => e.Json));
        }
    }

    [Fact]
    public void GetPage_DifferentSeed_ReturnsDifferentEvents()
    {
        var a = new OrderStream(Streams.Small(seed: 1)).GetPage(10, 50);
        var b = new OrderStream(Streams.Small(seed: 2)).GetPage(10, 50);

        Assert.NotEqual(a.Select(e => e.Json), b.Select(e => e.Json));
    }

    [Fact]
    public void GetPage_RandomAccess_MatchesSequentialRead()
    {
        var options = Streams.Small(days: 15);
        var sequential = new OrderStream(options).ReadAll(pageSize: 500).ToList();
        var fresh = new OrderStream(options);

        // Jump around (cold days, mid-day cursors, day boundaries) with a brand-new stream.
        foreach (var cursor in new long[] { 900, 3, sequential.Count - 1, 451, 0 })
        {
            var page = fresh.GetPage(cursor, 77);
            Assert.Equal(sequential.Skip((int)cursor).Take(77).Select(e => e.Json), page.Select(e => e.Json));
        }
    }

    [Fact]
    public void GetPage_WalkingAllPages_ReturnsEveryStreamIdOnceAscending()
    {
        var stream = new OrderStream(Streams.Small(days: 25));
        long cursor = 0;
        long expected = 1;
        var pages = 0;
        while (true)
        {
            var page = stream.GetPage(cursor, 173);
            if (page.Count == 0) break;
            pages++;
            Assert.True(page.Count <= 173);
            foreach (var e in page)
            {
                Assert.Equal(expected++, e.StreamId);
                Assert.Contains($"\"stream_id\":{e.StreamId},", e.Json, StringComparison.Ordinal);
            }
            if (page.Count < 173) Assert.Equal(stream.LastStreamId, page[^1].StreamId);
            cursor = page[^1].StreamId;
        }

        Assert.Equal(stream.LastStreamId + 1, expected);
        Assert.Equal(stream.TotalEvents, stream.LastStreamId);
        Assert.Equal((stream.TotalEvents + 172) / 173, pages);
    }

    [Fact]
    public void GetPage_CursorAtOrBeyondEnd_ReturnsEmpty()
    {
        var stream = new OrderStream(Streams.Small(days: 5));

        Assert.Empty(stream.GetPage(stream.LastStreamId, 500));
        Assert.Empty(stream.GetPage(stream.LastStreamId + 1000, 500));
        Assert.Single(stream.GetPage(stream.LastStreamId - 1, 500));
    }

    [Fact]
    public void GetPage_LimitAboveMax_ClampsTo500()
    {
        var stream = new OrderStream(Streams.Small(days: 40));

        Assert.True(stream.LastStreamId > 600);
        Assert.Equal(OrderStream.MaxPageSize, stream.GetPage(0, 10_000).Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void GetPage_LimitNotPositive_ReturnsEmpty(int limit)
    {
        Assert.Empty(new OrderStream(Streams.Small(days: 3)).GetPage(0, limit));
    }

    [Fact]
    public void GetPage_NegativeCursor_StartsAtFirstEvent()
    {
        var page = new OrderStream(Streams.Small(days: 3)).GetPage(-42, 3);

        Assert.Equal([1L, 2L, 3L], page.Select(e => e.StreamId));
    }

    [Fact]
    public void GetPage_ConcurrentReaders_SeeTheSameEvents()
    {
        var options = Streams.Small(days: 30);
        var expected = new OrderStream(options).ReadAll().Select(e => e.Json).ToList();
        var shared = new OrderStream(options);
        var results = new List<string>[4];

        Parallel.For(0, results.Length, i => results[i] = shared.ReadAll(pageSize: 100 + i * 50).Select(e => e.Json).ToList());

        foreach (var r in results) Assert.Equal(expected, r);
    }

    [Fact]
    public void Constructor_ZeroDays_ServesNothing()
    {
        var stream = new OrderStream(new SimulationOptions { Days = 0 });

        Assert.Equal(0, stream.LastStreamId);
        Assert.Empty(stream.GetPage(0, 10));
        Assert.Equal(0, stream.Truth().TotalEvents);
    }

    [Theory]
    [InlineData(-1, 1.0, 1, 0.002)]
    [InlineData(10, 0.0, 1, 0.002)]
    [InlineData(10, 1.0, 0, 0.002)]
    [InlineData(10, 1.0, 1, -0.1)]
    public void Constructor_InvalidOptions_Throws(int days, double scale, int restaurants, double malformed)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OrderStream(new SimulationOptions
        {
            Days = days,
            Scale = scale,
            Restaurants = restaurants,
            MalformedRate = malformed,
        }));
    }

    [Fact]
    public void ReadAll_FromCursor_ReturnsTheRest()
    {
        var stream = new OrderStream(Streams.Small(days: 4));

        var rest = stream.ReadAll(cursorExclusive: 10, pageSize: 7).ToList();

        Assert.Equal(stream.LastStreamId - 10, rest.Count);
        Assert.Equal(11, rest[0].StreamId);
    }
}
