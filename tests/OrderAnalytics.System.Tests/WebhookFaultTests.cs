using System.Net;
using Xunit.Abstractions;

namespace OrderAnalytics.System.Tests;

/// <summary>
/// Webhooks through the running receiver, cleaner and loader: duplicates, versions out of order; and PostgreSQL down
/// while webhooks arrive and a (small) backfill runs.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class WebhookFaultTests(WebhookFaultFixture system, ITestOutputHelper output) : IClassFixture<WebhookFaultFixture>
{
    private static readonly TimeSpan Landing = TimeSpan.FromMinutes(2);

    private const string OrdersOf = """
        SELECT count(*) FROM orders o JOIN restaurants r ON r.restaurant_id = o.restaurant_id WHERE r.petpooja_restid = $1
        """;
    private const string VersionOf = """
        SELECT o.version FROM orders o JOIN restaurants r ON r.restaurant_id = o.restaurant_id
        WHERE r.petpooja_restid = $1 AND o.order_id = $2
        """;
    private const string TotalOf = """
        SELECT o.total FROM orders o JOIN restaurants r ON r.restaurant_id = o.restaurant_id
        WHERE r.petpooja_restid = $1 AND o.order_id = $2
        """;
    private const string Landed = "SELECT count(*) FROM raw_events WHERE event_id = ANY($1)";
    private const string LandedAsOrders = "SELECT count(*) FROM raw_events WHERE event_id = ANY($1) AND outcome = 'order'";
    private const string Parked = "SELECT count(*) FROM review_items WHERE kind = 'fault' AND event_id = ANY($1)";
    private const string BackfillEvents = "SELECT count(*) FROM raw_events WHERE source = 'backfill'";
    private const string BackfilledOrders = """
        SELECT count(*) FROM orders o JOIN restaurants r ON r.restaurant_id = o.restaurant_id
        WHERE r.petpooja_restid IN (SELECT restaurant_ref FROM raw_events WHERE source = 'backfill')
        """;

    [Fact]
    public async Task SameWebhook_PostedThreeTimesConcurrently_StoresOneOrder()
    {
        const string restaurant = "duplicate-outlet";
        var body = WebhookBodies.Callback(restaurant, 91001, 360m);

        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => system.PostWebhookAsync(body)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Accepted, a.Status));
        var eventIds = answers.SelectMany(a => a.EventIds).Distinct().ToArray();
        Assert.Single(eventIds);   // a retried callback is recognised by its content
        await SystemFixture.EventuallyAsync(() => system.CountAsync(Landed, [eventIds]), n => n == 1, Landing);
        Assert.Equal(1, await system.CountAsync(LandedAsOrders, [eventIds]));
        Assert.Equal(1, await system.CountAsync(OrdersOf, restaurant));
        Assert.Equal(0, await system.CountAsync(Parked, [eventIds]));
    }

    [Fact]
    public async Task OrderVersions_NewerDeliveredFirst_NewerStays()
    {
        const string restaurant = "version-outlet";
        const long orderId = 92001, olderVersion = 2_000_001, newerVersion = 2_000_002;
        var newer = WebhookBodies.Envelope(restaurant, orderId, 500m, newerVersion, Guid.NewGuid().ToString());
        var older = WebhookBodies.Envelope(restaurant, orderId, 400m, olderVersion, Guid.NewGuid().ToString());

        var first = await system.PostWebhookAsync(newer);
        Assert.Equal(HttpStatusCode.Accepted, first.Status);
        await SystemFixture.EventuallyAsync(() => system.ScalarAsync<long?>(VersionOf, restaurant, orderId.ToString()),
            v => v == newerVersion, Landing);
        var second = await system.PostWebhookAsync(older);
        Assert.Equal(HttpStatusCode.Accepted, second.Status);
        // Once the older event has its outcome, the loader has made its decision about the order.
        var both = first.EventIds.Concat(second.EventIds).ToArray();
        await SystemFixture.EventuallyAsync(() => system.CountAsync(Landed, [both]), n => n == 2, Landing);

        Assert.Equal(2, await system.CountAsync(LandedAsOrders, [both]));
        Assert.Equal(newerVersion, await system.ScalarAsync<long?>(VersionOf, restaurant, orderId.ToString()));
        Assert.Equal(500m, await system.ScalarAsync<decimal?>(TotalOf, restaurant, orderId.ToString()));
        Assert.Equal(1, await system.CountAsync(OrdersOf, restaurant));
    }

    [Fact]
    public async Task Ingestion_WhileDatabaseIsDown_LandsAfterItRecovers()
    {
        const string restaurant = "outage-outlet";
        const int orders = 20;
        var truth = await system.TruthAsync();

        await system.App.StopAsync("postgres");
        // The receiver needs only the broker: every order is accepted while the store is down.
        var answers = await Task.WhenAll(Enumerable.Range(1, orders)
            .Select(i => system.PostWebhookAsync(WebhookBodies.Callback(restaurant, 93000 + i, 100m + i))));
        // The fetcher cannot read or move its checkpoint: the backfill fails and must resume by itself.
        await system.StartFullBackfillAsync();
        // The outage outlasts the consumers' retry budget several times over: events must wait, not give up.
        await Task.Delay(WebhookFaultFixture.RetryBudget * 5);
        await system.App.StartAsync("postgres");

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Accepted, a.Status));
        var eventIds = answers.SelectMany(a => a.EventIds).Distinct().ToArray();
        Assert.Equal(orders, eventIds.Length);
        var landed = await SystemFixture.EventuallyAsync(() => system.CountAsync(Landed, [eventIds]), n => n == orders, Landing);
        var backfilled = await SystemFixture.EventuallyAsync(() => system.CountAsync(BackfillEvents), n => n >= truth.TotalEvents, Landing);
        output.WriteLine($"after the outage: {landed} of {orders} webhook events, {backfilled} of {truth.TotalEvents} backfill events; "
            + $"fetcher {await system.FetcherStatusAsync()}");
        // Events in = events with an outcome, none parked in an _error queue: each webhook an order, the backfill complete.
        Assert.Equal(orders, landed);
        Assert.Equal(orders, await system.CountAsync(LandedAsOrders, [eventIds]));
        Assert.Equal(orders, await system.CountAsync(OrdersOf, restaurant));
        Assert.Equal(truth.TotalEvents, backfilled);
        Assert.Equal(truth.Orders, await system.CountAsync(BackfilledOrders));
        Assert.Equal(0, await system.CountAsync("SELECT count(*) FROM review_items WHERE kind = 'fault'"));
    }
}
