using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using OrderAnalytics.Simulation;

// Usage: dotnet run -c Release -- [--scale X] [--stats X] [--days N]
//   (no args)  runs scale 1 and scale 35, each in a child process so the peak working set is its own.
//   --scale X  runs one benchmark in this process.
//   --stats X  prints realism statistics for scale X (daily revenue, channel mix, ...).
var culture = CultureInfo.InvariantCulture;
CultureInfo.DefaultThreadCurrentCulture = culture;
CultureInfo.CurrentCulture = culture;

string? Arg(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
var days = int.Parse(Arg("--days") ?? "365", culture);

if (Arg("--stats") is { } statsScale)
{
    Stats.Print(new SimulationOptions { Scale = double.Parse(statsScale, culture), Days = days });
    return;
}
if (Arg("--scale") is { } one)
{
    Bench.Run(double.Parse(one, culture), days);
    return;
}
foreach (var scale in new[] { "1", "35" })
{
    var exe = Environment.ProcessPath!;
    var psi = new ProcessStartInfo(exe) { UseShellExecute = false };
    if (Path.GetFileNameWithoutExtension(exe) == "dotnet") psi.ArgumentList.Add(typeof(Bench).Assembly.Location);
    psi.ArgumentList.Add("--scale");
    psi.ArgumentList.Add(scale);
    psi.ArgumentList.Add("--days");
    psi.ArgumentList.Add(days.ToString(culture));
    using var child = Process.Start(psi)!;
    child.WaitForExit();
}

internal static class Bench
{
    public static void Run(double scale, int days)
    {
        var options = new SimulationOptions { Scale = scale, Days = days };
        var sw = Stopwatch.StartNew();
        var stream = new OrderStream(options);
        var indexMs = sw.Elapsed.TotalMilliseconds;

        sw.Restart();
        long cursor = 0, events = 0, bytes = 0, pages = 0, orders = 0;
        while (true)
        {
            var page = stream.GetPage(cursor, OrderStream.MaxPageSize);
            if (page.Count == 0) break;
            pages++;
            foreach (var e in page)
            {
                events++;
                bytes += e.Json.Length;
                // Every order has exactly one first-version, non-re-sent orderdetails event.
                if (e.Facts is { Kind: SimulatedEventKind.OrderDetails, Version: 1, IsResend: false }) orders++;
            }
            cursor = page[^1].StreamId;
        }
        var pageSeconds = sw.Elapsed.TotalSeconds;
        var managedAfterPaging = GC.GetTotalMemory(forceFullCollection: true);
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var peakAfterPaging = self.PeakWorkingSet64;

        sw.Restart();
        var truth = stream.Truth();
        var truthSeconds = sw.Elapsed.TotalSeconds;

        // Single-page latency at a random-ish cursor (cold day).
        sw.Restart();
        _ = new OrderStream(options).GetPage(stream.LastStreamId / 2, OrderStream.MaxPageSize);
        var coldPageMs = sw.Elapsed.TotalMilliseconds;

        self.Refresh();
        Console.WriteLine($"scale {scale} ({days} days, {options.Restaurants} outlet)");
        Console.WriteLine($"  index build           {indexMs,10:F0} ms");
        Console.WriteLine($"  events                {events,10:N0}   orders {orders:N0}   pages {pages:N0}");
        Console.WriteLine($"  paging all            {pageSeconds,10:F2} s   {events / pageSeconds,10:N0} events/s   {orders / pageSeconds,10:N0} orders/s   {bytes / pageSeconds / 1e6:F1} M chars/s");
        Console.WriteLine($"  avg event size        {bytes / Math.Max(1, events),10:N0} chars");
        Console.WriteLine($"  ground truth          {truthSeconds,10:F2} s   orders {truth.DistinctOrders:N0}  revenue {truth.TotalRevenue:N0}  customers {truth.DistinctCustomers:N0}");
        Console.WriteLine($"  cold page (new stream) {coldPageMs,9:F0} ms (index + one day + 500 events)");
        Console.WriteLine($"  managed after paging  {managedAfterPaging / 1048576.0,10:F1} MB (GC.GetTotalMemory, forced)");
        Console.WriteLine($"  peak working set      {peakAfterPaging / 1048576.0,10:F1} MB after paging everything");
        Console.WriteLine($"  peak working set      {self.PeakWorkingSet64 / 1048576.0,10:F1} MB at the end (ground truth cached too)");
    }
}

internal static class Stats
{
    public static void Print(SimulationOptions options)
    {
        var stream = new OrderStream(options);
        var truth = stream.Truth();
        Console.WriteLine($"events {truth.TotalEvents:N0}  orders {truth.DistinctOrders:N0}  success {truth.SuccessOrders:N0}  cancelled {truth.CancelledOrders:N0}  complimentary {truth.ComplimentaryOrders:N0}");
        Console.WriteLine($"order events {truth.OrderEvents:N0} (resent {truth.ResentEvents:N0})  status {truth.StatusEvents:N0}  malformed {truth.MalformedEvents:N0}  customers {truth.DistinctCustomers:N0}");
        Console.WriteLine($"revenue {truth.TotalRevenue:N0}  AOV {truth.TotalRevenue / Math.Max(1, truth.SuccessOrders):N0}");
        var top = truth.Days.OrderByDescending(d => d.Revenue).Take(8).ToList();
        Console.WriteLine("top days: " + string.Join(", ", top.Select(d => $"{d.BusinessDate:yyyy-MM-dd} {d.BusinessDate.DayOfWeek.ToString()[..3]} {d.Revenue:N0} ({d.Orders})")));
        Console.WriteLine($"median day revenue {truth.Days.OrderBy(d => d.Revenue).ElementAt(truth.Days.Count / 2).Revenue:N0}; min {truth.Days.Min(d => d.Revenue):N0}");
        foreach (var m in truth.Days.GroupBy(d => d.BusinessDate.Month))
            Console.Write($"m{m.Key}:{m.Average(d => d.Orders):F0} ");
        Console.WriteLine();
        var orders = truth.Orders.Values.Where(o => !o.IsTestOrder).ToList();
        Console.WriteLine("channels: " + string.Join(", ", orders.GroupBy(o => o.OrderFrom).Select(g => $"{g.Key} {100.0 * g.Count() / orders.Count:F1}%")));
        Console.WriteLine("types: " + string.Join(", ", orders.GroupBy(o => o.OrderType).Select(g => $"{g.Key} {100.0 * g.Count() / orders.Count:F1}%")));
        var hours = orders.GroupBy(o => o.CreatedOn.Hour).OrderBy(g => (g.Key + 19) % 24).Select(g => $"{g.Key}h:{g.Count()}");
        Console.WriteLine("hours: " + string.Join(" ", hours));
        var withPhone = orders.Where(o => o.Phone != null).ToList();
        Console.WriteLine($"orders with phone {withPhone.Count:N0}; repeat customers {withPhone.GroupBy(o => o.Phone).Count(g => g.Count() > 1):N0} of {truth.DistinctCustomers:N0}");

        // Look at a few events.
        var sample = stream.GetPage(200, 500);
        var lines = sample.Where(e => e.Facts.Kind == SimulatedEventKind.OrderDetails).SelectMany(e => e.Facts.Lines).ToList();
        Console.WriteLine($"lines/order {(double)lines.Count / sample.Count(e => e.Facts.Kind == SimulatedEventKind.OrderDetails):F2}");
        foreach (var e in sample.Take(3)) Console.WriteLine(e.Json);
        foreach (var e in sample.Where(e => e.Facts.Dialect == "pull").Take(1)) Console.WriteLine(e.Json);
        foreach (var e in sample.Where(e => e.Facts.Kind == SimulatedEventKind.OrderStatus).Take(2)) Console.WriteLine(e.Json);
        foreach (var e in stream.ReadAll().Where(e => e.Facts.Kind == SimulatedEventKind.Malformed).Take(6)) Console.WriteLine(e.Json.Length > 600 ? e.Json[..600] + "..." : e.Json);
        foreach (var e in stream.GetPage(0, 3)) JsonDocument.Parse(e.Json).Dispose();
    }
}
