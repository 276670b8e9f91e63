using System.Diagnostics;
using Npgsql;

namespace OrderAnalytics.Loading.Benchmarks;

/// <summary>
/// CPU time of this process plus every PostgreSQL process (the postmaster and its children), from /proc. On a
/// machine shared with other builds wall-clock time mostly measures the neighbours; CPU time is what the load costs.
/// </summary>
internal sealed class CpuMeter(int postmaster)
{
    private const double TicksPerSecond = 100;   // USER_HZ on Linux

    public static async Task<CpuMeter> ForServerAsync(NpgsqlDataSource dataSource)
    {
        await using var cmd = dataSource.CreateCommand("SELECT pg_backend_pid()");
        var backend = (int)(await cmd.ExecuteScalarAsync())!;
        return new CpuMeter(Stat(backend)!.Value.Parent);
    }

    public TimeSpan Client() => Process.GetCurrentProcess().TotalProcessorTime;

    public TimeSpan Now()
    {
        var ticks = 0L;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            if (Stat(pid) is { } s && (pid == postmaster || s.Parent == postmaster)) ticks += s.Ticks;
        }
        return TimeSpan.FromSeconds(ticks / TicksPerSecond) + Process.GetCurrentProcess().TotalProcessorTime;
    }

    private static (int Parent, long Ticks)? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var f = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            // After "pid (comm) ": state, ppid, ..., utime (14th field overall) and stime (15th).
            return (int.Parse(f[1]), long.Parse(f[11]) + long.Parse(f[12]));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;   // the process ended meanwhile
        }
    }
}
