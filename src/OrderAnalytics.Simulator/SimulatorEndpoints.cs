using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using OrderAnalytics.Simulation;

namespace OrderAnalytics.Simulator;

public static class SimulatorEndpoints
{
    public static WebApplication MapSimulatorEndpoints(this WebApplication app)
    {
        // The documented path has the trailing slash; ASP.NET routing also answers it without.
        app.MapGet("/analytics/orders/", GetOrders);
        app.MapGet("/simulator/truth", Truth);
        app.MapPut("/simulator/faults", SetFaults);
        return app;
    }

    private static int _requests;

    private static async Task<IResult> GetOrders(HttpContext http, OrderSource source, IOptionsMonitor<SimulatorOptions> options,
        int? limit, long? cursor)
    {
        if (!Authorized(http, options.CurrentValue)) return Results.Json(new { detail = "Invalid API key." }, statusCode: 401);
        var n = Interlocked.Increment(ref _requests);
        var faults = options.CurrentValue.Faults;
        if (faults.DelayMilliseconds > 0) await Task.Delay(faults.DelayMilliseconds, http.RequestAborted);
        if (faults.RateLimitEvery > 0 && n % faults.RateLimitEvery == 0)
        {
            http.Response.Headers.RetryAfter = faults.RetryAfterSeconds.ToString();
            return Results.Json(new { detail = "Request was throttled." }, statusCode: 429);
        }
        if (faults.ServerErrorEvery > 0 && n % faults.ServerErrorEvery == 0)
            return Results.Json(new { detail = "Service unavailable." }, statusCode: 503);

        var size = limit ?? 100;
        if (size is < 1 or > OrderStream.MaxPageSize)
            return Results.Json(new { detail = $"limit must be between 1 and {OrderStream.MaxPageSize}" }, statusCode: 400);
        var body = OrderSource.Render(source.GetPage(cursor ?? 0, size), source.Total);
        if (faults.TruncateEvery > 0 && n % faults.TruncateEvery == 0) body = body[..(body.Length / 2)];
        return Results.Text(body, "application/json", Encoding.UTF8);
    }

    /// <summary>What the simulator generated, for tests and benchmarks to compare the loaded tables against.</summary>
    private static IResult Truth(HttpContext http, OrderSource source, IOptionsMonitor<SimulatorOptions> options)
    {
        if (!Authorized(http, options.CurrentValue)) return Results.StatusCode(401);
        var truth = source.Stream.Truth();
        return Results.Json(new
        {
            lastStreamId = source.Stream.LastStreamId,
            totalEvents = truth.TotalEvents,
            orders = truth.Orders.Count,
            successOrders = truth.SuccessOrders,
            cancelledOrders = truth.CancelledOrders,
            complimentaryOrders = truth.ComplimentaryOrders,
            distinctCustomers = truth.DistinctCustomers,
            totalRevenue = truth.TotalRevenue,
            liveEvents = source.LiveCount,
            days = truth.Days.Select(d => new { businessDate = d.BusinessDate, revenue = d.Revenue, orders = d.Orders }),
        });
    }

    /// <summary>Tests switch faults on and off at run time.</summary>
    private static IResult SetFaults(HttpContext http, FaultOptions faults, IOptionsMonitor<SimulatorOptions> options)
    {
        if (!Authorized(http, options.CurrentValue)) return Results.StatusCode(401);
        var current = options.CurrentValue.Faults;
        current.RateLimitEvery = faults.RateLimitEvery;
        current.RetryAfterSeconds = faults.RetryAfterSeconds;
        current.ServerErrorEvery = faults.ServerErrorEvery;
        current.DelayMilliseconds = faults.DelayMilliseconds;
        current.TruncateEvery = faults.TruncateEvery;
        return Results.NoContent();
    }

    private static bool Authorized(HttpContext http, SimulatorOptions options)
    {
        var given = Encoding.UTF8.GetBytes(http.Request.Headers["X-API-Key"].ToString());
        var expected = Encoding.UTF8.GetBytes(options.ApiKey);
        return expected.Length > 0 && CryptographicOperations.FixedTimeEquals(given, expected);
    }
}
