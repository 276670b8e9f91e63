using System.Net;
using System.Text;
using System.Text.Json;

namespace OrderAnalytics.System.Tests;

/// <summary>The review queue end to end: an unknown name waits for review; resolving it re-processes its orders.</summary>
public sealed class ReviewTests(SystemFixture system) : IClassFixture<SystemFixture>
{
    private const string Restaurant = "review-test-outlet";
    private const string RawName = "Tiramisu Supreme House Special";

    [Fact]
    public async Task ResolveReview_UnknownItemName_BecomesMatchedAfterReprocessing()
    {
        await PostOrderAsync("80001");

        var queue = await SystemFixture.EventuallyAsync(
            async () => await system.GraphQLAsync("""
                query($r: String) { reviewQueue(restaurant: $r) { rawNames decision exampleOrderIds } }
                """, new { r = Restaurant }),
            d => d.GetProperty("reviewQueue").EnumerateArray().Any(Contains),
            TimeSpan.FromMinutes(2));
        Assert.Contains(queue.GetProperty("reviewQueue").EnumerateArray(), Contains);

        var resolved = await system.GraphQLAsync("""
            mutation { resolveReview(rawName: "Tiramisu Supreme House Special", menuItem: "Classic Tiramisu", variant: "1_PIECE") {
              normalisedName ordersToReprocess } }
            """);
        Assert.Equal(1, resolved.GetProperty("resolveReview").GetProperty("ordersToReprocess").GetInt64());

        // The cleaner reloads the alias and re-runs the order's raw event; the queue no longer holds the name.
        var after = await SystemFixture.EventuallyAsync(
            async () => await system.GraphQLAsync("""
                query($r: String) { reviewQueue(restaurant: $r) { rawNames } }
                """, new { r = Restaurant }),
            d => !d.GetProperty("reviewQueue").EnumerateArray().Any(Contains),
            TimeSpan.FromMinutes(2));
        Assert.DoesNotContain(after.GetProperty("reviewQueue").EnumerateArray(), Contains);
    }

    private static bool Contains(JsonElement row) =>
        row.GetProperty("rawNames").EnumerateArray().Any(n => n.GetString() == RawName);

    private async Task PostOrderAsync(string orderId)
    {
        var body = $$"""
            {"event":"orderdetails","token":"","properties":{
              "Restaurant":{"restID":"{{Restaurant}}","res_name":"Review outlet"},
              "Order":{"orderID":{{orderId}},"total":400,"core_total":400,"tax_total":0,"discount_total":0,"delivery_charges":0,
                       "packaging_charge":0,"service_charge":0,"round_off":"0","created_on":"2026-03-01 19:30:00",
                       "order_type":"Dine In","order_from":"POS","payment_type":"Cash","status":"Success"},
              "OrderItem":[{"itemid":1,"name":"{{RawName}}","quantity":1,"price":400,"total":400,"tax":0,"discount":0}]} }
            """;
        using var webhook = system.Client("webhook");
        using var post = new HttpRequestMessage(HttpMethod.Post, "/webhooks/petpooja")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        post.Headers.Add("X-API-Key", SystemFixture.WebhookKey);
        Assert.Equal(HttpStatusCode.Accepted, (await webhook.SendAsync(post)).StatusCode);
    }
}
