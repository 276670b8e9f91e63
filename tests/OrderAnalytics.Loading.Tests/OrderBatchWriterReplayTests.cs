using OrderAnalytics.Contracts;
using OrderAnalytics.Simulation;
using OrderAnalytics.Testing;

namespace OrderAnalytics.Loading.Tests;

/// <summary>
/// "Replaying any multiset of events in any order gives the same final tables": a few hundred simulated events
/// (re-sends, edits, cancellations, status callbacks, malformed copies, two outlets with overlapping order ids)
/// shuffled, partly duplicated and loaded in random batch splits must dump exactly like the in-order load.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class OrderBatchWriterReplayTests(PostgresServer server)
{
    private static readonly SimulationOptions Options = new()
    {
        Days = 5, Restaurants = 2, Scale = 0.6, EditRate = 0.15, CancelRate = 0.1, ResendRate = 0.1, MalformedRate = 0.02,
    };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task WriteAsync_ShuffledDuplicatedEventsInRandomBatches_GiveTheInOrderTables(int seed)
    {
        var (_, events) = SimulatedEvents.Load(Options);
        Assert.InRange(events.Count, 200, 2000);
        var expected = await InOrderDumpAsync(events);

        var random = new Random(seed);
        await using var db = await LoaderDatabase.CreateAsync(server);
        var shuffled = SimulatedEvents.Multiset(events, random);
        await db.WriteInRandomBatchesAsync(shuffled, random);

        TableDump.AssertEqual(expected, await TableDump.CaptureAsync(db), $"seed {seed}");
    }

    [Fact]
    public async Task WriteAsync_TwoWritersLoadingOverlappingBatchesInParallel_GiveTheInOrderTables()
    {
        var (_, events) = SimulatedEvents.Load(Options);
        var expected = await InOrderDumpAsync(events);

        await using var db = await LoaderDatabase.CreateAsync(server);
        // Each event goes to one writer or both (most to both, so many orders are written by both at once);
        // each writer has its share in its own random order, with a few duplicates.
        var random = new Random(7);
        var shares = new[] { new List<CleanedEvent>(), new List<CleanedEvent>() };
        foreach (var e in events)
        {
            var both = random.NextDouble() < 0.7;
            var one = random.Next(2);
            shares[one].Add(e);
            if (both) shares[1 - one].Add(e);
        }
        var loads = shares.Select(share =>
        {
            var writer = db.NewWriter();
            var mine = SimulatedEvents.Multiset(share, random);
            return Task.Run(() => db.WriteInBatchesAsync(mine, 40, writer));
        }).ToList();
        await Task.WhenAll(loads);

        TableDump.AssertEqual(expected, await TableDump.CaptureAsync(db), "two parallel writers");
    }

    private async Task<Dictionary<string, List<string>>> InOrderDumpAsync(IReadOnlyList<CleanedEvent> events)
    {
        await using var db = await LoaderDatabase.CreateAsync(server);
        await db.WriteInBatchesAsync(events, 50);
        return await TableDump.CaptureAsync(db);
    }
}
