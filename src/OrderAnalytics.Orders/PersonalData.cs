using System.Security.Cryptography;
using System.Text;

namespace OrderAnalytics.Orders;

/// <summary>
/// Pseudonyms for analysts who must never see raw phones or names. The key is a secret from configuration;
/// the same key gives the same pseudonym for the same customer key, so joins and counts still work.
/// </summary>
public static class PersonalData
{
    /// <summary>Minimum key length in bytes (HMAC-SHA256 keys shorter than this are guessable).</summary>
    public const int MinKeyLength = 16;

    private const int HexChars = 16;

    /// <summary>"c_" + the first 16 hex characters (64 bits) of HMAC-SHA256(key, customerKey) in lower case.</summary>
    public static string Pseudonym(string customerKey, byte[] key)
    {
        ArgumentNullException.ThrowIfNull(customerKey);
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < MinKeyLength)
            throw new ArgumentException($"The pseudonym key must be at least {MinKeyLength} bytes.", nameof(key));

        var maxBytes = Encoding.UTF8.GetMaxByteCount(customerKey.Length);
        var buffer = maxBytes <= 512 ? stackalloc byte[maxBytes] : new byte[maxBytes];
        var n = Encoding.UTF8.GetBytes(customerKey, buffer);

        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, buffer[..n], mac);
        return "c_" + Convert.ToHexStringLower(mac[..(HexChars / 2)]);
    }

    /// <summary>Null in, null out; otherwise <see cref="Pseudonym(string, byte[])"/>.</summary>
    public static string? PseudonymOrNull(string? customerKey, byte[] key) =>
        customerKey is null ? null : Pseudonym(customerKey, key);

    /// <summary>"+919876543210" → "+91******3210": for logs and support screens.</summary>
    public static string MaskPhone(string? phone)
    {
        if (string.IsNullOrEmpty(phone)) return "";
        var chars = phone.ToCharArray();
        var keepStart = phone.StartsWith('+') ? 3 : 0;
        for (var i = keepStart; i < chars.Length - 4; i++)
        {
            if (char.IsAsciiDigit(chars[i])) chars[i] = '*';
        }
        return new string(chars);
    }
}
