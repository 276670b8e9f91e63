using OrderAnalytics.Simulation;

namespace OrderAnalytics.Simulator;

public sealed class SimulatorOptions
{
    /// <summary>The key clients must send as X-API-Key. The AppHost generates one; it is never a production key.</summary>
    public string ApiKey { get; set; } = "";
    public SimulationOptions Stream { get; set; } = new();
    public LiveOptions Live { get; set; } = new();
    public FaultOptions Faults { get; set; } = new();
}

public sealed class LiveOptions
{
    public bool Enabled { get; set; }
    /// <summary>Where new orders are POSTed (the webhook receiver) and with which key.</summary>
    public string? WebhookUrl { get; set; }
    public string? WebhookKey { get; set; }
    /// <summary>Simulated seconds per real second (60 = an hour of the cafe per minute, for demos).</summary>
    public double ClockSpeed { get; set; } = 60;
    /// <summary>Volume multiplier of live orders (the backfill's scale when 0).</summary>
    public double Scale { get; set; }
    /// <summary>Attempts per relayed event before it is left to the backfill API (0 = retry for ever).</summary>
    public int MaxDeliveryAttempts { get; set; } = 10;
    /// <summary>Relays waiting while the receiver is down; beyond this the oldest waiting relays are dropped.</summary>
    public int MaxPendingDeliveries { get; set; } = 100_000;
    /// <summary>Scales the retry delays (1 s, 2 s, … up to 30 s); tests make it small.</summary>
    public double RetryDelayFactor { get; set; } = 1;
}

/// <summary>Faults to exercise clients: each applies to the orders endpoint only.</summary>
public sealed class FaultOptions
{
    /// <summary>Answer 429 with Retry-After to every Nth request (0 = never).</summary>
    public int RateLimitEvery { get; set; }
    public int RetryAfterSeconds { get; set; } = 1;
    /// <summary>Answer 503 to every Nth request (0 = never).</summary>
    public int ServerErrorEvery { get; set; }
    /// <summary>Delay responses by this much (slow server; longer than the client's timeout = a timeout).</summary>
    public int DelayMilliseconds { get; set; }
    /// <summary>Which responses <see cref="DelayMilliseconds"/> applies to: every Nth request (0 or 1 = every request).</summary>
    public int DelayEvery { get; set; }
    /// <summary>Cut the body of every Nth response in half (malformed page).</summary>
    public int TruncateEvery { get; set; }
}
