using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace OrderAnalytics.WebhookReceiver;

/// <summary>Checks the API key (or payload token) in constant time and, when configured, a Standard Webhooks signature.</summary>
public sealed class WebhookAuthenticator(IOptionsMonitor<WebhookOptions> options, TimeProvider time)
{
    public bool IsKnownKey(string? presented)
    {
        if (string.IsNullOrEmpty(presented)) return false;
        var given = Encoding.UTF8.GetBytes(presented);
        var match = false;
        // Compare with every key (no early exit), so timing does not tell which key nearly matched.
        foreach (var key in options.CurrentValue.ApiKeys.Where(k => !string.IsNullOrEmpty(k)))
            match |= CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(key));
        return match;
    }

    /// <returns>null when the signature is valid or not required; otherwise why it was rejected.</returns>
    public string? CheckSignature(IHeaderDictionary headers, ReadOnlySpan<byte> body)
    {
        var secret = options.CurrentValue.SigningSecret;
        if (string.IsNullOrEmpty(secret)) return null;

        string? id = headers["webhook-id"], timestamp = headers["webhook-timestamp"], signatures = headers["webhook-signature"];
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signatures))
            return "missing webhook-id, webhook-timestamp or webhook-signature";
        if (!long.TryParse(timestamp, out var seconds)) return "webhook-timestamp is not a number";
        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (age.Duration() > options.CurrentValue.SignatureTolerance) return "webhook-timestamp outside the tolerance";

        var key = Convert.FromBase64String(secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret[6..] : secret);
        var signed = Encoding.UTF8.GetBytes($"{id}.{timestamp}.");
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(signed);
        hmac.AppendData(body);
        var expected = hmac.GetHashAndReset();

        foreach (var candidate in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = candidate.Split(',', 2);
            if (parts.Length != 2 || parts[0] != "v1") continue;
            try
            {
                if (CryptographicOperations.FixedTimeEquals(expected, Convert.FromBase64String(parts[1]))) return null;
            }
            catch (FormatException) { }
        }
        return "no valid v1 signature";
    }
}
