using System.Net;
using System.Security.Claims;
using System.Text.Json;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderAnalytics.Analytics.GraphQL;

namespace OrderAnalytics.Analytics.Tests;

[Collection(AnalyticsCollection.Name)]
public sealed class OrderQueriesTests(AnalyticsFixture fx)
{
    private const string OrderFields = """
        restaurant orderId businessDate createdOn status channel orderType paymentType coreTotal discountTotal taxTotal total
        items { lineNo name quantity totalPrice matchDecision menuItemName variant addons { name quantity price } }
        taxes { title amount } discounts { title amount } partPayments { paymentType amount } qualityFlags { code }
        """;

    [Fact]
    public async Task Order_ByRestaurantAndId_ReturnsTheLatestVersion()
    {
        // An order that was edited or cancelled after its first version: the stored one must be the last.
        var truth = fx.Stream.Truth().Orders.Values.First(o => o.Versions > 1 && !o.IsTestOrder);
        var data = await fx.DataAsync($$"""query ($r: String, $id: String!) { order(restaurant: $r, orderId: $id) { {{OrderFields}} } }""",
            new { r = truth.RestaurantRef, id = truth.OrderId });

        var order = data.GetProperty("order");
        Assert.Equal((truth.RestaurantRef, truth.OrderId, truth.Status, truth.Total, truth.BusinessDate.ToString("yyyy-MM-dd")),
            (order.Str("restaurant"), order.Str("orderId"), order.Str("status"), order.Dec("total"), order.Str("businessDate")));
        Assert.Equal(truth.CreatedOn.ToString("yyyy-MM-dd HH:mm:ss"), order.Str("createdOn"));
        Assert.NotEmpty(order.Items("items"));
        Assert.Equal(order.Dec("coreTotal"), order.Items("items").Sum(i => i.Dec("totalPrice")));
        Assert.Equal(order.Dec("taxTotal"), order.Items("taxes").Sum(t => t.Dec("amount")));
    }

    [Fact]
    public async Task Order_IdOfTwoRestaurantsWithoutRestaurant_IsAnAmbiguityError()
    {
        var shared = fx.Stream.Truth().Orders.Keys.GroupBy(k => k.OrderId).First(g => g.Count() > 1).Key;

        var (status, body) = await fx.PostAsync("query ($id: String!) { order(orderId: $id) { orderId } }", new { id = shared });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("ambiguous", body!.Value.GetProperty("errors")[0].Str("message"));

        var missing = await fx.DataAsync("""{ order(orderId: "no-such-order") { orderId } }""");
        Assert.Equal(JsonValueKind.Null, missing.GetProperty("order").ValueKind);
    }

    [Fact]
    public async Task Orders_PagedThroughARange_VisitsEveryOrderOnceInOrder()
    {
        const string query = """
            query ($after: String) {
              orders(from: "2025-02-03", to: "2025-02-09", first: 100, after: $after) {
                totalCount pageInfo { hasNextPage endCursor } edges { cursor node { restaurant orderId businessDate createdOn total } } } }
            """;
        var seen = new List<JsonElement>();
        string? after = null;
        long? total = null;
        for (var page = 0; page < 50; page++)
        {
            var orders = (await fx.DataAsync(query, new { after })).GetProperty("orders");
            total ??= orders.Long("totalCount");
            var edges = orders.Items("edges").ToList();
            Assert.InRange(edges.Count, 1, 100);
            seen.AddRange(edges.Select(e => e.GetProperty("node")));
            Assert.Equal(edges[^1].Str("cursor"), orders.GetProperty("pageInfo").Str("endCursor"));
            if (!orders.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean()) break;
            after = orders.GetProperty("pageInfo").Str("endCursor");
        }

        var truth = fx.Stream.Truth().Orders.Values
            .Where(o => !o.IsTestOrder && o.BusinessDate >= new DateOnly(2025, 2, 3) && o.BusinessDate <= new DateOnly(2025, 2, 9)).ToList();
        Assert.Equal(truth.Count, total);
        Assert.Equal(truth.Count, seen.Count);
        Assert.Equal(truth.Count, seen.Select(s => (s.Str("restaurant"), s.Str("orderId"))).Distinct().Count());
        var keys = seen.Select(s => s.Str("businessDate") + " " + s.Str("createdOn")).ToList();
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        Assert.Equal(truth.Sum(o => o.Total), seen.Sum(s => s.Dec("total")));
    }

    [Fact]
    public async Task Orders_PageSizeAboveMaximumOrBadCursor_AreRejected()
    {
        var (_, tooBig) = await fx.PostAsync("{ orders(first: 101) { edges { cursor } } }");
        Assert.Contains("first must be between 1 and 100", tooBig!.Value.GetProperty("errors")[0].Str("message"));

        var (_, badCursor) = await fx.PostAsync("""{ orders(after: "not-a-cursor") { edges { cursor } } }""");
        Assert.Contains("not a cursor", badCursor!.Value.GetProperty("errors")[0].Str("message"));
    }

    [Fact]
    public async Task Orders_PageWithChildren_LoadsEachChildKindInOneQuery()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(fx.DataSource);
        services.AddAnalyticsApi(new ConfigurationBuilder().Build());
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();

        var result = await provider.GetRequiredService<IDocumentExecuter>().ExecuteAsync(new ExecutionOptions
        {
            Schema = provider.GetRequiredService<ISchema>(),
            Query = $$"""{ orders(first: 100, from: "2025-02-10") { nodes { {{OrderFields}} customer { pseudonym } } } }""",
            RequestServices = scope.ServiceProvider,
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Analyst)], "test")),
        });

        Assert.Null(result.Errors);
        var loaders = scope.ServiceProvider.GetRequiredService<OrderLoaders>();
        Assert.Equal((1, 1, 1, 1, 1, 1, 1), (loaders.Lines.Fetches, loaders.Addons.Fetches, loaders.Taxes.Fetches, loaders.Discounts.Fetches,
            loaders.PartPayments.Fetches, loaders.Flags.Fetches, loaders.Customers.Fetches));
    }

    [Fact]
    public async Task Order_CustomerPersonalFields_OnlyForAdmin()
    {
        var withCustomer = fx.Stream.Truth().Orders.Values.First(o => o is { Phone: not null, IsTestOrder: false });
        var variables = new { r = withCustomer.RestaurantRef, id = withCustomer.OrderId };

        var analyst = await fx.DataAsync("query ($r: String, $id: String!) { order(restaurant: $r, orderId: $id) { customer { pseudonym locality } } }", variables);
        Assert.StartsWith("c_", analyst.GetProperty("order").GetProperty("customer").Str("pseudonym"));

        var (status, denied) = await fx.PostAsync(
            "query ($r: String, $id: String!) { order(restaurant: $r, orderId: $id) { customer { pseudonym name phone address } } }", variables);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var errors = denied!.Value.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(3, errors.Count);
        Assert.All(errors, e => Assert.Equal(RoleAuthorizationRule.ErrorCode, e.GetProperty("extensions").Str("code")));
        Assert.False(denied.Value.TryGetProperty("data", out var data) && data.ValueKind != JsonValueKind.Null, "nothing is resolved");

        var admin = await fx.DataAsync("query ($r: String, $id: String!) { order(restaurant: $r, orderId: $id) { customer { pseudonym name phone } } }",
            variables, AnalyticsFixture.AdminKey);
        var customer = admin.GetProperty("order").GetProperty("customer");
        Assert.EndsWith(withCustomer.Phone!, customer.Str("phone"));
        Assert.False(string.IsNullOrEmpty(customer.Str("name")));
    }

    [Fact]
    public async Task Customer_PersonalFieldResolvedWithoutAdminRole_IsNullWithAnError()
    {
        // Defence in depth: with the validation rule bypassed, the resolver itself still refuses.
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(fx.DataSource);
        services.AddAnalyticsApi(new ConfigurationBuilder().Build());
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var withCustomer = fx.Stream.Truth().Orders.Values.First(o => o is { Phone: not null, IsTestOrder: false });

        var result = await new DocumentExecuter().ExecuteAsync(new ExecutionOptions
        {
            Schema = provider.GetRequiredService<ISchema>(),
            Query = $$"""{ order(restaurant: "{{withCustomer.RestaurantRef}}", orderId: "{{withCustomer.OrderId}}") { customer { pseudonym phone } } }""",
            RequestServices = scope.ServiceProvider,
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Analyst)], "test")),
        });

        var error = Assert.Single(result.Errors!);
        Assert.Equal(RoleAuthorizationRule.ErrorCode, error.Code);
        var json = new global::GraphQL.SystemTextJson.GraphQLSerializer().Serialize(result);
        var customer = JsonDocument.Parse(json).RootElement.GetProperty("data").GetProperty("order").GetProperty("customer");
        Assert.Equal(JsonValueKind.Null, customer.GetProperty("phone").ValueKind);
        Assert.StartsWith("c_", customer.Str("pseudonym"));
    }
}
