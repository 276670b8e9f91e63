using System.Diagnostics;
using Npgsql;
using OrderAnalytics.Contracts;
using OrderAnalytics.Loading;
using OrderAnalytics.Loading.Benchmarks;
using OrderAnalytics.Simulation;
using OrderAnalytics.Testing;

// Loader throughput (OrderBatchWriter, batches of 500, concurrent writers) beside plain binary COPY of the same final
// rows (landing table, customers, orders and their children; the ratio against the order tables alone is printed too),
// on one PostgreSQL started here. Parsing and cleaning are done beforehand, untimed, a chunk at a time; the
// two loads are interleaved chunk by chunk so both meet the same table sizes and the same background noise.
// Figures only, no asserts. Options: --scale 30 --writers 2 --batch 500 --chunk-pages 100
// --without-rollups 1 disables the triggers that keep the rollups (order_facts_daily, …, addon_sales_daily): their cost.
var scale = Option("--scale", 30.0);
var writerCount = (int)Option("--writers", 2);
var batchSize = (int)Option("--batch", 500);
var chunkPages = (int)Option("--chunk-pages", 100);
var withoutRollups = Option("--without-rollups", 0) > 0;

var server = new PostgresServer();
await server.InitializeAsync();
try
{
    // A small untimed run first, on its own database: the JIT compiles both paths before anything is measured.
    await RunAsync("warmup", new SimulationOptions { Days = 20, Scale = 3, IncludeStatusEvents = false, Seed = 7 }, report: false);
    await RunAsync("bench", new SimulationOptions { Scale = scale, IncludeStatusEvents = false }, report: true);
}
finally
{
    await server.DisposeAsync();
}

async Task RunAsync(string database, SimulationOptions options, bool report)
{
    await using var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync(database));
    await CopyBaseline.CreateTablesAsync(dataSource);
    try { await using var ext = dataSource.CreateCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements"); await ext.ExecuteNonQueryAsync(); }
    catch (PostgresException) { /* only for the optional per-statement report */ }
    if (withoutRollups) await ScalarAsync(dataSource, "ALTER TABLE orders DISABLE TRIGGER USER; ALTER TABLE order_items DISABLE TRIGGER USER; ALTER TABLE order_part_payments DISABLE TRIGGER USER; ALTER TABLE order_item_addons DISABLE TRIGGER USER; SELECT 0::bigint");

    var setup = Stopwatch.StartNew();
    var stream = new OrderStream(options);
    var finalVersion = stream.Truth().Orders.ToDictionary(o => o.Key, o => o.Value.FinalStreamId);
    if (report) Console.WriteLine($"stream: scale {options.Scale}, {stream.TotalEvents:N0} events, {finalVersion.Count:N0} orders (truth in {setup.Elapsed.TotalSeconds:F1} s)");

    var cache = new ReferenceCache(dataSource);
    var key = "benchmark-pseudonym-key-32-bytes"u8.ToArray();
    var writers = Enumerable.Range(0, writerCount).Select(_ => new OrderBatchWriter(dataSource, cache, key)).ToArray();
    var baseline = new CopyBaseline(dataSource, key);
    var cpu = await CpuMeter.ForServerAsync(dataSource);
    TimeSpan loaderTime = default, copyTime = default, landingTime = default, landingCpu = default, cleanTime = default, loaderCpu = default, copyCpu = default, loaderClient = default;
    long events = 0;

    var clean = Stopwatch.StartNew();
    foreach (var chunk in new CleanedChunks(stream, chunkPages).Read())
    {
        cleanTime += clean.Elapsed;
        events += chunk.Count;
        // The cleaning's garbage (and its finalizers) must not be billed to the timed loads.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var batches = chunk.Chunk(batchSize).ToArray();
        var next = -1;
        var (cpuBefore, clientBefore) = (cpu.Now(), cpu.Client());
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(writers.Select(w => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < batches.Length; i = Interlocked.Increment(ref next))
                await w.WriteAsync(batches[i], replay: false, CancellationToken.None);
        })));
        loaderTime += sw.Elapsed;
        loaderCpu += cpu.Now() - cpuBefore;
        loaderClient += cpu.Client() - clientBefore;

        var ids = await baseline.ReadIdsAsync();
        var finals = chunk.Select(e => e.Order).OfType<OrderData>()
            .Where(o => finalVersion[new OrderKey(o.RestaurantRef, o.OrderId)] == o.StreamId).ToList();
        cpuBefore = cpu.Now();
        sw.Restart();
        await baseline.CopyAsync(finals, ids);
        copyTime += sw.Elapsed;
        copyCpu += cpu.Now() - cpuBefore;
        cpuBefore = cpu.Now();
        sw.Restart();
        await baseline.CopyLandingAsync(chunk, ids);
        landingTime += sw.Elapsed;
        landingCpu += cpu.Now() - cpuBefore;

        if (report) Console.WriteLine($"  {events:N0} events: loader {loaderTime.TotalSeconds:F1} s, COPY {(copyTime + landingTime).TotalSeconds:F1} s");
        clean.Restart();
    }
    if (!report) return;

    var loaded = await ScalarAsync(dataSource, "SELECT count(*) FROM orders");
    var items = await ScalarAsync(dataSource, "SELECT count(*) FROM order_items");
    var (copyOrders, copyItems) = await baseline.CountAsync();
    var loaderRate = loaded / loaderTime.TotalSeconds;
    var allCopyTime = copyTime + landingTime;
    var allCopyCpu = copyCpu + landingCpu;
    Console.WriteLine($"prepared: {events:N0} events parsed + cleaned in {cleanTime.TotalSeconds:F1} s (untimed)");
    Console.WriteLine($"loader:   {loaded:N0} orders ({items:N0} items) from {events:N0} events in {loaderTime.TotalSeconds:F1} s " +
                      $"= {loaderRate:N0} orders/s, {events / loaderTime.TotalSeconds:N0} events/s ({writerCount} writers, batches of {batchSize})");
    Console.WriteLine($"COPY:     the same rows (landing, customers, orders, children) in {allCopyTime.TotalSeconds:F1} s = {copyOrders / allCopyTime.TotalSeconds:N0} orders/s " +
                      $"(order tables alone {copyTime.TotalSeconds:F1} s = {copyOrders / copyTime.TotalSeconds:N0} orders/s; one connection)");
    Console.WriteLine($"ratio:    loader / COPY = {loaderRate / (copyOrders / allCopyTime.TotalSeconds):F2} (wall clock; " +
                      $"{loaderRate / (copyOrders / copyTime.TotalSeconds):F2} against the order tables alone)");
    Console.WriteLine($"CPU:      loader {loaderCpu.TotalSeconds:F1} s (client {loaderClient.TotalSeconds:F1} s) = {loaded / loaderCpu.TotalSeconds:N0} orders per CPU-second, " +
                      $"COPY {allCopyCpu.TotalSeconds:F1} s = {copyOrders / allCopyCpu.TotalSeconds:N0}; ratio {allCopyCpu / loaderCpu:F2} ({copyCpu / loaderCpu:F2} order tables alone)");
    Console.WriteLine("          (CPU = this process + all PostgreSQL processes: what the load costs, whatever else runs on the machine)");
    Console.WriteLine($"memory:   peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1 << 20):N0} MiB");
    await PrintStatementsAsync(dataSource);
}

// Server time per statement, when the server was started with OA_PG_SERVER_OPTIONS="-c shared_preload_libraries=pg_stat_statements".
static async Task PrintStatementsAsync(NpgsqlDataSource dataSource)
{
    try
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT round(total_exec_time)::bigint, calls, rows, left(regexp_replace(query, '\s+', ' ', 'g'), 110)
            FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
            ORDER BY total_exec_time DESC LIMIT 15
            """);
        await using var reader = await cmd.ExecuteReaderAsync();
        Console.WriteLine("server:   ms, calls, rows, statement (pg_stat_statements)");
        while (await reader.ReadAsync())
            Console.WriteLine($"  {reader.GetInt64(0),8:N0} {reader.GetInt64(1),7:N0} {reader.GetInt64(2),9:N0}  {reader.GetString(3)}");
    }
    catch (PostgresException) { /* not preloaded: nothing to show */ }
}

static async Task<long> ScalarAsync(NpgsqlDataSource dataSource, string sql)
{
    await using var cmd = dataSource.CreateCommand(sql);
    return (long)(await cmd.ExecuteScalarAsync())!;
}

double Option(string name, double fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? double.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
