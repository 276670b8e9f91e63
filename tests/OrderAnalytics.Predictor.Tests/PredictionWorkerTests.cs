using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using OrderAnalytics.Data.Predictions;

namespace OrderAnalytics.Predictor.Tests;

/// <summary>The schedule, the advisory lock between replicas, and the health the worker reports.</summary>
[Collection(PredictorCollection.Name)]
public sealed class PredictionWorkerTests(PredictorFixture fixture)
{
    private static readonly Dictionary<string, string?> OneModel = new() { ["Predictor:Models:0"] = PredictionModels.RfmSegments };

    private static PredictionWorker Worker(IServiceProvider services, NpgsqlDataSource db, TimeProvider time) => new(
        services.GetRequiredService<PredictionTrainer>(), db, services.GetRequiredService<PredictorStatus>(),
        services.GetRequiredService<IOptions<PredictorOptions>>(), time, services.GetRequiredService<ILogger<PredictionWorker>>());

    private static async Task<long> RunsAsync(NpgsqlDataSource db)
    {
        await using var cmd = db.CreateCommand("SELECT count(*) FROM model_runs");
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task RunOnceAsync_LockHeldByAnotherPredictor_SkipsTheCycle()
    {
        await using var db = await fixture.CreateStoreAsync(null);
        await using var services = PredictorFixture.BuildServices(db, settings: OneModel);
        var worker = Worker(services, db, TimeProvider.System);

        await using (var other = await db.OpenConnectionAsync())
        {
            await using var lockCmd = new NpgsqlCommand("SELECT pg_advisory_lock($1)", other) { Parameters = { new() { Value = PredictionWorker.LockKey } } };
            await lockCmd.ExecuteScalarAsync();
            await worker.RunOnceAsync(CancellationToken.None);
            Assert.Equal(0, await RunsAsync(db));
            // a pooled connection keeps its session (and lock) until reused: release explicitly, as the worker does
            await using var unlockCmd = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", other) { Parameters = { new() { Value = PredictionWorker.LockKey } } };
            await unlockCmd.ExecuteScalarAsync();
        }

        await worker.RunOnceAsync(CancellationToken.None);
        Assert.Equal(1, await RunsAsync(db));
        Assert.Equal(HealthStatus.Healthy, services.GetRequiredService<PredictorStatus>().Check().Status);
    }

    [Fact]
    public async Task ExecuteAsync_RunOnStart_TrainsAtOnceThenEveryInterval()
    {
        await using var db = await fixture.CreateStoreAsync(null);
        await using var services = PredictorFixture.BuildServices(db, settings: new Dictionary<string, string?>(OneModel)
        {
            ["Predictor:Interval"] = "01:00:00",
        });
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var worker = Worker(services, db, time);

        await worker.StartAsync(CancellationToken.None);
        try
        {
            await WaitForAsync(() => RunsAsync(db), 1);
            // the cycle is over (and the worker waiting on the fake clock) once the status says so
            var status = services.GetRequiredService<PredictorStatus>();
            await WaitForAsync(() => Task.FromResult(status.Check().Description == "Last training cycle completed." ? 1L : 0L), 1);
            await Task.Delay(200);
            time.Advance(TimeSpan.FromMinutes(59));
            await Task.Delay(300);
            Assert.Equal(1, await RunsAsync(db));
            time.Advance(TimeSpan.FromMinutes(1));
            await WaitForAsync(() => RunsAsync(db), 2);
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task ExecuteAsync_RunOnStartFalse_WaitsOneInterval()
    {
        await using var db = await fixture.CreateStoreAsync(null);
        await using var services = PredictorFixture.BuildServices(db, settings: new Dictionary<string, string?>(OneModel)
        {
            ["Predictor:RunOnStart"] = "false",
            ["Predictor:Interval"] = "00:10:00",
        });
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var worker = Worker(services, db, time);

        await worker.StartAsync(CancellationToken.None);
        try
        {
            await Task.Delay(300);
            Assert.Equal(0, await RunsAsync(db));
            time.Advance(TimeSpan.FromMinutes(10));
            await WaitForAsync(() => RunsAsync(db), 1);
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task RunOnceAsync_DatabaseUnreachable_ReportsDegradedAndDoesNotThrow()
    {
        await using var db = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none;Timeout=2");
        await using var services = PredictorFixture.BuildServices(db, settings: OneModel);
        var worker = Worker(services, db, TimeProvider.System);

        await worker.RunOnceAsync(CancellationToken.None);

        var health = services.GetRequiredService<PredictorStatus>().Check();
        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.Contains("failed", health.Description);
    }

    [Fact]
    public void Check_LastCycleHadAFailedModel_IsDegraded()
    {
        var status = new PredictorStatus();
        Assert.Equal(HealthStatus.Healthy, status.Check().Status);

        status.Completed(new TrainingCycleReport(Guid.NewGuid(), DateTimeOffset.UtcNow, TimeSpan.FromSeconds(1),
            [new ModelRunReport(PredictionModels.Churn, null, ModelRunStatus.Failed, "boom", 1, "failed")]));
        Assert.Equal(HealthStatus.Degraded, status.Check().Status);

        status.Completed(new TrainingCycleReport(Guid.NewGuid(), DateTimeOffset.UtcNow, TimeSpan.FromSeconds(1),
            [new ModelRunReport(PredictionModels.Churn, null, ModelRunStatus.InsufficientData, "few", 1, "")]));
        Assert.Equal(HealthStatus.Healthy, status.Check().Status);
    }

    private static async Task WaitForAsync(Func<Task<long>> count, long expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await count() < expected)
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {expected} run(s)");
            await Task.Delay(100);
        }
        Assert.Equal(expected, await count());
    }
}
