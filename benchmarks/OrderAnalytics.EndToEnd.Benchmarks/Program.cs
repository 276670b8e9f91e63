using System.Diagnostics;
using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Npgsql;
using OrderAnalytics.Testing;

// Usage: dotnet run -c Release --project benchmarks/OrderAnalytics.EndToEnd.Benchmarks -- [scale=30] [days=365]
//        dotnet run -c Release --project benchmarks/OrderAnalytics.EndToEnd.Benchmarks -- realtime [perSecond=50] [seconds=60]
// Backfill: starts the whole system (executables mode), lets the fetcher backfill the simulated stream through
// RabbitMQ → cleaner → loader → PostgreSQL, and prints orders/s, a plain binary COPY of the same rows, and peak RSS.
// Real time: POSTs webhook orders at a steady rate and prints POST → visible-through-GraphQL latency percentiles.
var realtime = args.Length > 0 && args[0] == "realtime";
var numbers = realtime ? args.Skip(1).ToArray() : args;
var scale = !realtime && numbers.Length > 0 ? double.Parse(numbers[0], CultureInfo.InvariantCulture) : realtime ? 0.1 : 30;
var days = !realtime && numbers.Length > 1 ? int.Parse(numbers[1], CultureInfo.InvariantCulture) : realtime ? 7 : 365;
const string AdminKey = "benchmark-admin-key-0123456789abcdef";
const string WebhookKey = "benchmark-webhook-key-0123456789abcd";
var dataDir = Path.Combine(Path.GetTempPath(), "oa-e2e-" + Guid.NewGuid().ToString("N")[..8]);

var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.OrderAnalytics_AppHost>(
[
    "--Infrastructure:Mode=executables", $"--Infrastructure:DataDir={dataDir}",
    $"--Infrastructure:PostgresPort={Repository.FreePort()}", $"--Infrastructure:RabbitMqPort={Repository.FreePort()}",
    $"--Infrastructure:EpmdPort={Repository.FreePort()}",
    "--Ports:Analytics=0", "--Ports:Webhook=0", "--Ports:Simulator=0", "--Ports:Fetcher=0",
    $"--Simulator:Stream:Scale={scale.ToString(CultureInfo.InvariantCulture)}", $"--Simulator:Stream:Days={days}",
    "--Simulator:Stream:IncludeStatusEvents=false", "--Simulator:Live:Enabled=false",
    "--Logging:LogLevel:Default=Warning",
    $"--Parameters:analytics-admin-key={AdminKey}", $"--Parameters:webhook-api-key={WebhookKey}",
]);
await using var app = await builder.BuildAsync();
Console.WriteLine($"Starting the system (scale {scale}, {days} days, status events off)…");
await app.StartAsync();
foreach (var service in new[] { "fetcher", "cleaner", "loader", "webhook", "analytics" })
    await app.ResourceNotifications.WaitForResourceHealthyAsync(service);

if (realtime)
{
    await Task.Delay(TimeSpan.FromSeconds(10));   // let the small backfill settle first
    await Realtime.RunAsync(app, WebhookKey, AdminKey,
        numbers.Length > 0 ? int.Parse(numbers[0], CultureInfo.InvariantCulture) : 50,
        numbers.Length > 1 ? int.Parse(numbers[1], CultureInfo.InvariantCulture) : 60);
    await app.StopAsync();
    return;
}

var connectionString = await app.GetConnectionStringAsync("ordersdb") ?? throw new InvalidOperationException("no ordersdb");
await using var db = NpgsqlDataSource.Create(connectionString);

string[] services = ["Simulator", "Fetcher", "Cleaner", "Loader", "WebhookReceiver", "Analytics", "Predictor"];
var cpuBefore = ProcessStats.Cpu(services, dataDir);
// The expected event count comes from the stream itself (the fetcher's target), polled until the loader has it all.
long expected = 0;
var watch = Stopwatch.StartNew();
while (true)
{
    await Task.Delay(2000);
    var (events, orders) = await CountsAsync(db);
    if (expected == 0) expected = await SourceTotalAsync(db);
    Console.Write($"\r  {events:N0} events landed, {orders:N0} orders, {watch.Elapsed:mm\\:ss}   ");
    if (expected > 0 && events >= expected) break;
    if (watch.Elapsed > TimeSpan.FromMinutes(60)) { Console.WriteLine("\nGave up after 60 minutes."); break; }
}
Console.WriteLine();
var cpuAfter = ProcessStats.Cpu(services, dataDir);   // before the COPY baseline adds its own PostgreSQL time
var loadedOrders = (await CountsAsync(db)).Orders;

await using (var cmd = db.CreateCommand("""
    SELECT count(*), extract(epoch FROM max(processed_at) - min(received_at)) FROM raw_events
    """))
await using (var reader = await cmd.ExecuteReaderAsync())
{
    await reader.ReadAsync();
    var events = reader.GetInt64(0);
    var seconds = reader.GetDouble(1);
    var copy = await CopyBaseline.MeasureAsync(db);
    Console.WriteLine($"Events through the pipeline : {events:N0} in {seconds:F1} s = {events / seconds:N0} events/s");
    Console.WriteLine($"Orders loaded               : {loadedOrders:N0} = {loadedOrders / seconds:N0} orders/s (first receipt → last commit)");
    Console.WriteLine($"Plain binary COPY, same rows: {copy.Orders:N0} orders with their landing rows and customers in {copy.Seconds:F1} s = {copy.Orders / copy.Seconds:N0} orders/s " +
                      $"(order tables alone {copy.OrderTablesSeconds:F1} s = {copy.Orders / copy.OrderTablesSeconds:N0} orders/s)");
    Console.WriteLine($"Pipeline / COPY             : {loadedOrders / seconds / (copy.Orders / copy.Seconds):F2} ({loadedOrders / seconds / (copy.Orders / copy.OrderTablesSeconds):F2} against the order tables alone)");
}

Console.WriteLine("CPU during the run (user + system), per process:");
foreach (var (name, before) in cpuBefore.CpuSeconds)
{
    var seconds = cpuAfter.CpuSeconds[name] - before;
    Console.WriteLine($"  {name,-16} {seconds,7:F1} s = {seconds * 1e6 / Math.Max(1, loadedOrders),6:F0} µs per order");
}
var total = cpuAfter.CpuSeconds.Sum(c => c.Value - cpuBefore.CpuSeconds[c.Key]);
Console.WriteLine($"  {"all",-16} {total,7:F1} s = {total * 1e6 / Math.Max(1, loadedOrders),6:F0} µs per order (2 cores give 2 CPU-seconds a second)");
Console.WriteLine("Peak resident memory (VmHWM) per service:");
foreach (var (name, mb) in ProcessStats.PeakMemory(services))
    Console.WriteLine($"  {name,-16} {mb,6:N0} MB");
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1 << 30)} GiB");

await app.StopAsync();
try { Directory.Delete(dataDir, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }

static async Task<(long Events, long Orders)> CountsAsync(NpgsqlDataSource db)
{
    await using var cmd = db.CreateCommand("SELECT (SELECT count(*) FROM raw_events), (SELECT count(*) FROM orders)");
    await using var reader = await cmd.ExecuteReaderAsync();
    await reader.ReadAsync();
    return (reader.GetInt64(0), reader.GetInt64(1));
}

// The fetcher's checkpoint reaches the last stream id once it has read everything; ids run 1..N without gaps.
static async Task<long> SourceTotalAsync(NpgsqlDataSource db)
{
    await using var cmd = db.CreateCommand("SELECT coalesce(max(cursor), 0) FROM fetch_checkpoints WHERE updated_at < now() - interval '3 seconds'");
    var cursor = (long)(await cmd.ExecuteScalarAsync())!;
    await using var status = db.CreateCommand("SELECT count(*) FROM raw_events WHERE stream_id > $1");
    status.Parameters.Add(new() { Value = cursor });
    // Only trust the cursor once nothing beyond it is arriving (the sync finished).
    return cursor > 0 && (long)(await status.ExecuteScalarAsync())! == 0 ? cursor : 0;
}
