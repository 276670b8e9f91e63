using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using OrderAnalytics.Simulation;

namespace OrderAnalytics.Simulator;

/// <summary>
/// The Django server's backfill API as <c>shared/spec/upstream.md</c> describes it
/// (<c>GET /analytics/orders/?limit=1..500&amp;cursor=</c>, X-API-Key, <c>{"data": [...], "total": N}</c>), plus
/// the simulator's own endpoints for tests: the ground truth, fault knobs and what was served.
/// </summary>
public static class SimulatorEndpoints
{
    public const int DefaultPageSize = 100;

    public static WebApplication MapSimulatorEndpoints(this WebApplication app)
    {
        // The documented path has the trailing slash; ASP.NET routing also answers it without.
        app.MapGet("/analytics/orders/", GetOrders);
        app.MapGet("/simulator/truth", Truth);
        app.MapGet("/simulator/faults", (HttpContext http, FaultInjector faults, IOptionsMonitor<SimulatorOptions> options) =>
            Authorized(http, options.CurrentValue) ?? Results.Json(faults.Current));
        app.MapPut("/simulator/faults", SetFaults);
        app.MapGet("/simulator/stats", (HttpContext http, FaultInjector faults, IOptionsMonitor<SimulatorOptions> options) =>
            Authorized(http, options.CurrentValue) ?? Results.Json(faults.Stats));
        return app;
    }

    // limit and cursor are read as text, so a non-number gets the same JSON 400 as an out-of-range number.
    private static async Task<IResult> GetOrders(HttpContext http, UpstreamFeed feed, FaultInjector faults,
        IOptionsMonitor<SimulatorOptions> options, string? limit, string? cursor)
    {
        if (Authorized(http, options.CurrentValue) is { } denied)
        {
            faults.Refused();
            return denied;
        }

        var fault = faults.Next();
        if (fault.DelayMilliseconds > 0) await Task.Delay(fault.DelayMilliseconds, http.RequestAborted);
        if (fault.RateLimit)
        {
            http.Response.Headers.RetryAfter = fault.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return Detail(429, "Request was throttled.");
        }
        if (fault.ServerError) return Detail(503, "Service unavailable.");

        var size = DefaultPageSize;
        if (!string.IsNullOrEmpty(limit)
            && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > OrderStream.MaxPageSize))
            return Detail(400, $"limit must be an integer between 1 and {OrderStream.MaxPageSize}.");
        long after = 0;
        if (!string.IsNullOrEmpty(cursor) && !long.TryParse(cursor, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out after))
            return Detail(400, "cursor must be an integer stream_id.");

        var body = Render(feed.GetPage(Math.Max(after, 0), size), feed.TotalEvents);
        if (fault.Truncate) body = body[..(body.Length / 2)];
        return Results.Text(body, "application/json", Encoding.UTF8);
    }

    /// <summary>{"data": [...], "total": N}, each event's JSON spliced in exactly as generated.</summary>
    public static string Render(IReadOnlyList<SimulatedEvent> events, long total)
    {
        var sb = new StringBuilder(events.Sum(e => e.Json.Length + 1) + 64).Append("{\"data\":[");
        for (var i = 0; i < events.Count; i++) sb.Append(i == 0 ? "" : ",").Append(events[i].Json);
        return sb.Append("],\"total\":").Append(total.ToString(CultureInfo.InvariantCulture)).Append('}').ToString();
    }

    /// <summary>What the simulator generated, for tests and benchmarks to compare the loaded tables against.</summary>
    private static IResult Truth(HttpContext http, UpstreamFeed feed, IOptionsMonitor<SimulatorOptions> options)
    {
        if (Authorized(http, options.CurrentValue) is { } denied) return denied;
        var truth = feed.Backfill.Truth();
        return Results.Json(new
        {
            lastStreamId = feed.Backfill.LastStreamId,
            totalEvents = truth.TotalEvents,
            orders = truth.Orders.Count,
            successOrders = truth.SuccessOrders,
            cancelledOrders = truth.CancelledOrders,
            complimentaryOrders = truth.ComplimentaryOrders,
            distinctCustomers = truth.DistinctCustomers,
            totalRevenue = truth.TotalRevenue,
            liveEvents = feed.LastStreamId - feed.Backfill.LastStreamId,
            days = truth.Days.Select(d => new { businessDate = d.BusinessDate, revenue = d.Revenue, orders = d.Orders }),
        });
    }

    /// <summary>Tests switch faults on and off at run time; setting them restarts the "every Nth request" count.</summary>
    private static IResult SetFaults(HttpContext http, FaultOptions faults, FaultInjector injector, IOptionsMonitor<SimulatorOptions> options)
    {
        if (Authorized(http, options.CurrentValue) is { } denied) return denied;
        if (faults.RateLimitEvery < 0 || faults.ServerErrorEvery < 0 || faults.TruncateEvery < 0 || faults.DelayEvery < 0
            || faults.DelayMilliseconds is < 0 or > 600_000 || faults.RetryAfterSeconds is < 0 or > 3600)
            return Detail(400, "fault settings must be non-negative (delay at most 600000 ms, Retry-After at most 3600 s).");
        injector.Set(faults);
        return Results.NoContent();
    }

    /// <returns>null when the request carries the configured key; otherwise the 401 to answer (DRF's shape).</returns>
    private static IResult? Authorized(HttpContext http, SimulatorOptions options)
    {
        var presented = http.Request.Headers["X-API-Key"].ToString();
        if (presented.Length == 0) return Detail(401, "Authentication credentials were not provided.");
        var expected = Encoding.UTF8.GetBytes(options.ApiKey);
        return expected.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), expected)
            ? null
            : Detail(401, "Invalid API key.");
    }

    private static IResult Detail(int status, string detail) => Results.Json(new { detail }, statusCode: status);
}
