using System.Diagnostics;

namespace OrderAnalytics.System.Tests;

/// <summary>
/// Processes a system left running after its AppHost stopped. PostgreSQL (cwd), RabbitMQ's beam.smp (its mnesia path on
/// the command line) and epmd (cwd) all point into the system's own data folder, so other people's servers never match.
/// </summary>
internal static class LeftoverProcesses
{
    public static async Task<IReadOnlyList<string>> WaitForNoneAsync(string dataDir, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            var left = Find(dataDir);
            if (left.Count == 0 || DateTime.UtcNow > deadline) return left.Select(p => $"{p.Pid}: {p.CommandLine}").ToList();
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }

    /// <summary>Kills what <see cref="Find"/> reports (only processes of this data folder, so only the fixture's own).</summary>
    public static void Kill(string dataDir)
    {
        foreach (var (pid, _) in Find(dataDir))
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
            }
            catch (ArgumentException) { }          // gone meanwhile
            catch (InvalidOperationException) { }
        }
    }

    private static List<(int Pid, string CommandLine)> Find(string dataDir)
    {
        var found = new List<(int, string)>();
        if (!OperatingSystem.IsLinux()) return found;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId) continue;
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ').Trim();
                var cwd = new FileInfo(Path.Combine(dir, "cwd")).LinkTarget ?? "";
                if (commandLine.Contains(dataDir, StringComparison.Ordinal) || IsUnder(cwd, dataDir)) found.Add((pid, commandLine));
            }
            catch (IOException) { }                  // exited while we looked
            catch (UnauthorizedAccessException) { }  // not ours to read
        }
        return found;
    }

    private static bool IsUnder(string path, string folder) =>
        path == folder || path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
