namespace OrderAnalytics.WebhookReceiver;

public sealed class WebhookOptions
{
    /// <summary>Accepted keys (X-API-Key header or the payload's token). Several, so a key can be rotated without downtime.</summary>
    public List<string> ApiKeys { get; set; } = [];

    /// <summary>Standard Webhooks signing secret ("whsec_…" base64); when set, every request must be signed.</summary>
    public string? SigningSecret { get; set; }

    public TimeSpan SignatureTolerance { get; set; } = TimeSpan.FromMinutes(5);

    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How long the broker may take to confirm before we answer 503 and let the sender retry.</summary>
    public TimeSpan HandOffTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
