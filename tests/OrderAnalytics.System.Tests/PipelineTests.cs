using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace OrderAnalytics.System.Tests;

/// <summary>Orders travel simulator → fetcher → RabbitMQ → cleaner → loader → PostgreSQL → GraphQL, and the webhook path too.</summary>
public sealed class PipelineTests(SystemFixture system) : IClassFixture<SystemFixture>
{
    private const string DailyRevenueQuery = """
        query($restaurant: String) {
          dailyRevenue(restaurant: $restaurant) { businessDate orders revenue }
        }
        """;

    [Fact]
    public async Task DailyRevenue_AfterBackfill_EqualsSimulatorTruthForEveryDay()
    {
        using var simulator = system.Client("simulator");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/simulator/truth");
        request.Headers.Add("X-API-Key", SystemFixture.UpstreamKey);
        var truth = await (await simulator.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        var expected = truth.GetProperty("days").EnumerateArray()
            .ToDictionary(d => d.GetProperty("businessDate").GetString()!, d => d.GetProperty("revenue").GetDecimal());
        Assert.True(expected.Count >= SystemFixture.SimulatedDays - 1, $"the simulator reported {expected.Count} days");

        var actual = await SystemFixture.EventuallyAsync(
            async () => Revenue(await system.GraphQLAsync(DailyRevenueQuery)),
            days => expected.All(e => days.TryGetValue(e.Key, out var r) && r == e.Value),
            TimeSpan.FromMinutes(4));

        var mismatches = expected.Where(e => !actual.TryGetValue(e.Key, out var r) || r != e.Value)
            .Select(e => $"{e.Key}: expected {e.Value}, got {(actual.TryGetValue(e.Key, out var r) ? r : "none")}").ToList();
        Assert.True(mismatches.Count == 0, "Daily revenue differs from the simulator's truth:\n" + string.Join("\n", mismatches.Take(20)));
    }

    [Fact]
    public async Task DailyRevenue_AfterWebhookPost_ShowsTheOrder()
    {
        const string restaurant = "webhook-test-outlet";
        const decimal total = 1661m;
        var envelope = $$"""
            {"stream_id": null, "event_id": "{{Guid.NewGuid()}}", "aggregate_type": "order", "aggregate_id": "70001",
             "event_type": "orderdetails", "occurred_at": "2026-02-14T15:30:00+00:00",
             "raw_event": {"source": "petpooja", "command_id": "x", "raw_payload": {"event": "orderdetails", "token": "",
               "properties": {
                 "Restaurant": {"restID": "{{restaurant}}", "res_name": "Test Outlet", "address": "Sector 29", "contact_information": ""},
                 "Order": {"orderID": 70001, "total": {{total.ToString(CultureInfo.InvariantCulture)}}, "core_total": 1440.0, "tax_total": 241.2,
                   "discount_total": 100.0, "delivery_charges": 0.0, "packaging_charge": 80.0, "service_charge": 0, "round_off": "-0.20",
                   "created_on": "2026-02-14 21:00:00", "order_type": "Delivery", "order_from": "Zomato", "sub_order_type": "Zomato",
                   "payment_type": "Online", "status": "Success"},
                 "Customer": {"name": "Test Person", "phone": "", "address": "Sector 29, Gurgaon", "gstin": ""},
                 "OrderItem": [{"itemid": 1, "name": "Classic Tiramisu", "itemcode": "", "quantity": 4, "price": 360.0, "total": 1440.0,
                   "tax": 241.2, "discount": 100.0, "addon": [], "category_name": "Desserts"}],
                 "Tax": [{"rate": 9.0, "type": "P", "title": "CGST@9", "amount": 120.6}, {"rate": 9.0, "type": "P", "title": "SGST@9", "amount": 120.6}],
                 "Discount": [{"rate": 0, "type": "F", "title": "Special Discount", "amount": 100.0}] } } } }
            """;
        using var webhook = system.Client("webhook");
        using var post = new HttpRequestMessage(HttpMethod.Post, "/webhooks/petpooja")
        {
            Content = new StringContent(envelope, Encoding.UTF8, "application/json"),
        };
        post.Headers.Add("X-API-Key", SystemFixture.WebhookKey);
        var response = await webhook.SendAsync(post);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var days = await SystemFixture.EventuallyAsync(
            async () => Revenue(await system.GraphQLAsync(DailyRevenueQuery, new { restaurant })),
            d => d.ContainsKey("2026-02-14"),
            TimeSpan.FromMinutes(2));
        Assert.Equal(total, Assert.Contains("2026-02-14", days));
    }

    [Fact]
    public async Task Webhook_WithWrongKey_IsRejected()
    {
        using var webhook = system.Client("webhook");
        using var post = new HttpRequestMessage(HttpMethod.Post, "/webhooks/petpooja")
        {
            Content = new StringContent("""{"event":"orderdetails","token":"nope","properties":{"Order":{"orderID":1}}}""", Encoding.UTF8, "application/json"),
        };
        post.Headers.Add("X-API-Key", "not-a-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await webhook.SendAsync(post)).StatusCode);
    }

    [Fact]
    public async Task GraphQL_WithoutKey_IsUnauthorized()
    {
        using var client = system.Client("analytics");
        var response = await client.PostAsJsonAsync("/graphql", new { query = "{ ingestionStatus { orders } }" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static Dictionary<string, decimal> Revenue(JsonElement data) =>
        data.GetProperty("dailyRevenue").EnumerateArray()
            .ToDictionary(d => d.GetProperty("businessDate").GetString()!, d => d.GetProperty("revenue").GetDecimal());
}
