namespace OrderAnalytics.System.Tests;

/// <summary>
/// A system for fault injection: nothing is fetched until a test asks (no sync at start, none on a timer soon), so a
/// test sees its backfill from the first event. The probes it counts with are in FaultFixture.Probes.cs.
/// </summary>
public abstract partial class FaultFixture : SystemFixture
{
    protected override IEnumerable<string> Settings =>
    [
        "--Fetcher:SyncOnStart=false",
        "--Fetcher:Interval=01:00:00",
        // The broker's own account of connections, shutdown and queue recovery, in the test output.
        "--Infrastructure:RabbitMqLogLevel=info",
    ];
}

/// <summary>A backfill of about 10,000 orders (30 days at twelve times the real cafe's volume).</summary>
public sealed class BackfillFaultFixture : FaultFixture
{
    protected override IEnumerable<string> Settings =>
    [
        .. base.Settings,
        "--Simulator:Stream:Days=30",
        "--Simulator:Stream:Scale=12",
    ];
}

/// <summary>
/// For webhook tests, which count what they post: a one-day stream (about 100 events) that only the outage test fetches.
/// Consumers give up after three quick retries (about 3 s instead of about 90 s), so an outage longer than the retry
/// budget fits in a test.
/// </summary>
public sealed class WebhookFaultFixture : FaultFixture
{
    public static readonly TimeSpan RetryBudget = TimeSpan.FromSeconds(3);

    protected override IEnumerable<string> Settings =>
    [
        .. base.Settings,
        "--Simulator:Stream:Days=1",
        "--Messaging:RetryLimit=3",
    ];
}

/// <summary>Fault tests stop shared infrastructure and time their faults: they run alone, after the other system tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultCollection
{
    public const string Name = "Faults";
}
