using System.Net;
using System.Text;

namespace OrderAnalytics.Analytics.Tests;

[Collection(AnalyticsCollection.Name)]
public sealed class GraphQLEndpointTests(AnalyticsFixture fx)
{
    [Fact]
    public async Task Post_WithoutKey_Is401()
    {
        var (status, _) = await fx.PostAsync("{ dailyRevenue { revenue } }", key: null);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task Post_UnknownKey_Is401()
    {
        var (status, _) = await fx.PostAsync("{ dailyRevenue { revenue } }", key: "not-a-key-of-this-service-000000");
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task Post_BearerKey_IsAccepted()
    {
        using var client = new HttpClient { BaseAddress = fx.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", AnalyticsFixture.AnalystKey);
        using var response = await client.PostAsync("/graphql", new StringContent("""{"query":"{ ingestionStatus { orders } }"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"\"orders\":{fx.Stream.Truth().DistinctOrders}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_MalformedBody_Is400()
    {
        using var client = fx.Client();
        using var response = await client.PostAsync("/graphql", new StringContent("{not json", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_ManyAliasedAggregates_IsRejectedByTheComplexityLimitBeforeRunning()
    {
        var query = "{ " + string.Join(" ", Enumerable.Range(0, 100).Select(i => $"r{i}: revenue(period: DAY) {{ current {{ revenue }} }}")) + " }";

        var (status, body) = await fx.PostAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = body!.Value.GetProperty("errors")[0];
        Assert.Contains("complexity", error.Str("message"), StringComparison.OrdinalIgnoreCase);
        Assert.False(body.Value.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task Post_DeeplyNestedIntrospection_IsRejectedByTheDepthLimit()
    {
        var nested = "name";
        for (var i = 0; i < 16; i++) nested = $"ofType {{ {nested} }}";
        var (status, body) = await fx.PostAsync($"{{ __schema {{ types {{ fields {{ type {{ {nested} }} }} }} }} }}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("depth", body!.Value.GetProperty("errors")[0].Str("message"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Post_StandardIntrospectionAndAFullDashboard_AreWithinTheLimits()
    {
        var introspection = await fx.DataAsync("""
            query IntrospectionQuery { __schema { queryType { name } types { ...FullType } directives { name args { ...InputValue } } } }
            fragment FullType on __Type { kind name description fields(includeDeprecated: true) { name description args { ...InputValue }
              type { ...TypeRef } isDeprecated deprecationReason } inputFields { ...InputValue } interfaces { ...TypeRef }
              enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason } possibleTypes { ...TypeRef } }
            fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
            fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name
              ofType { kind name ofType { kind name ofType { kind name } } } } } } } }
            """);
        Assert.Contains(introspection.GetProperty("__schema").Items("types"), t => t.Str("name") == "RevenueFigures");

        const string figures = "orders revenue grossSales discounts netSales taxes charges cancelledOrders cancelledValue complimentaryOrders averageOrderValue";
        await fx.DataAsync($$"""
            {
              revenue(period: MONTH) { start current { {{figures}} } previous { {{figures}} } revenueChangePercent }
              averageOrderValue(period: WEEK) { start averageOrderValue changePercent }
              topItems { name quantity netSales } unmatchedItems { normalisedName netSales } topAddons { name quantity sales }
              channelMix { key figures { {{figures}} } } orderTypeMix { key figures { {{figures}} } }
              peakHours { weekday hour figures { orders revenue } }
              customerRetention { summary { customers repeatRate } periods { start newCustomers returningCustomers }
                                  cohorts { month size months { offset retention } } }
              paymentMix { method amount } deliveryAreas { locality figures { revenue } } deliveryAreaHours { locality hour figures { orders } }
              dataQuality { orders flags { code orders } } reviewQueue { normalisedName lines } ingestionStatus { orders }
              orders(first: 100) { edges { node { orderId total items { name quantity addons { name } } taxes { amount } customer { pseudonym } } } }
            }
            """);
    }
}
