namespace OrderAnalytics.WebhookReceiver;

/// <summary>
/// Authentication: with <see cref="ApiKeys"/> set, every request must carry one of them (X-API-Key header or the
/// payload's token/Token); with <see cref="SigningSecret"/> set, every request must carry a valid Standard Webhooks
/// signature. At least one must be configured: the receiver refuses to start open to the world.
/// </summary>
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

    /// <summary>Retry-After sent with a 503.</summary>
    public int RetryAfterSeconds { get; set; } = 5;

    internal bool RequiresKey => ApiKeys.Any(k => !string.IsNullOrEmpty(k));

    internal bool RequiresSignature => !string.IsNullOrEmpty(SigningSecret);

    internal IEnumerable<string> Validate()
    {
        if (!RequiresKey && !RequiresSignature)
            yield return "Webhook:ApiKeys (or Webhook:SigningSecret) must be set: the receiver does not accept unauthenticated events.";
        if (RequiresSignature && WebhookAuthenticator.DecodeSecret(SigningSecret!) is null)
            yield return "Webhook:SigningSecret must be base64 (optionally prefixed whsec_).";
        if (SignatureTolerance <= TimeSpan.Zero) yield return "Webhook:SignatureTolerance must be positive.";
        if (MaxBodyBytes <= 0) yield return "Webhook:MaxBodyBytes must be positive.";
        if (HandOffTimeout <= TimeSpan.Zero) yield return "Webhook:HandOffTimeout must be positive.";
        if (RetryAfterSeconds < 0) yield return "Webhook:RetryAfterSeconds must be >= 0.";
    }
}
