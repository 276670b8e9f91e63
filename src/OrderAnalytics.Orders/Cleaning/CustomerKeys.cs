using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using OrderAnalytics.Contracts;

namespace OrderAnalytics.Orders;

/// <summary>
/// The stable customer key. Pure and deterministic, so customer ids survive rebuilds:
/// <list type="bullet">
/// <item>"phone:+9198…" when the phone is valid;</item>
/// <item>else, for aggregator/online orders only, "name:{normalised name}|{normalised locality}" when confident:
/// the name has at least two real words of two or more letters (no placeholder such as "Guest") and a locality
/// was recognised;</item>
/// <item>else null (no customer row; never a fake customer).</item>
/// </list>
/// </summary>
public static class CustomerKeys
{
    public const string PhonePrefix = "phone:";
    public const string NamePrefix = "name:";

    private const int MaxNameLength = 120;

    private static readonly FrozenSet<string> Honorifics =
        new[] { "mr", "mrs", "ms", "miss", "dr", "shri", "smt", "sri", "er", "prof" }.ToFrozenSet();

    // Words that mean "no real name was given".
    private static readonly FrozenSet<string> Placeholders = new[]
    {
        "customer", "guest", "user", "zomato", "swiggy", "test", "na", "nil", "null", "none", "unknown", "walkin",
        "walk", "cash", "online", "order", "dineout", "magicpin", "ondc", "xyz", "abc",
    }.ToFrozenSet();

    private static readonly string[] LatinFold =
    [
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
        "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
        "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",
        "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",
        "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",
        "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",
        "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",
        "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",
        "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",
        "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",
        "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",
    ];

    /// <summary>The key for a customer of an order, given its already normalised phone and locality.</summary>
    public static string? For(string? phoneE164, string? name, string? locality, bool isAggregatorOrder)
    {
        if (!string.IsNullOrEmpty(phoneE164)) return PhonePrefix + phoneE164;
        if (!isAggregatorOrder || locality is null) return null;
        var normalisedName = NormaliseName(name, out var confident);
        if (!confident) return null;
        return $"{NamePrefix}{normalisedName}|{LocalityExtractor.NormaliseForKey(locality)}";
    }

    /// <summary>
    /// True for orders that came through an aggregator or online channel (Zomato, Swiggy, the cafe's website…),
    /// which carry a delivery name and address; false for POS / dine-in / unknown.
    /// </summary>
    public static bool IsAggregatorOrder(OrderData order)
    {
        var from = order.OrderFrom?.Trim();
        if (!string.IsNullOrEmpty(from) && !from.Equals("POS", StringComparison.OrdinalIgnoreCase)) return true;
        var sub = order.SubOrderType;
        return sub is not null && (sub.Contains("zomato", StringComparison.OrdinalIgnoreCase)
                                   || sub.Contains("swiggy", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Lower-case, accents removed, letters only, honorifics dropped, single spaces: "  Dr. Mudita  ROY " → "mudita roy".
    /// <paramref name="confident"/> is true when at least two words of two or more letters remain and none is a placeholder.
    /// </summary>
    public static string NormaliseName(string? name, out bool confident)
    {
        confident = false;
        if (string.IsNullOrWhiteSpace(name)) return "";
        var text = name.Length > MaxNameLength ? name[..MaxNameLength] : name;

        // No string.Normalize: it depends on the globalization mode (a no-op under InvariantGlobalization), and
        // keys must not change with configuration. Latin accents are folded with a fixed table instead.
        var sb = new StringBuilder(text.Length);
        var words = 0;
        var realWords = 0;
        var placeholder = false;
        var word = new StringBuilder(24);

        void EndWord()
        {
            if (word.Length == 0) return;
            var w = word.ToString();
            word.Clear();
            if (Honorifics.Contains(w)) return;
            if (Placeholders.Contains(w)) placeholder = true;
            if (words++ > 0) sb.Append(' ');
            sb.Append(w);
            if (w.Length >= 2) realWords++;
        }

        foreach (var c in text)
        {
            if (c is >= '\u00C0' and <= '\u017F')
            {
                var folded = LatinFold[c - '\u00C0'];
                if (folded.Length == 0) EndWord();
                else word.Append(folded);
                continue;
            }
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                // keep marks inside non-Latin words (Devanagari vowel signs), drop combining accents on Latin letters
                if (word.Length > 0 && word[^1] > '\u024F') word.Append(c);
                continue;
            }
            if (char.IsLetter(c)) word.Append(char.ToLowerInvariant(c));
            else if (c is '\'' or '\u2019') continue; // "D'Souza" -> "dsouza"
            else EndWord();
        }
        EndWord();

        confident = realWords >= 2 && !placeholder;
        return sb.ToString();
    }
}
