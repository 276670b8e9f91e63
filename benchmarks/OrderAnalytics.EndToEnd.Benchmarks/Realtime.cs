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
/// through GraphQL. Pending orders are probed together (GraphQL aliases), every 20 ms.
/// </summary>
internal static class Realtime
{
    private const string Restaurant = "realtime-benchmark";

    public static async Task RunAsync(DistributedApplication app, string webhookKey, string adminKey, int perSecond, int seconds)
    {
        using var webhook = app.CreateHttpClient("webhook", "http");
        using var analytics = app.CreateHttpClient("analytics", "http");
        analytics.DefaultRequestHeaders.Add("X-API-Key", adminKey);
        webhook.DefaultRequestHeaders.Add("X-API-Key", webhookKey);

        var sentAt = new ConcurrentDictionary<string, long>();
        var latencies = new ConcurrentBag<double>();
        var rejected = 0;
        using var stop = new CancellationTokenSource();
        var probe = Task.Run(() => ProbeAsync(analytics, sentAt, latencies, stop.Token));

        var total = perSecond * seconds;
        var clock = Stopwatch.StartNew();
        var posts = new List<Task>();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / perSecond);
            if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
            var orderId = (900_000 + i).ToString(CultureInfo.InvariantCulture);
            posts.Add(PostAsync(webhook, orderId, sentAt, () => Interlocked.Increment(ref rejected)));
        }
        await Task.WhenAll(posts);
        var deadline = Stopwatch.StartNew();
        while (!sentAt.IsEmpty && deadline.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(100);
        await stop.CancelAsync();
        await probe;

        var sorted = latencies.OrderBy(x => x).ToArray();
        double P(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        Console.WriteLine($"Real time: {total} webhook orders at {perSecond}/s; {sorted.Length} became visible, {sentAt.Count} never did, {rejected} rejected");
        Console.WriteLine($"POST → visible through GraphQL: p50 {P(0.50):F0} ms, p95 {P(0.95):F0} ms, p99 {P(0.99):F0} ms, max {P(1.0):F0} ms");
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

    private static async Task ProbeAsync(HttpClient analytics, ConcurrentDictionary<string, long> sentAt,
        ConcurrentBag<double> latencies, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var pending = sentAt.Keys.Take(50).ToList();
            if (pending.Count > 0)
            {
                var query = "{ " + string.Join(" ", pending.Select(id => $"o{id}: order(orderId: \"{id}\", restaurant: \"{Restaurant}\") {{ orderId }}")) + " }";
                using var response = await analytics.PostAsJsonAsync("/graphql", new { query });
                var now = Stopwatch.GetTimestamp();
                var data = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data");
                foreach (var id in pending)
                {
                    if (data.TryGetProperty($"o{id}", out var o) && o.ValueKind == JsonValueKind.Object && sentAt.TryRemove(id, out var at))
                        latencies.Add(Stopwatch.GetElapsedTime(at, now).TotalMilliseconds);
                }
            }
            try { await Task.Delay(20, stop); } catch (OperationCanceledException) { break; }
        }
    }
}
