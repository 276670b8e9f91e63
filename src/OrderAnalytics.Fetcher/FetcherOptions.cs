namespace OrderAnalytics.Fetcher;

public sealed class UpstreamOptions
{
    /// <summary>e.g. https://webhooks.db1-prod-dachnona.store/analytics (production) or the simulator's /analytics.</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>Sent as X-API-Key. A secret: user-secrets or environment only.</summary>
    public string ApiKey { get; set; } = "";

    internal IEnumerable<string> Validate()
    {
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            yield return "Upstream:BaseUrl must be an absolute http(s) URL (e.g. the simulator's /analytics).";
        if (string.IsNullOrEmpty(ApiKey))
            yield return "Upstream:ApiKey is not set (user-secrets or environment; never in source).";
    }
}

public sealed class FetcherOptions
{
    /// <summary>The largest page the upstream serves.</summary>
    public const int MaxPageSize = 500;

    /// <summary>Name of the checkpoint row; one per upstream stream.</summary>
    public string Source { get; set; } = "petpooja";
    public int PageSize { get; set; } = MaxPageSize;
    /// <summary>Client-side rate limit; 0 = as fast as the server answers. The old client slept 1 s per page.</summary>
    public double RequestsPerSecond { get; set; } = 0;
    /// <summary>How often an incremental sync runs without being asked.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>Attempts per page (the first one included) before the sync fails and waits for the next run.</summary>
    public int MaxAttempts { get; set; } = 8;
    /// <summary>Per attempt: headers and the whole body must arrive within this.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>Base of the exponential back-off (doubled per attempt, with jitter).</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(250);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(60);
    /// <summary>A Retry-After longer than this is cut to it, so a misbehaving server cannot park the fetcher for hours.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>Each fetched page is kept as gzip JSON lines here; empty disables the archive.</summary>
    public string ArchiveFolder { get; set; } = Path.Combine(".data", "archive");
    public bool SyncOnStart { get; set; } = true;
    /// <summary>When any is set, POST /sync requires one of them as X-API-Key or "Authorization: Bearer". Several, for rotation.</summary>
    public List<string> AdminKeys { get; set; } = [];

    internal IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(Source)) yield return "Fetcher:Source must not be empty.";
        if (PageSize is < 1 or > MaxPageSize) yield return $"Fetcher:PageSize must be 1..{MaxPageSize} (the upstream serves no more).";
        if (!(RequestsPerSecond >= 0) || double.IsInfinity(RequestsPerSecond)) yield return "Fetcher:RequestsPerSecond must be >= 0.";
        if (MaxAttempts < 1) yield return "Fetcher:MaxAttempts must be >= 1.";
        if (RequestTimeout <= TimeSpan.Zero) yield return "Fetcher:RequestTimeout must be positive.";
        if (Interval <= TimeSpan.Zero) yield return "Fetcher:Interval must be positive.";
        if (InitialBackoff < TimeSpan.Zero || MaxBackoff < TimeSpan.Zero || MaxRetryAfter < TimeSpan.Zero)
            yield return "Fetcher back-off settings must not be negative.";
    }
}
