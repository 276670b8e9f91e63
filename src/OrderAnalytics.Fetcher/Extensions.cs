using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using OrderAnalytics.Data;
using OrderAnalytics.Messaging;

namespace OrderAnalytics.Fetcher;

public static class Extensions
{
    public static IHostApplicationBuilder AddFetcher(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<UpstreamOptions>().Bind(builder.Configuration.GetSection("Upstream")).ValidateOnStart();
        builder.Services.AddOptions<FetcherOptions>().Bind(builder.Configuration.GetSection("Fetcher")).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<UpstreamOptions>>(new ValidateWith<UpstreamOptions>(o => o.Validate()));
        builder.Services.AddSingleton<IValidateOptions<FetcherOptions>>(new ValidateWith<FetcherOptions>(o => o.Validate()));
        builder.AddNpgsqlDataSource(OrderAnalyticsDbContext.ConnectionName);
        // The client has its own retry policy (Retry-After, fail fast on 401/403) and per-attempt timeout,
        // so no second policy or HttpClient timeout is stacked on it.
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental; it is the documented way to opt out.
        builder.Services.AddHttpClient<UpstreamClient>(http => http.Timeout = Timeout.InfiniteTimeSpan).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        builder.Services.AddSingleton<CheckpointStore>();
        builder.Services.AddSingleton<PageArchive>();
        builder.Services.AddSingleton<SyncService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SyncService>());
        builder.AddMessageBus(bus => bus.AddConsumer<RunBackfillConsumer>());
        return builder;
    }

    /// <summary>
    /// POST /sync (incremental), /sync?full=true, /sync?from=123 — 202, or 429 when too many syncs wait; admin key
    /// required when Fetcher:AdminKeys is set. GET /sync for progress.
    /// </summary>
    public static WebApplication MapFetcherEndpoints(this WebApplication app)
    {
        app.MapGet("/sync", (SyncService sync) => Results.Ok(sync.Status));
        app.MapPost("/sync", (HttpContext http, SyncService sync, IOptions<FetcherOptions> options, bool? full, long? from) =>
        {
            if (!IsAdmin(http.Request, options.Value.AdminKeys))
                return Results.Json(new { error = "an admin key is required (X-API-Key or Authorization: Bearer)" }, statusCode: 401);
            if (from < 0) return Results.Json(new { error = "from must be a stream id >= 0" }, statusCode: 400);
            return sync.Request(new SyncRequest(full ?? false, from))
                ? Results.Accepted("/sync", sync.Status)
                : Results.Json(new { error = "too many syncs are waiting; try again later" }, statusCode: 429);
        });
        return app;
    }

    /// <summary>True when no admin key is configured, or the request presents one of them (constant-time compare).</summary>
    internal static bool IsAdmin(HttpRequest request, IReadOnlyCollection<string> keys)
    {
        if (!keys.Any(k => !string.IsNullOrEmpty(k))) return true;
        return ApiKeys.Matches(keys, ApiKeys.Presented(request));
    }

    /// <summary>Options validation that reports every problem by name, at start (ValidateOnStart).</summary>
    private sealed class ValidateWith<T>(Func<T, IEnumerable<string>> validate) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options) =>
            validate(options).ToList() is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
