/// <summary>
/// Per-process figures read from /proc: peak resident set (VmHWM) of each service, and CPU seconds (user + system) of
/// each service, of this run's PostgreSQL (the postmaster, its live backends and the backends it has reaped) and of
/// its RabbitMQ — the breakdown that says where the two cores went.
/// </summary>
internal static class ProcessStats
{
    private static readonly double TicksPerSecond = 100;   // USER_HZ, 100 on Linux

    public sealed record Snapshot(IReadOnlyDictionary<string, double> CpuSeconds);

    public static IEnumerable<(string Service, double MegaBytes)> PeakMemory(IEnumerable<string> services)
    {
        var processes = Processes().ToList();
        foreach (var service in services)
            yield return (service, ServiceProcesses(processes, service)
                .Select(p => Read(Path.Combine(p.Dir, "status")).Split('\n').FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)))
                .Where(l => l is not null)
                .Select(l => double.Parse(l!.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024)
                .DefaultIfEmpty(double.NaN).Max());
    }

    /// <summary>CPU seconds so far of each service, and of the PostgreSQL and RabbitMQ whose command line names <paramref name="dataDir"/>.</summary>
    public static Snapshot Cpu(IEnumerable<string> services, string dataDir)
    {
        var processes = Processes().ToList();
        var cpu = services.ToDictionary(s => s, s => ServiceProcesses(processes, s).Sum(p => Ticks(p.Pid, children: false)) / TicksPerSecond);

        var postmasters = processes.Where(p => p.Cmd.StartsWith("/usr/lib/postgresql/", StringComparison.Ordinal) && p.Cmd.Contains(dataDir, StringComparison.Ordinal)).ToList();
        cpu["PostgreSQL"] = postmasters.Sum(pm =>
            Ticks(pm.Pid, children: true) + processes.Where(p => ParentOf(p.Pid) == pm.Pid).Sum(p => Ticks(p.Pid, children: false))) / TicksPerSecond;
        cpu["RabbitMQ"] = processes.Where(p => p.Cmd.Contains("beam", StringComparison.Ordinal) && p.Cmd.Contains(dataDir, StringComparison.Ordinal))
            .Sum(p => Ticks(p.Pid, children: true)) / TicksPerSecond;
        return new Snapshot(cpu);
    }

    private static IEnumerable<(string Dir, int Pid, string Cmd)> Processes() =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => (Dir: d, Pid: int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0))
            .Where(p => p.Pid > 0)
            .Select(p => (p.Dir, p.Pid, Cmd: Read(Path.Combine(p.Dir, "cmdline"))));

    private static IEnumerable<(string Dir, int Pid, string Cmd)> ServiceProcesses(IEnumerable<(string Dir, int Pid, string Cmd)> processes, string service) =>
        // This checkout's builds only: other checkouts on the machine may run their own copies of the services.
        processes.Where(p => !p.Cmd.Contains("dotnet\0run", StringComparison.Ordinal) && p.Cmd.Contains(OrderAnalytics.Testing.Repository.Root, StringComparison.Ordinal)
                             && (p.Cmd.Contains($"OrderAnalytics.{service}\0", StringComparison.Ordinal)
                                 || p.Cmd.EndsWith($"OrderAnalytics.{service}", StringComparison.Ordinal)));

    /// <summary>utime + stime (+ cutime + cstime: waited-for children) from /proc/PID/stat, fields 14–17.</summary>
    private static long Ticks(int pid, bool children)
    {
        var fields = StatFields(pid);
        if (fields.Length < 15) return 0;
        var ticks = long.Parse(fields[11]) + long.Parse(fields[12]);
        return children ? ticks + long.Parse(fields[13]) + long.Parse(fields[14]) : ticks;
    }

    private static int ParentOf(int pid) => StatFields(pid) is { Length: > 1 } f ? int.Parse(f[1]) : 0;

    /// <summary>The fields after the command name (which may contain spaces, so split after its closing parenthesis): state is [0].</summary>
    private static string[] StatFields(int pid)
    {
        var stat = Read($"/proc/{pid}/stat");
        var end = stat.LastIndexOf(')');
        return end < 0 ? [] : stat[(end + 2)..].Split(' ');
    }

    private static string Read(string path)
    {
        try { return File.ReadAllText(path); } catch (IOException) { return ""; } catch (UnauthorizedAccessException) { return ""; }
    }
}
