using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace OrderAnalytics.Testing;

/// <summary>A server started for a test run: its output is kept for failure messages, and it is stopped with SIGTERM.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServerProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Running[this] = 0;
    }

    /// <summary>Servers not yet disposed: stopped when the process is told to stop.</summary>
    private static readonly ConcurrentDictionary<ServerProcess, byte> Running = new();

    /// <summary>
    /// A test run or benchmark stopped from outside (Ctrl+C, SIGTERM) skips its fixtures' disposal, and .NET raises no
    /// ProcessExit for a signal: without these its servers outlived it (found after killing benchmarks held with --hold).
    /// The process still ends as the signal says once they are stopped.
    /// </summary>
    private static readonly PosixSignalRegistration[] StopOnSignal =
        [.. new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT }.Select(signal => PosixSignalRegistration.Create(signal, _ => StopAll()))];

    private static void StopAll()
    {
        // A signal handler may block: the process ends when it returns.
        foreach (var server in Running.Keys)
        {
            try { server.StopAsync(TimeSpan.FromSeconds(10)).GetAwaiter().GetResult(); }
            catch (InvalidOperationException) { }   // disposed meanwhile
        }
    }

    public static ServerProcess Start(string file, IEnumerable<string> args, IDictionary<string, string> environment, string workingDirectory)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (k, v) in environment) info.Environment[k] = v;
        return new ServerProcess(Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}"));
    }

    public bool HasExited => _process.HasExited;

    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>Stops the server as an orchestrator would (SIGTERM), then kills what is left.</summary>
    public async Task StopAsync(TimeSpan? grace = null)
    {
        if (_process.HasExited) return;
        Posix.Kill(_process.Id, Posix.Sigterm);
        using var wait = new CancellationTokenSource(grace ?? TimeSpan.FromSeconds(20));
        try { await _process.WaitForExitAsync(wait.Token); }
        catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
    }

    /// <summary>Kills the server without warning (a crash, for fault tests).</summary>
    public void Crash() => _process.Kill(entireProcessTree: true);

    public async ValueTask DisposeAsync()
    {
        Running.TryRemove(this, out _);
        await StopAsync();
        _process.Dispose();
    }
}

internal static class Posix
{
    public const int Sigterm = 15;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static extern int Kill(int pid, int signal);
}
