using GraphQL;
using Microsoft.AspNetCore.Authentication;
using OrderAnalytics.Analytics.GraphQL;
using OrderAnalytics.Analytics.Predictions;
using OrderAnalytics.Analytics.Queries;
using OrderAnalytics.Data;
using OrderAnalytics.Messaging;

namespace OrderAnalytics.Analytics;

public static class Extensions
{
    /// <summary>The service as the AppHost runs it: the order store, the message bus, and the API.</summary>
    public static IHostApplicationBuilder AddAnalytics(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDataSource(OrderAnalyticsDbContext.ConnectionName);
        builder.AddMessageBus();
        // Review decisions publish re-processing commands, so they need the bus (scoped, like MassTransit's publisher).
        builder.Services.AddScoped<ReviewDecisions>();
        builder.Services.AddAnalyticsApi(builder.Configuration, builder.Environment.IsDevelopment());
        return builder;
    }

    /// <summary>
    /// API-key authentication, the query classes and the GraphQL schema with its limits. Needs an NpgsqlDataSource in the
    /// container (tests and the benchmark register their own).
    /// </summary>
    public static IServiceCollection AddAnalyticsApi(this IServiceCollection services, IConfiguration configuration, bool isDevelopment = false)
    {
        services.Configure<ApiKeyOptions>(configuration.GetSection("Analytics:Auth"));
        services.Configure<GraphQLOptions>(configuration.GetSection("Analytics:GraphQL"));
        services.AddAuthentication(ApiKeyHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, null);
        services.AddAuthorization();

        services.AddSingleton<RevenueQueries>();
        services.AddPredictionQueries();
        services.AddSingleton<ItemQueries>();
        services.AddSingleton<MixQueries>();
        services.AddSingleton<PeakHourQueries>();
        services.AddSingleton<RetentionQueries>();
        services.AddSingleton<PaymentQueries>();
        services.AddSingleton<AreaQueries>();
        services.AddSingleton<OrderQueries>();
        services.AddSingleton<QualityQueries>();
        services.AddSingleton<ReviewQueries>();
        services.AddSingleton<IngestionQueries>();
        services.AddScoped<OrderLoaders>();

        var limits = configuration.GetSection("Analytics:GraphQL").Get<GraphQLOptions>() ?? new GraphQLOptions();
        // Error details only in development: elsewhere they could reveal SQL or data.
        var exposeDetails = isDevelopment || limits.ExposeExceptionDetails;
        services.AddGraphQL(graphql =>
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
                .AddValidationRule(RoleAuthorizationRule.Instance)
                .AddGraphTypes(typeof(AnalyticsSchema).Assembly);
            if (!limits.EnableIntrospection)
                graphql.AddValidationRule(global::GraphQL.Validation.Rules.Custom.NoIntrospectionValidationRule.Instance);
        });
        return services;
    }

    public static WebApplication MapAnalyticsEndpoints(this WebApplication app)
    {
        // The insights page (/) and GraphiQL (/graphiql/): static files built from web/, no data without a key.
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapPost(GraphQLEndpoint.Path, GraphQLEndpoint.HandleAsync).RequireAuthorization();
        return app;
    }
}
