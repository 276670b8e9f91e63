using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrderAnalytics.System.Tests;

/// <summary>Faults injected into a running system: stop, start and kill its resources (services, PostgreSQL, RabbitMQ).</summary>
public static class ResourceControl
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    /// <summary>Stops the resource the way the dashboard's Stop button does, and waits until it is down.</summary>
    public static async Task StopAsync(this DistributedApplication app, string resource)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await ExecuteAsync(app, resource, KnownResourceCommands.StopCommand, timeout.Token);
        await WaitUntilDownAsync(app, resource, timeout.Token);
    }

    /// <summary>Starts a stopped resource and waits until its health checks, run since the start, all pass.</summary>
    public static async Task StartAsync(this DistributedApplication app, string resource)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var started = DateTime.UtcNow;
        await ExecuteAsync(app, resource, KnownResourceCommands.StartCommand, timeout.Token);
        // Not WaitForResourceHealthyAsync: the last reports before the stop said healthy, and they stay until checks run again.
        await app.ResourceNotifications.WaitForResourceAsync(resource, e =>
            e.Snapshot.State?.Text == KnownResourceStates.Running && !e.Snapshot.HealthReports.IsEmpty
            && e.Snapshot.HealthReports.All(r => r.Status == HealthStatus.Healthy && r.LastRunAt?.ToUniversalTime() >= started),
            timeout.Token);
    }

    /// <summary>
    /// SIGKILL, as a crash or an OOM kill would: no graceful shutdown, in-flight work is cut off. DCP sees the process
    /// exit; the resource stays down until <see cref="StartAsync"/>.
    /// </summary>
    public static async Task KillAsync(this DistributedApplication app, string resource)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var pid = ProcessId(app, resource);
        using (var process = Process.GetProcessById(pid)) process.Kill(entireProcessTree: true);
        await WaitUntilDownAsync(app, resource, timeout.Token);
    }

    /// <summary>The operating-system process id DCP reports for the resource.</summary>
    public static int ProcessId(this DistributedApplication app, string resource)
    {
        if (!app.ResourceNotifications.TryGetCurrentState(resource, out var current))
            throw new InvalidOperationException($"no state for resource '{resource}'");
        var pid = current.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value
            ?? throw new InvalidOperationException($"resource '{resource}' reports no process id");
        return Convert.ToInt32(pid, global::System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(DistributedApplication app, string resource, string command, CancellationToken ct)
    {
        var result = await app.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(resource, command, ct);
        Assert.True(result.Success, $"{command} {resource} failed: {result.Message}");
    }

    private static Task WaitUntilDownAsync(DistributedApplication app, string resource, CancellationToken ct) =>
        app.ResourceNotifications.WaitForResourceAsync(resource,
            e => e.Snapshot.State?.Text is { } state && (state == KnownResourceStates.Exited || state == KnownResourceStates.Finished
                 || state == KnownResourceStates.FailedToStart), ct);
}
