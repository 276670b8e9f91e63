using Microsoft.Extensions.Options;

namespace OrderAnalytics.Simulator;

/// <summary>What to do to one request of the orders endpoint.</summary>
public readonly record struct FaultDecision(int DelayMilliseconds, bool RateLimit, int RetryAfterSeconds, bool ServerError, bool Truncate);

/// <summary>
/// Counts of what the orders endpoint answered since the faults were last set, for tests and benchmarks:
/// requests with a valid key (and the faults among them), and requests refused for their key (401).
/// </summary>
public sealed record FaultStats(long Requests, long Delayed, long RateLimited, long ServerErrors, long Truncated, long Refused);

/// <summary>
/// The simulator's fault knobs, seeded from Simulator:Faults and changed at run time by PUT /simulator/faults.
/// "Every Nth" counts requests of this host since the faults were last set, so a test gets the same sequence every run.
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private FaultOptions _faults;
    private long _requests, _delayed, _rateLimited, _serverErrors, _truncated, _refused;

    public FaultInjector(IOptions<SimulatorOptions> options) => _faults = Copy(options.Value.Faults);

    public FaultOptions Current { get { lock (_gate) return Copy(_faults); } }

    /// <summary>Replaces the faults and restarts the request count (and the statistics).</summary>
    public void Set(FaultOptions faults)
    {
        lock (_gate)
        {
            _faults = Copy(faults);
            _requests = _delayed = _rateLimited = _serverErrors = _truncated = _refused = 0;
        }
    }

    public FaultStats Stats { get { lock (_gate) return new(_requests, _delayed, _rateLimited, _serverErrors, _truncated, _refused); } }

    /// <summary>Counts a request of the orders endpoint refused for its key.</summary>
    public void Refused() { lock (_gate) _refused++; }

    /// <summary>Decides the faults of the next request; at most one of 429, 503 and truncation applies, in that order.</summary>
    public FaultDecision Next()
    {
        lock (_gate)
        {
            var n = ++_requests;
            var f = _faults;
            static bool Every(int every, long n) => every > 0 && n % every == 0;
            var delay = f.DelayMilliseconds > 0 && (f.DelayEvery <= 1 || Every(f.DelayEvery, n)) ? f.DelayMilliseconds : 0;
            var rateLimit = Every(f.RateLimitEvery, n);
            var serverError = !rateLimit && Every(f.ServerErrorEvery, n);
            var truncate = !rateLimit && !serverError && Every(f.TruncateEvery, n);
            if (delay > 0) _delayed++;
            if (rateLimit) _rateLimited++;
            if (serverError) _serverErrors++;
            if (truncate) _truncated++;
            return new FaultDecision(delay, rateLimit, Math.Max(0, f.RetryAfterSeconds), serverError, truncate);
        }
    }

    private static FaultOptions Copy(FaultOptions f) => new()
    {
        RateLimitEvery = f.RateLimitEvery,
        RetryAfterSeconds = f.RetryAfterSeconds,
        ServerErrorEvery = f.ServerErrorEvery,
        DelayMilliseconds = f.DelayMilliseconds,
        DelayEvery = f.DelayEvery,
        TruncateEvery = f.TruncateEvery,
    };
}
