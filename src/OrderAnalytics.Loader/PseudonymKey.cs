using System.Text;

namespace OrderAnalytics.Loader;

/// <summary>The secret behind customer pseudonyms. Changing it changes every pseudonym, so it is configuration, not code.</summary>
internal static class PseudonymKey
{
    public const string ConfigurationKey = "Privacy:PseudonymKey";

    public static byte[] From(IConfiguration configuration)
    {
        var key = configuration[ConfigurationKey];
        if (string.IsNullOrWhiteSpace(key) || key.Length < 16)
            throw new InvalidOperationException($"{ConfigurationKey} must be set (at least 16 characters); the AppHost generates one.");
        return Encoding.UTF8.GetBytes(key);
    }
}
