using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;

namespace OrderAnalytics.Predictor;

/// <summary>
/// Retrains on a schedule: once at start (Predictor:RunOnStart), then every Predictor:Interval measured from the start of
/// the previous cycle. A cycle holds a PostgreSQL advisory lock, so several replicas never train at the same time.
/// </summary>
internal sealed class PredictionWorker(
    PredictionTrainer trainer,
    NpgsqlDataSource db,
    PredictorStatus status,
    IOptions<PredictorOptions> options,
    TimeProvider time,
    ILogger<PredictionWorker> logger) : BackgroundService
{
    /// <summary>pg advisory lock key of the training cycle ("OAPREDCT").</summary>
    internal const long LockKey = 0x4F41_5052_4544_4354;

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        var o = options.Value;
        try
        {
            if (!o.RunOnStart) await Task.Delay(o.Interval, time, ct);
            while (!ct.IsCancellationRequested)
            {
                var started = time.GetUtcNow();
                await RunOnceAsync(ct);
                var wait = o.Interval - (time.GetUtcNow() - started);
                if (wait > TimeSpan.Zero) await Task.Delay(wait, time, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // stopping
        }
    }

    internal async Task RunOnceAsync(CancellationToken ct)
    {
        try
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            if (!await TryLockAsync(connection, ct))
            {
                logger.LogInformation("Another predictor is training; skipping this cycle");
                return;
            }
            try
            {
                var report = await trainer.RunCycleAsync(ct);
                status.Completed(report);
            }
            finally
            {
                await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection) { Parameters = { new() { Value = LockKey } } };
                await unlock.ExecuteScalarAsync(CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogError(ex, "Training cycle failed");
            status.Failed(time.GetUtcNow(), ex);
        }
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection) { Parameters = { new() { Value = LockKey } } };
        return await cmd.ExecuteScalarAsync(ct) is true;
    }
}

/// <summary>How the last training cycle went, for the health check.</summary>
public sealed class PredictorStatus
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _lastCompleted;
    private int _lastFailedModels;
    private DateTimeOffset? _lastError;
    private string? _lastErrorType;

    public void Completed(TrainingCycleReport report)
    {
        lock (_gate)
        {
            _lastCompleted = report.StartedAt + report.Duration;
            _lastFailedModels = report.Failed;
            _lastError = null;
            _lastErrorType = null;
        }
    }

    public void Failed(DateTimeOffset at, Exception ex)
    {
        lock (_gate)
        {
            _lastError = at;
            _lastErrorType = ex.GetType().Name;
        }
    }

    public HealthCheckResult Check()
    {
        lock (_gate)
        {
            var data = new Dictionary<string, object>();
            if (_lastCompleted is { } c) data["lastCycleCompleted"] = c;
            data["lastCycleFailedModels"] = _lastFailedModels;
            // degraded, not unhealthy: the API keeps serving the previous results, and a restart would not help
            if (_lastError is { } e)
                return HealthCheckResult.Degraded($"The last training cycle failed at {e:O} ({_lastErrorType}).", data: data);
            if (_lastFailedModels > 0)
                return HealthCheckResult.Degraded($"{_lastFailedModels} model(s) failed in the last training cycle.", data: data);
            return HealthCheckResult.Healthy(_lastCompleted is null ? "No training cycle completed yet." : "Last training cycle completed.", data);
        }
    }
}

internal sealed class PredictorHealthCheck(PredictorStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(status.Check());
}
