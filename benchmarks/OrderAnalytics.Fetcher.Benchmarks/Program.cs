using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderAnalytics.Fetcher;
using OrderAnalytics.Simulation;
using OrderAnalytics.Simulator;
using OrderAnalytics.Testing;
using RabbitMQ.Client;

// Usage: dotnet run -c Release -- [--scale 30] [--days 365] [--page-size 500] [--no-archive] [--no-drain] [--replay-pages 400]
//   --scale 30    ≈ 300K orders over --days (the simulator's volume multiplier; 1.0 ≈ 10K orders a year)
//   --no-archive  sync without the gzip JSONL page archive (Fetcher:ArchiveFolder empty)
//   --no-drain    leave the published messages in the cleaner's durable work queue (the publisher declares and binds
//                 it); by default a consumer that acknowledges and discards stands in for a cleaner that keeps up
// Prints: the simulator alone (what the source costs on the same cores), pure fetch + parse (UpstreamClient, no
// publish) and the full sync (fetch → archive → publish, confirmed → checkpoint), as events/s, pages/s (and MB/s);
// then both again against the first --replay-pages pages pre-rendered and served from memory: the fetcher's own
// ceiling, without the generator competing for the same cores.
var culture = CultureInfo.InvariantCulture;
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = culture;
string? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
var scale = double.Parse(Arg("--scale") ?? "30", culture);
var days = int.Parse(Arg("--days") ?? "365", culture);
var pageSize = int.Parse(Arg("--page-size") ?? "500", culture);
var archive = !args.Contains("--no-archive");
var drain = !args.Contains("--no-drain");
var replayPages = int.Parse(Arg("--replay-pages") ?? "400", culture);

var key = Repository.NewSecret();
var work = Directory.CreateTempSubdirectory("oa-fetch-bench-").FullName;
Console.WriteLine($"Fetcher benchmark: scale {scale}, {days} days, page size {pageSize}, archive {(archive ? "on" : "off")}, "
                  + $"work queue {(drain ? "drained" : "left to fill")}, {Environment.ProcessorCount} cores");

await using var rabbit = new RabbitMqServer();
await using var postgres = new PostgresServer();
var watch = Stopwatch.StartNew();
await Task.WhenAll(rabbit.InitializeAsync(), postgres.InitializeAsync());
var database = await postgres.CreateDatabaseAsync(seedMenu: false);
Console.WriteLine($"RabbitMQ and PostgreSQL up in {watch.Elapsed.TotalSeconds:F1} s");

// The simulator host, in-process, as its Program.cs builds it.
watch.Restart();
await using var simulator = await StartAsync(new Dictionary<string, string?>
{
    ["Simulator:ApiKey"] = key,
    ["Simulator:Live:Enabled"] = "false",
    ["Simulator:Stream:Scale"] = scale.ToString(culture),
    ["Simulator:Stream:Days"] = days.ToString(culture),
}, b => b.AddSimulator(), a => a.MapSimulatorEndpoints(), work);
var stream = simulator.Services.GetRequiredService<OrderStream>();
var orders = Enumerable.Range(0, stream.Options.Restaurants).Sum(r => stream.OrdersIssued(r));
Console.WriteLine($"Simulator: {stream.TotalEvents:N0} events, {orders:N0} orders (planned in {watch.Elapsed.TotalSeconds:F1} s) at {simulator.Urls.First()}");

await using var fetcher = await StartAsync(new Dictionary<string, string?>
{
    ["ConnectionStrings:ordersdb"] = database,
    ["ConnectionStrings:messaging"] = rabbit.ConnectionString,
    ["Upstream:BaseUrl"] = simulator.Urls.First() + "/analytics",
    ["Upstream:ApiKey"] = key,
    ["Fetcher:PageSize"] = pageSize.ToString(culture),
    ["Fetcher:RequestsPerSecond"] = "0",
    ["Fetcher:SyncOnStart"] = "false",
    ["Fetcher:Interval"] = "1.00:00:00",
    ["Fetcher:ArchiveFolder"] = archive ? Path.Combine(work, "archive") : "",
}, b => b.AddFetcher(), a => a.MapFetcherEndpoints(), work);

// Warm-up (JIT, connections, the broker's exchange and work queue): a few pages, not counted.
var client = fetcher.Services.GetRequiredService<UpstreamClient>();
for (long c = 0; c < 5 * pageSize; c += pageSize) await client.GetPageAsync(c, pageSize, CancellationToken.None);
await fetcher.Services.GetRequiredService<SyncService>().SyncAsync(new SyncRequest(FromCursor: Math.Max(0, stream.LastStreamId - 3 * pageSize)), CancellationToken.None);

// A stand-in for the cleaner on its work queue (declared by the publisher): takes every message and discards it.
await using var drainConnection = drain ? await new ConnectionFactory { Uri = new Uri(rabbit.ConnectionString) }.CreateConnectionAsync() : null;
await using var drainChannel = drainConnection is null ? null : await drainConnection.CreateChannelAsync();
if (drainChannel is not null)
{
    var consumer = new RabbitMQ.Client.Events.AsyncEventingBasicConsumer(drainChannel);
    consumer.ReceivedAsync += (_, _) => Task.CompletedTask;
    await drainChannel.BasicConsumeAsync(OrderAnalytics.Messaging.Queues.OrderEventsReceived, autoAck: true, consumer);
}

// 0. For scale: the simulator alone, generating and rendering the same pages in-process (no HTTP, no parse).
{
    var sw = Stopwatch.StartNew();
    long cursor = 0, events = 0, pages = 0, bytes = 0;
    while (stream.GetPage(cursor, pageSize) is { Count: > 0 } page)
    {
        pages++;
        events += page.Count;
        bytes += SimulatorEndpoints.Render(page, stream.TotalEvents).Length;
        cursor = page[^1].StreamId;
    }
    Report("simulator only (generate + render, in-process)", events, pages, bytes, sw.Elapsed);
}

// 1. Pure fetch + parse: HTTP, the simulator generating and rendering, PageReader; nothing published.
{
    GC.Collect();
    var sw = Stopwatch.StartNew();
    long cursor = 0, events = 0, pages = 0, bytes = 0;
    while (true)
    {
        var page = await client.GetPageAsync(cursor, pageSize, CancellationToken.None);
        if (page.Events.Count == 0) break;
        pages++;
        events += page.Events.Count;
        foreach (var e in page.Events) bytes += e.Json.Length;
        cursor = page.Events[^1].StreamId;
        if (page.Events.Count < pageSize) break;
    }
    Report("fetch + parse (no publish)", events, pages, bytes, sw.Elapsed);
}

// 2. The fetcher's sync: fetch → archive → publish (publisher confirms) → checkpoint, no rate limit.
{
    GC.Collect();
    var sw = Stopwatch.StartNew();
    var result = await fetcher.Services.GetRequiredService<SyncService>().SyncAsync(new SyncRequest(Full: true), CancellationToken.None);
    var elapsed = sw.Elapsed;
    if (result.Events != stream.TotalEvents) Console.WriteLine($"  !! synced {result.Events:N0} events, the source has {stream.TotalEvents:N0}");
    Report("sync (fetch → archive → publish → checkpoint)", result.Events, result.Pages, null, elapsed);
}

// 3. The fetcher's own ceiling, without the simulator's generation on the same cores: the first pages rendered once
//    and replayed from memory by a bare endpoint, then fetch + parse and the full sync against it.
{
    var cached = new Dictionary<long, byte[]>();
    long cursor = 0;
    for (var i = 0; i < replayPages && stream.GetPage(cursor, pageSize) is { Count: > 0 } page; i++)
    {
        cached[cursor] = System.Text.Encoding.UTF8.GetBytes(SimulatorEndpoints.Render(page, stream.TotalEvents));
        cursor = page[^1].StreamId;
    }
    var empty = System.Text.Encoding.UTF8.GetBytes("{\"data\":[],\"total\":0}");
    await using var replay = await StartAsync(new Dictionary<string, string?>(), _ => { }, a => a.MapGet("/analytics/orders/",
        (long? cursor) => Results.Bytes(cached.GetValueOrDefault(cursor ?? 0, empty), "application/json")), work);
    await using var replayFetcher = await StartAsync(new Dictionary<string, string?>
    {
        ["ConnectionStrings:ordersdb"] = database,
        ["ConnectionStrings:messaging"] = rabbit.ConnectionString,
        ["Upstream:BaseUrl"] = replay.Urls.First() + "/analytics",
        ["Upstream:ApiKey"] = key,
        ["Fetcher:Source"] = "replay",
        ["Fetcher:PageSize"] = pageSize.ToString(culture),
        ["Fetcher:SyncOnStart"] = "false",
        ["Fetcher:Interval"] = "1.00:00:00",
        ["Fetcher:ArchiveFolder"] = archive ? Path.Combine(work, "archive-replay") : "",
    }, b => b.AddFetcher(), a => a.MapFetcherEndpoints(), work);

    var replayClient = replayFetcher.Services.GetRequiredService<UpstreamClient>();
    for (var round = 0; round < 2; round++)   // the first round warms up
    {
        GC.Collect();
        var sw = Stopwatch.StartNew();
        long c = 0, events = 0, pages = 0, bytes = 0;
        while (await replayClient.GetPageAsync(c, pageSize, CancellationToken.None) is { Events.Count: > 0 } page)
        {
            pages++;
            events += page.Events.Count;
            foreach (var e in page.Events) bytes += e.Json.Length;
            c = page.Events[^1].StreamId;
        }
        if (round == 1) Report("replayed pages: fetch + parse (no publish)", events, pages, bytes, sw.Elapsed);
    }
    GC.Collect();
    var syncWatch = Stopwatch.StartNew();
    var replayed = await replayFetcher.Services.GetRequiredService<SyncService>().SyncAsync(new SyncRequest(Full: true), CancellationToken.None);
    Report("replayed pages: sync (fetch → archive → publish → checkpoint)", replayed.Events, replayed.Pages, null, syncWatch.Elapsed);
    await replayFetcher.StopAsync();
    await replay.StopAsync();
}

await fetcher.StopAsync();
await simulator.StopAsync();
try { Directory.Delete(work, recursive: true); } catch (IOException) { }
return;

static void Report(string what, long events, long pages, long? bytes, TimeSpan elapsed)
{
    var s = elapsed.TotalSeconds;
    Console.WriteLine($"{what}: {events:N0} events, {pages:N0} pages in {s:F1} s → {events / s:N0} events/s, {pages / s:N1} pages/s"
                      + (bytes is { } b ? $", {b / s / 1e6:N0} MB/s of event JSON" : ""));
}

static async Task<WebApplication> StartAsync(Dictionary<string, string?> settings, Action<WebApplicationBuilder> add,
    Action<WebApplication> map, string contentRoot)
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Benchmark", ContentRootPath = contentRoot });
    builder.Configuration.AddInMemoryCollection(settings);
    builder.WebHost.UseUrls("http://127.0.0.1:0");
    builder.Logging.ClearProviders().AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
    builder.AddServiceDefaults();
    add(builder);
    var app = builder.Build();
    app.MapDefaultEndpoints();
    map(app);
    await app.StartAsync();
    return app;
}
