using GraphQL;
using Microsoft.AspNetCore.Authentication;
using OrderAnalytics.Analytics.GraphQL;
using OrderAnalytics.Analytics.Queries;
using OrderAnalytics.Data;
using OrderAnalytics.Messaging;

namespace OrderAnalytics.Analytics;

public static class Extensions
{
    public static IHostApplicationBuilder AddAnalytics(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDataSource(OrderAnalyticsDbContext.ConnectionName);
        builder.AddMessageBus();
        builder.Services.Configure<ApiKeyOptions>(builder.Configuration.GetSection("Analytics:Auth"));
        builder.Services.Configure<GraphQLOptions>(builder.Configuration.GetSection("Analytics:GraphQL"));
        builder.Services.AddAuthentication(ApiKeyHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, null);
        builder.Services.AddAuthorization();

        builder.Services.AddSingleton<RevenueQueries>();
        builder.Services.AddSingleton<IngestionQueries>();
        var limits = builder.Configuration.GetSection("Analytics:GraphQL").Get<GraphQLOptions>() ?? new GraphQLOptions();
        // Error details only in development: elsewhere they could reveal SQL or data.
        var exposeDetails = builder.Environment.IsDevelopment() || limits.ExposeExceptionDetails;
        builder.Services.AddGraphQL(graphql =>
        {
            graphql.AddSchema<AnalyticsSchema>()
                .AddAutoClrMappings()   // result records become object types without a hand-written graph type each
                .AddSystemTextJson()
                .AddErrorInfoProvider(o => o.ExposeExceptionDetails = exposeDetails)
                .AddComplexityAnalyzer(o =>
                {
                    o.MaxDepth = limits.MaxDepth;
                    o.MaxComplexity = limits.MaxComplexity;
                })
                .AddGraphTypes(typeof(AnalyticsSchema).Assembly);
            if (!limits.EnableIntrospection)
                graphql.AddValidationRule(global::GraphQL.Validation.Rules.Custom.NoIntrospectionValidationRule.Instance);
        });
        return builder;
    }

    public static WebApplication MapAnalyticsEndpoints(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapPost(GraphQLEndpoint.Path, GraphQLEndpoint.HandleAsync).RequireAuthorization();
        return app;
    }
}
