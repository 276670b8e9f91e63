using System.Diagnostics;
using Npgsql;
using OrderAnalytics.Contracts;
using OrderAnalytics.Loading;
using OrderAnalytics.Loading.Benchmarks;
using OrderAnalytics.Simulation;
using OrderAnalytics.Testing;

// Loader throughput (OrderBatchWriter, batches of 500, concurrent writers) beside plain binary COPY of the same final
// rows, on one PostgreSQL started here. Parsing and cleaning are done beforehand, untimed, a chunk at a time; the
// two loads are interleaved chunk by chunk so both meet the same table sizes and the same background noise.
// Figures only, no asserts. Options: --scale 30 --writers 2 --batch 500 --chunk-pages 100
var scale = Option("--scale", 30.0);
var writerCount = (int)Option("--writers", 2);
var batchSize = (int)Option("--batch", 500);
var chunkPages = (int)Option("--chunk-pages", 100);

var server = new PostgresServer();
await server.InitializeAsync();
try
{
    await using var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync("bench"));
    await CopyBaseline.CreateTablesAsync(dataSource);
    if (Environment.GetEnvironmentVariable("OA_EXP") is { Length: > 0 } exp)
    {
        await using var e = dataSource.CreateCommand(exp);
        await e.ExecuteNonQueryAsync();
    }

    var setup = Stopwatch.StartNew();
    var stream = new OrderStream(new SimulationOptions { Scale = scale, IncludeStatusEvents = false });
    var finalVersion = stream.Truth().Orders.ToDictionary(o => o.Key, o => o.Value.FinalStreamId);
    Console.WriteLine($"stream: scale {scale}, {stream.TotalEvents:N0} events, {finalVersion.Count:N0} orders (truth in {setup.Elapsed.TotalSeconds:F1} s)");

    var cache = new ReferenceCache(dataSource);
    var key = "benchmark-pseudonym-key-32-bytes"u8.ToArray();
    var writers = Enumerable.Range(0, writerCount).Select(_ => new OrderBatchWriter(dataSource, cache, key)).ToArray();
    var baseline = new CopyBaseline(dataSource);
    var cpu = await CpuMeter.ForServerAsync(dataSource);
    TimeSpan loaderTime = default, copyTime = default, cleanTime = default, loaderCpu = default, copyCpu = default, loaderClient = default, loaderGc = default;
    long events = 0, copied = 0;

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
        var cpuBefore = cpu.Now();
        var clientBefore = cpu.Client();
        var gcBefore = GC.GetTotalPauseDuration();
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(writers.Select(w => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < batches.Length; i = Interlocked.Increment(ref next))
                await w.WriteAsync(batches[i], replay: false, CancellationToken.None);
        })));
        loaderTime += sw.Elapsed;
        loaderCpu += cpu.Now() - cpuBefore;
        loaderClient += cpu.Client() - clientBefore;
        loaderGc += GC.GetTotalPauseDuration() - gcBefore;

        var ids = await baseline.ReadIdsAsync();
        var finals = chunk.Select(e => e.Order).OfType<OrderData>()
            .Where(o => finalVersion[new OrderKey(o.RestaurantRef, o.OrderId)] == o.StreamId).ToList();
        cpuBefore = cpu.Now();
        sw.Restart();
        await baseline.CopyAsync(finals, ids);
        copyTime += sw.Elapsed;
        copyCpu += cpu.Now() - cpuBefore;
        copied += finals.Count;

        Console.WriteLine($"  {events:N0} events: loader {loaderTime.TotalSeconds:F1} s, COPY {copyTime.TotalSeconds:F1} s");
        clean.Restart();
    }

    var loaded = await ScalarAsync("SELECT count(*) FROM orders");
    var (copyOrders, copyItems) = await baseline.CountAsync();
    var items = await ScalarAsync("SELECT count(*) FROM order_items");
    var loaderRate = loaded / loaderTime.TotalSeconds;
    var copyRate = copyOrders / copyTime.TotalSeconds;
    Console.WriteLine($"prepared: {events:N0} events parsed + cleaned in {cleanTime.TotalSeconds:F1} s (untimed)");
    Console.WriteLine($"loader:   {loaded:N0} orders ({items:N0} items) from {events:N0} events in {loaderTime.TotalSeconds:F1} s " +
                      $"= {loaderRate:N0} orders/s, {events / loaderTime.TotalSeconds:N0} events/s ({writerCount} writers, batches of {batchSize})");
    Console.WriteLine($"COPY:     {copyOrders:N0} orders ({copyItems:N0} items) in {copyTime.TotalSeconds:F1} s = {copyRate:N0} orders/s (one connection)");
    Console.WriteLine($"ratio:    loader / COPY = {loaderRate / copyRate:F2} (wall clock)");
    Console.WriteLine($"CPU:      loader {loaderCpu.TotalSeconds:F1} s = {loaded / loaderCpu.TotalSeconds:N0} orders per CPU-second, " +
                      $"COPY {copyCpu.TotalSeconds:F1} s = {copyOrders / copyCpu.TotalSeconds:N0}; ratio {copyCpu / loaderCpu:F2} " +
                      "(client + PostgreSQL processes; robust to other load on the machine)");
    Console.WriteLine($"          loader client share {loaderClient.TotalSeconds:F1} s, GC pauses {loaderGc.TotalSeconds:F1} s");
    Console.WriteLine($"memory:   peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1 << 20):N0} MiB");

    async Task<long> ScalarAsync(string sql)
    {
        await using var cmd = dataSource.CreateCommand(sql);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
finally
{
    await server.DisposeAsync();
}

double Option(string name, double fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? double.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
