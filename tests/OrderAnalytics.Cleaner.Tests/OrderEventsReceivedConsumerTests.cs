using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using OrderAnalytics.Cleaner;
using OrderAnalytics.Contracts;
using OrderAnalytics.Matching;
using OrderAnalytics.Orders;
using OrderAnalytics.Simulation;

namespace OrderAnalytics.Cleaner.Tests;

/// <summary>The cleaner's consumer under MassTransit's in-memory test harness: one outcome per event, items matched.</summary>
public sealed class OrderEventsReceivedConsumerTests : IAsyncLifetime
{
    private ServiceProvider _provider = null!;
    private ITestHarness _harness = null!;

    public async Task InitializeAsync()
    {
        var menu = OrderAnalytics.Matching.MenuCatalog.Load(Path.Combine(AppContext.BaseDirectory, "data", "cleaned_menu.csv"));
        _provider = new ServiceCollection()
            .AddSingleton(new OrderEventProcessor())
            .AddSingleton(menu)
            // The alias refresh is not exercised here; the data source is never opened.
            .AddSingleton(NpgsqlDataSource.Create("Host=unused"))
            .AddSingleton<MatcherProvider>()
            .AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>))
            .AddSingleton<EventCleaning>()
            .AddMassTransitTestHarness(bus => bus.AddConsumer<OrderEventsReceivedConsumer>())
            .BuildServiceProvider(validateScopes: true);
        _harness = _provider.GetRequiredService<ITestHarness>();
        await _harness.Start();
    }

    [Fact]
    public async Task Consume_SimulatedPage_PublishesOneOutcomePerEvent()
    {
        var stream = new OrderStream(new SimulationOptions { Days = 5, MalformedRate = 0.05 });
        var raws = stream.GetPage(0, 300)
            .Select(e => new RawOrderEvent($"e{e.StreamId}", e.StreamId, EventSources.Backfill, DateTimeOffset.UtcNow, e.Json))
            .ToList();

        await _harness.Bus.Publish(new OrderEventsReceived(Guid.NewGuid(), raws));

        Assert.True(await _harness.Consumed.Any<OrderEventsReceived>());
        var published = _harness.Published.Select<OrderEventsCleaned>().Single().Context.Message;
        Assert.Equal(raws.Select(r => r.EventId), published.Events.Select(e => e.Raw.EventId));
        Assert.All(published.Events, e => Assert.Contains(e.Outcome,
            new[] { EventOutcomes.Order, EventOutcomes.Status, EventOutcomes.Quarantined, EventOutcomes.Ignored }));
        Assert.Contains(published.Events, e => e.Outcome == EventOutcomes.Quarantined && !string.IsNullOrEmpty(e.Reason));
        Assert.Contains(published.Events, e => e.Outcome == EventOutcomes.Status);

        var items = published.Events.Where(e => e.Order is not null).SelectMany(e => e.Order!.Items).ToList();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.NotNull(i.Match));
        // The real names are matched almost always; the review queue is for the rare doubtful one.
        Assert.True(items.Count(i => i.Match!.Decision == MatchDecision.Matched) > items.Count * 0.9,
            $"only {items.Count(i => i.Match!.Decision == MatchDecision.Matched)} of {items.Count} items matched");
    }

    [Fact]
    public async Task Consume_MalformedEvent_QuarantinesWithReasonAndKeepsTheRest()
    {
        var good = new OrderStream(new SimulationOptions { Days = 1, MalformedRate = 0 }).GetPage(0, 1)[0];
        var raws = new List<RawOrderEvent>
        {
            new("bad-1", 1, EventSources.Webhook, DateTimeOffset.UtcNow, "{\"stream_id\": 1, \"raw_event\": "),
            new("good-1", good.StreamId, EventSources.Webhook, DateTimeOffset.UtcNow, good.Json),
        };

        await _harness.Bus.Publish(new OrderEventsReceived(Guid.NewGuid(), raws));

        Assert.True(await _harness.Published.Any<OrderEventsCleaned>());
        var events = _harness.Published.Select<OrderEventsCleaned>().Single().Context.Message.Events;
        var bad = Assert.Single(events, e => e.Raw.EventId == "bad-1");
        Assert.Equal(EventOutcomes.Quarantined, bad.Outcome);
        Assert.False(string.IsNullOrWhiteSpace(bad.Reason));
        Assert.NotEqual(EventOutcomes.Quarantined, Assert.Single(events, e => e.Raw.EventId == "good-1").Outcome);
    }

    public async Task DisposeAsync()
    {
        await _harness.Stop();
        await _provider.DisposeAsync();
    }
}
