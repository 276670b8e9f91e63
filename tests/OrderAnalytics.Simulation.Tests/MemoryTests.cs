using System.Diagnostics;
using Xunit.Abstractions;

namespace OrderAnalytics.Simulation.Tests;

/// <summary>Runs alone (after the parallel tests) so the process heap it measures is its own.</summary>
[CollectionDefinition(nameof(MemoryTests), DisableParallelization = true)]
public class MemoryTestsCollection;

[Collection(nameof(MemoryTests))]
public class MemoryTests(ITestOutputHelper output)
{
    /// <summary>
    /// 300K+ orders paged through the public API (status events off to keep the test short): the
    /// stream only keeps its index and a few cached days, so managed memory stays small.
    /// </summary>
    [Fact]
    public void GetPage_300kOrders_KeepsManagedMemoryBounded()
    {
        var stream = new OrderStream(new SimulationOptions { Scale = 30, IncludeStatusEvents = false });
        var sw = Stopwatch.StartNew();
        long cursor = 0, orders = 0, maxManaged = 0, pages = 0;
        while (true)
        {
            var page = stream.GetPage(cursor, OrderStream.MaxPageSize);
            if (page.Count == 0) break;
            foreach (var e in page)
            {
                if (e.Facts is { Kind: SimulatedEventKind.OrderDetails, Version: 1, IsResend: false }) orders++;
            }
            cursor = page[^1].StreamId;
            if (++pages % 100 == 0) maxManaged = Math.Max(maxManaged, GC.GetTotalMemory(forceFullCollection: true));
        }
        var after = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine($"{orders:N0} orders, {stream.TotalEvents:N0} events in {sw.Elapsed.TotalSeconds:F1} s; max managed {maxManaged / 1048576.0:F1} MB, after {after / 1048576.0:F1} MB");

        Assert.True(orders >= 300_000, $"{orders} orders");
        Assert.True(maxManaged < 200L * 1024 * 1024, $"max managed {maxManaged / 1048576.0:F1} MB");
        Assert.True(after < 200L * 1024 * 1024);
    }
}
