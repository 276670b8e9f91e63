using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace OrderAnalytics.WebhookReceiver;

/// <summary>Checks the API key (or payload token) in constant time and, when configured, a Standard Webhooks signature.</summary>
public sealed class WebhookAuthenticator(IOptionsMonitor<WebhookOptions> options, TimeProvider time)
{
    public bool RequiresKey => options.CurrentValue.RequiresKey;

    public bool IsKnownKey(string? presented) => ApiKeys.Matches(options.CurrentValue.ApiKeys, presented);

    /// <returns>null when the signature is valid or not required; otherwise why it was rejected.</returns>
    public string? CheckSignature(IHeaderDictionary headers, ReadOnlySpan<byte> body)
    {
        var settings = options.CurrentValue;
        if (!settings.RequiresSignature) return null;
        if (DecodeSecret(settings.SigningSecret!) is not { } key) return "the signing secret is misconfigured";

        string? id = headers["webhook-id"], timestamp = headers["webhook-timestamp"], signatures = headers["webhook-signature"];
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signatures))
            return "missing webhook-id, webhook-timestamp or webhook-signature";
        if (!long.TryParse(timestamp, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
            return "webhook-timestamp is not a number of seconds";
        // Compared as numbers: any value, however absurd, is just "outside the tolerance".
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var tolerance = (long)settings.SignatureTolerance.TotalSeconds;
        if (seconds < now - tolerance || seconds > now + tolerance) return "webhook-timestamp outside the tolerance";

        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(Encoding.UTF8.GetBytes($"{id}.{timestamp}."));
        hmac.AppendData(body);
        Span<byte> expected = stackalloc byte[32];
        hmac.GetHashAndReset(expected);

        Span<byte> given = stackalloc byte[64];
        foreach (var candidate in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = candidate.Split(',', 2);
            if (parts.Length == 2 && parts[0] == "v1" && Convert.TryFromBase64String(parts[1], given, out var written)
                && CryptographicOperations.FixedTimeEquals(expected, given[..written]))
                return null;
        }
        return "no valid v1 signature";
    }

    /// <summary>The HMAC key of a "whsec_…" (or bare) base64 secret; null when it is not base64.</summary>
    public static byte[]? DecodeSecret(string secret)
    {
        var text = secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret[6..] : secret;
        try { return text.Length == 0 ? null : Convert.FromBase64String(text); }
        catch (FormatException) { return null; }
    }
}
