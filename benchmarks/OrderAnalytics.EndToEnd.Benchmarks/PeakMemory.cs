/// <summary>Peak resident set (VmHWM) of each service process, read from /proc.</summary>
internal static class PeakMemory
{
    public static IEnumerable<(string Service, double MegaBytes)> OfServices(IEnumerable<string> services)
    {
        var processes = Directory.EnumerateDirectories("/proc")
            .Select(d => (Dir: d, Cmd: Read(Path.Combine(d, "cmdline"))))
            .Where(p => p.Cmd.Contains("OrderAnalytics.", StringComparison.Ordinal) && !p.Cmd.Contains("dotnet\0run", StringComparison.Ordinal))
            .ToList();
        foreach (var service in services)
        {
            var hwm = processes.Where(p => p.Cmd.Contains($"OrderAnalytics.{service}\0", StringComparison.Ordinal)
                                           || p.Cmd.EndsWith($"OrderAnalytics.{service}", StringComparison.Ordinal))
                .Select(p => Read(Path.Combine(p.Dir, "status")).Split('\n').FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)))
                .Where(l => l is not null)
                .Select(l => double.Parse(l!.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024)
                .DefaultIfEmpty(double.NaN).Max();
            yield return (service, hwm);
        }
    }

    private static string Read(string path)
    {
        try { return File.ReadAllText(path); } catch (IOException) { return ""; } catch (UnauthorizedAccessException) { return ""; }
    }
}
