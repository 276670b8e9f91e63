namespace OrderAnalytics.Fetcher;

public sealed class UpstreamOptions
{
    /// <summary>e.g. https://webhooks.db1-prod-dachnona.store/analytics (production) or the simulator's /analytics.</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>Sent as X-API-Key. A secret: user-secrets or environment only.</summary>
    public string ApiKey { get; set; } = "";
}

public sealed class FetcherOptions
{
    /// <summary>Name of the checkpoint row; one per upstream stream.</summary>
    public string Source { get; set; } = "petpooja";
    public int PageSize { get; set; } = 500;
    /// <summary>Client-side rate limit; 0 = as fast as the server answers. The old client slept 1 s per page.</summary>
    public double RequestsPerSecond { get; set; } = 0;
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);
    public int MaxAttempts { get; set; } = 8;
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(60);
    /// <summary>Each fetched page is kept as gzip JSON lines here; empty disables the archive.</summary>
    public string ArchiveFolder { get; set; } = Path.Combine(".data", "archive");
    public bool SyncOnStart { get; set; } = true;
}
