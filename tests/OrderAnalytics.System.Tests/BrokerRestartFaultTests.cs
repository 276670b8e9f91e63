using Xunit.Abstractions;

namespace OrderAnalytics.System.Tests;

/// <summary>RabbitMQ stops and starts again while a backfill of about 10,000 orders is being fetched and loaded.</summary>
[Collection(FaultCollection.Name)]
public sealed class BrokerRestartFaultTests(BackfillFaultFixture system, ITestOutputHelper output) : IClassFixture<BackfillFaultFixture>
{
    [Fact]
    public async Task Backfill_BrokerRestartedMidway_LosesNothing()
    {
        var truth = await system.TruthAsync();
        await system.SetUpstreamDelayAsync(TimeSpan.FromMilliseconds(100));
        await system.StartFullBackfillAsync();

        // Mid-way for every service: the fetcher still has pages to publish, the cleaner and loader messages to take.
        var fetched = await SystemFixture.EventuallyAsync(system.FetcherStatusAsync, s => s.EventsFetched >= truth.TotalEvents / 4,
            TimeSpan.FromMinutes(3), TimeSpan.FromMilliseconds(200));
        await system.App.StopAsync("rabbitmq");
        var whileDown = await system.IngestionAsync();
        output.WriteLine($"broker stopped after {fetched.EventsFetched} events fetched; stored then: {whileDown}");
        Assert.InRange(fetched.EventsFetched, 1, truth.TotalEvents - 1);
        Assert.InRange(whileDown.Orders, 0, truth.Orders - 1);

        await system.App.StartAsync("rabbitmq");
        await system.SetUpstreamDelayAsync(TimeSpan.Zero);
        var landed = await system.AssertBackfillLandedAsync(truth, TimeSpan.FromMinutes(4));
        var fetcher = await system.FetcherStatusAsync();
        output.WriteLine($"after the restart: {landed}; fetcher {fetcher}");
        output.WriteLine(await system.BrokerReportAsync());
        Assert.Equal(truth.LastStreamId, fetcher.Cursor);   // the fetcher went on to the end by itself
    }
}
