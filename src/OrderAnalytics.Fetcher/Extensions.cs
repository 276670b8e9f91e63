using OrderAnalytics.Data;
using OrderAnalytics.Messaging;

namespace OrderAnalytics.Fetcher;

public static class Extensions
{
    public static IHostApplicationBuilder AddFetcher(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<UpstreamOptions>(builder.Configuration.GetSection("Upstream"));
        builder.Services.Configure<FetcherOptions>(builder.Configuration.GetSection("Fetcher"));
        builder.AddNpgsqlDataSource(OrderAnalyticsDbContext.ConnectionName);
        // The client has its own retry policy (Retry-After, fail fast on 401/403), so no second one stacked on it.
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental; it is the documented way to opt out.
        builder.Services.AddHttpClient<UpstreamClient>().RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        builder.Services.AddSingleton<CheckpointStore>();
        builder.Services.AddSingleton<PageArchive>();
        builder.Services.AddSingleton<SyncService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SyncService>());
        builder.AddMessageBus(bus => bus.AddConsumer<RunBackfillConsumer>());
        return builder;
    }

    /// <summary>POST /sync (incremental), /sync?full=true, /sync?from=123; GET /sync for progress.</summary>
    public static WebApplication MapFetcherEndpoints(this WebApplication app)
    {
        app.MapGet("/sync", (SyncService sync) => Results.Ok(sync.Status));
        app.MapPost("/sync", (SyncService sync, bool? full, long? from) =>
            sync.Request(new SyncRequest(full ?? false, from))
                ? Results.Accepted("/sync", sync.Status)
                : Results.StatusCode(StatusCodes.Status429TooManyRequests));
        return app;
    }
}
