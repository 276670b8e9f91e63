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

    var setup = Stopwatch.StartNew();
    var stream = new OrderStream(new SimulationOptions { Scale = scale, IncludeStatusEvents = false });
    var finalVersion = stream.Truth().Orders.ToDictionary(o => o.Key, o => o.Value.FinalStreamId);
    Console.WriteLine($"stream: scale {scale}, {stream.TotalEvents:N0} events, {finalVersion.Count:N0} orders (truth in {setup.Elapsed.TotalSeconds:F1} s)");

    var cache = new ReferenceCache(dataSource);
    var key = "benchmark-pseudonym-key-32-bytes"u8.ToArray();
    var writers = Enumerable.Range(0, writerCount).Select(_ => new OrderBatchWriter(dataSource, cache, key)).ToArray();
    var baseline = new CopyBaseline(dataSource);
    TimeSpan loaderTime = default, copyTime = default, cleanTime = default;
    long events = 0, copied = 0;

    var clean = Stopwatch.StartNew();
    foreach (var chunk in new CleanedChunks(stream, chunkPages).Read())
    {
        cleanTime += clean.Elapsed;
        events += chunk.Count;

        var batches = chunk.Chunk(batchSize).ToArray();
        var next = -1;
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(writers.Select(w => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < batches.Length; i = Interlocked.Increment(ref next))
                await w.WriteAsync(batches[i], replay: false, CancellationToken.None);
        })));
        loaderTime += sw.Elapsed;

        var ids = await baseline.ReadIdsAsync();
        var finals = chunk.Select(e => e.Order).OfType<OrderData>()
            .Where(o => finalVersion[new OrderKey(o.RestaurantRef, o.OrderId)] == o.StreamId).ToList();
        sw.Restart();
        await baseline.CopyAsync(finals, ids);
        copyTime += sw.Elapsed;
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
    Console.WriteLine($"ratio:    loader / COPY = {loaderRate / copyRate:F2}");
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
