using Xunit.Abstractions;

namespace OrderAnalytics.System.Tests;

/// <summary>The loader dies (SIGKILL) in the middle of a backfill of about 10,000 orders and is started again.</summary>
[Collection(FaultCollection.Name)]
public sealed class LoaderCrashFaultTests(BackfillFaultFixture system, ITestOutputHelper output) : IClassFixture<BackfillFaultFixture>
{
    [Fact]
    public async Task Backfill_LoaderKilledMidway_LoadsEveryOrderExactlyOnce()
    {
        var truth = await system.TruthAsync();
        Assert.InRange(truth.Orders, 9_000, 11_000);
        // Paced upstream pages keep the backfill going for a while, so the kill lands mid-way whatever the machine's speed.
        await system.SetUpstreamDelayAsync(TimeSpan.FromMilliseconds(100));
        await system.StartFullBackfillAsync();

        var beforeKill = await SystemFixture.EventuallyAsync(system.IngestionAsync, c => c.Orders >= truth.Orders / 5,
            TimeSpan.FromMinutes(3), TimeSpan.FromMilliseconds(200));
        var crashed = system.App.ProcessId("loader");
        await system.App.KillAsync("loader");
        var afterKill = await system.IngestionAsync();
        output.WriteLine($"loader killed at {beforeKill}; stored when it was down: {afterKill}");
        // A kill after the last order would prove nothing.
        Assert.InRange(afterKill.Orders, 1, truth.Orders - 1);

        await system.App.StartAsync("loader");
        Assert.NotEqual(crashed, system.App.ProcessId("loader"));
        await system.SetUpstreamDelayAsync(TimeSpan.Zero);
        var landed = await system.AssertBackfillLandedAsync(truth, TimeSpan.FromMinutes(4));
        output.WriteLine($"after the restart: {landed}");
    }
}
