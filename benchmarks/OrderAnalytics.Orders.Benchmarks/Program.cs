using System.Diagnostics;
using OrderAnalytics.Contracts;
using OrderAnalytics.Orders;
using OrderAnalytics.Orders.Benchmarks;

// Single-threaded throughput of the parser and of parse + clean on generated events. Figures only.
var count = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 4000;
var seconds = args.Length > 1 && double.TryParse(args[1], System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 3.0;

var events = EventGenerator.Generate(count);
var parser = new OrderEventParser();
var processor = new OrderEventProcessor(parser, new OrderCleaner());

var sizes = events.Select(e => System.Text.Encoding.UTF8.GetByteCount(e.Payload)).Order().ToArray();
var outcomes = events.Select(processor.Process).GroupBy(r => r.Outcome).ToDictionary(g => g.Key, g => g.Count());
Console.WriteLine($"events: {count} generated, payload bytes median {sizes[sizes.Length / 2]}, p95 {sizes[(int)(sizes.Length * 0.95)]}, max {sizes[^1]}");
Console.WriteLine($"outcomes: {string.Join(", ", outcomes.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}"))}");

Measure("json baseline", e => { using var d = System.Text.Json.JsonDocument.Parse(e.Payload); return d.RootElement.ValueKind; });
Measure("parse", e => parser.Parse(e));
Measure("parse+clean", e => processor.Process(e));

void Measure(string name, Func<RawOrderEvent, object> work)
{
    // warm-up (tiered JIT, PGO)
    var warm = Stopwatch.StartNew();
    while (warm.Elapsed.TotalSeconds < 1.0) foreach (var e in events) work(e);

    GC.Collect();
    var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
    var gen0Before = GC.CollectionCount(0);
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    long done = 0;
    var sw = Stopwatch.StartNew();
    while (sw.Elapsed.TotalSeconds < seconds)
    {
        foreach (var e in events) work(e);
        done += events.Count;
    }
    sw.Stop();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
    var perSecond = done / sw.Elapsed.TotalSeconds;
    var perCpuSecond = done / cpu.TotalSeconds;
    var bytesPerEvent = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)done;
    Console.WriteLine($"{name,-14} {perSecond,10:N0} events/s wall  {perCpuSecond,10:N0} events/s per CPU-second  {1e6 / perCpuSecond,7:F2} µs CPU/event  {bytesPerEvent,8:N0} B allocated/event  gen0 GCs {GC.CollectionCount(0) - gen0Before}");
}
