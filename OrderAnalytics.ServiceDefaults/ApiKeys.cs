using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Microsoft.Extensions.Hosting;

/// <summary>API keys as every service checks them: from "X-API-Key" or "Authorization: Bearer", compared in constant time.</summary>
public static class ApiKeys
{
    /// <summary>The key a request presents, or an empty string.</summary>
    public static string Presented(HttpRequest request)
    {
        var presented = request.Headers["X-API-Key"].ToString();
        if (presented.Length == 0 && request.Headers.Authorization.ToString() is { } auth
            && auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            presented = auth[7..].Trim();
        return presented;
    }

    /// <summary>
    /// Whether <paramref name="presented"/> is one of the configured keys (several, so keys can be rotated). Every key is
    /// compared, with no early exit, so timing does not tell which key nearly matched.
    /// </summary>
    public static bool Matches(IEnumerable<string> configured, string? presented)
    {
        if (string.IsNullOrEmpty(presented)) return false;
        var given = Encoding.UTF8.GetBytes(presented);
        var match = false;
        foreach (var key in configured.Where(k => !string.IsNullOrEmpty(k)))
            match |= CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(key));
        return match;
    }
}
