using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.Testing;

/// <summary>
/// Real time: webhook orders POSTed at a steady rate; for each, the time from the POST to the order being visible
/// through GraphQL (the orders list, polled every 20 ms).
/// </summary>
internal static class Realtime
{
    private const string Restaurant = "realtime-benchmark";
    private const int FirstOrderId = 900_000;   // six digits throughout, so text order is numeric order

    public static async Task RunAsync(DistributedApplication app, string webhookKey, string adminKey, int perSecond, int seconds)
    {
        using var webhook = app.CreateHttpClient("webhook", "http");
        using var analytics = app.CreateHttpClient("analytics", "http");
        analytics.DefaultRequestHeaders.Add("X-API-Key", adminKey);
        webhook.DefaultRequestHeaders.Add("X-API-Key", webhookKey);

        var sentAt = new ConcurrentDictionary<string, long>();
        var latencies = new ConcurrentBag<Latency>();
        var rejected = 0;
        using var stop = new CancellationTokenSource();
        var runStart = Stopwatch.GetTimestamp();
        var probe = Task.Run(() => ProbeAsync(analytics, sentAt, latencies, runStart, stop.Token));

        var total = perSecond * seconds;
        var clock = Stopwatch.StartNew();
        var posts = new List<Task>();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / perSecond);
            if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
            var orderId = (FirstOrderId + i).ToString(CultureInfo.InvariantCulture);
            posts.Add(PostAsync(webhook, orderId, sentAt, () => Interlocked.Increment(ref rejected)));
        }
        await Task.WhenAll(posts);
        var deadline = Stopwatch.StartNew();
        while (!sentAt.IsEmpty && deadline.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(100);
        await stop.CancelAsync();
        await probe;

        Console.WriteLine($"Real time: {total} webhook orders at {perSecond}/s; {latencies.Count} became visible, {sentAt.Count} never did, {rejected} rejected");
        Console.WriteLine($"POST → visible through GraphQL: {Percentiles(latencies.Select(l => l.Ms))}");
        // The services' first real-time requests run code the backfill never did; it is compiled while they run.
        Console.WriteLine($"  sent in the first {ColdSeconds} s: {Percentiles(latencies.Where(l => l.SentSecond < ColdSeconds).Select(l => l.Ms))}");
        Console.WriteLine($"  sent after that:    {Percentiles(latencies.Where(l => l.SentSecond >= ColdSeconds).Select(l => l.Ms))}");
        await PrintStagesAsync(app);
    }

    private const int ColdSeconds = 10;

    private readonly record struct Latency(double SentSecond, double Ms);

    private static string Percentiles(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        double P(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return $"p50 {P(0.50):F0} ms, p95 {P(0.95):F0} ms, p99 {P(0.99):F0} ms, max {P(1.0):F0} ms ({sorted.Length} orders)";
    }

    /// <summary>
    /// Where the time goes: the landing row keeps when the receiver accepted the event (received_at) and when the
    /// loader started writing its batch (processed_at); the rest of the latency is the loader's transaction and the probe.
    /// </summary>
    private static async Task PrintStagesAsync(DistributedApplication app)
    {
        var connectionString = await app.GetConnectionStringAsync("ordersdb") ?? throw new InvalidOperationException("no ordersdb");
        await using var db = Npgsql.NpgsqlDataSource.Create(connectionString);
        await using var cmd = db.CreateCommand("""
            SELECT percentile_cont(ARRAY[0.5, 0.95, 0.99, 1.0]) WITHIN GROUP (ORDER BY extract(epoch FROM processed_at - received_at) * 1000)
            FROM raw_events WHERE restaurant_ref = $1
            """);
        cmd.Parameters.Add(new() { Value = Restaurant });
        var p = (double[])(await cmd.ExecuteScalarAsync())!;
        Console.WriteLine($"Receiver accepted → loader started (broker, cleaner, broker): p50 {p[0]:F0} ms, p95 {p[1]:F0} ms, p99 {p[2]:F0} ms, max {p[3]:F0} ms");
    }

    private static async Task PostAsync(HttpClient webhook, string orderId, ConcurrentDictionary<string, long> sentAt, Action onRejected)
    {
        var body = $$"""
            {"event":"orderdetails","token":"","properties":{
              "Restaurant":{"restID":"{{Restaurant}}","res_name":"Benchmark outlet"},
              "Order":{"orderID":{{orderId}},"total":420,"core_total":400,"tax_total":20,"discount_total":0,"delivery_charges":0,
                       "packaging_charge":0,"service_charge":0,"round_off":"0","created_on":"2026-01-10 19:30:00",
                       "order_type":"Dine In","order_from":"POS","payment_type":"Cash","status":"Success"},
              "OrderItem":[{"itemid":1,"name":"Classic Tiramisu","quantity":1,"price":400,"total":400,"tax":20,"discount":0}]} }
            """;
        var started = Stopwatch.GetTimestamp();
        sentAt[orderId] = started;
        using var response = await webhook.PostAsync("/webhooks/petpooja", new StringContent(body, Encoding.UTF8, "application/json"));
        if (!response.IsSuccessStatusCode)
        {
            sentAt.TryRemove(orderId, out _);
            onRejected();
        }
    }

    /// <summary>
    /// Polls the orders list the way a dashboard waiting for new orders would: one keyset-paged query from the last
    /// order before which everything was seen. Its cost does not grow with the backlog (probing each pending order by
    /// id did, and under a backlog the probe itself slowed the system it measured). Order ids are sent in ascending
    /// order and the list is ordered by id within the benchmark's one business day; an order committed late (two
    /// loaders) is still found, because the cursor never passes an order not yet seen.
    /// </summary>
    private static async Task ProbeAsync(HttpClient analytics, ConcurrentDictionary<string, long> sentAt,
        ConcurrentBag<Latency> latencies, long runStart, CancellationToken stop)
    {
        string? cursor = null;
        var next = FirstOrderId;
        var cursors = new Dictionary<int, string>();   // seen beyond the contiguous prefix
        while (!stop.IsCancellationRequested)
        {
            for (var page = 0; page < 20; page++)
            {
                var after = cursor is null ? "" : $", after: \"{cursor}\"";
                var query = $"{{ orders(restaurant: \"{Restaurant}\", first: 100{after}) {{ edges {{ cursor node {{ orderId }} }} pageInfo {{ hasNextPage }} }} }}";
                using var response = await analytics.PostAsJsonAsync("/graphql", new { query }, CancellationToken.None);
                var now = Stopwatch.GetTimestamp();
                var orders = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").GetProperty("orders");
                foreach (var edge in orders.GetProperty("edges").EnumerateArray())
                {
                    var id = edge.GetProperty("node").GetProperty("orderId").GetString()!;
                    cursors[int.Parse(id, CultureInfo.InvariantCulture)] = edge.GetProperty("cursor").GetString()!;
                    if (sentAt.TryRemove(id, out var at))
                        latencies.Add(new(Stopwatch.GetElapsedTime(runStart, at).TotalSeconds, Stopwatch.GetElapsedTime(at, now).TotalMilliseconds));
                }
                while (cursors.Remove(next, out var seen)) { cursor = seen; next++; }
                if (!orders.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean()) break;
            }
            try { await Task.Delay(20, stop); } catch (OperationCanceledException) { break; }
        }
    }
}
