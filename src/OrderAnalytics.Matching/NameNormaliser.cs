using System.Net;
using System.Text.RegularExpressions;

namespace OrderAnalytics.Matching;

/// <summary>
/// Turns a raw POS name into a comparable key. Two stages: <see cref="Prepare"/> keeps brackets and "+"
/// (the variant grammar needs them); <see cref="Normalise"/> reduces to lower-case words and digits.
/// Normalise is idempotent, so callers may store its output (e.g. as alias keys) and feed it back.
/// </summary>
public static partial class NameNormaliser
{
    // Spelling drift seen in PetPooja names, whole words only. Small on purpose: anything else is fuzzy's job.
    private static readonly Dictionary<string, string> SpellingFixes = new(StringComparer.Ordinal)
    {
        ["vanila"] = "vanilla",
        ["alphanso"] = "alphonso",
        ["eggles"] = "eggless",
        ["piec"] = "pie",             // "Boston Cream Piec(2pcs)": a typo of Pie, not of Piece
        ["belgium"] = "bean-to-bar",  // the dark chocolate range was rebranded
        ["factor"] = "factory",       // "School Kids Factor Visit"
        ["dryice"] = "dry ice",
        ["chocolte"] = "chocolate",
        ["choclate"] = "chocolate",
    };

    /// <summary>HTML-decoded, lower-case, quotes and dashes unified, seasonal tags gone, spelling fixed.</summary>
    public static string Prepare(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var s = raw;
        for (var i = 0; i < 2 && s.Contains('&'); i++) s = WebUtility.HtmlDecode(s);   // "&amp;amp;" happens
        s = s.ToLowerInvariant();
        s = Apostrophes().Replace(s, "");                 // "nona’s" == "nonas" on both sides
        s = s.Replace('\u2013', '-').Replace('\u2014', '-').Replace('\u00a0', ' ');
        s = SeasonalTag().Replace(s, " ");
        s = WithAlcohol().Replace(s, "contains alcohol");
        s = Word().Replace(s, m => SpellingFixes.GetValueOrDefault(m.Value, m.Value));
        return s;
    }

    /// <summary>Words and digits separated by single spaces; "%" is kept because "70%" names a product.</summary>
    public static string Normalise(string raw) => Reduce(Prepare(raw));

    /// <summary>Normalise for text that already went through <see cref="Prepare"/>.</summary>
    internal static string Reduce(string prepared)
    {
        var s = NonWord().Replace(prepared, " ").Trim();
        return RepeatedIceCream().Replace(s, "ice cream");   // "Pistachio Ice Cream Ice Cream"
    }

    /// <summary>Order-free key without filler ("ice cream", "dessert", "and"), so word-order drift matches exactly.</summary>
    internal static string LooseKey(string normalised)
    {
        var words = IceCream().Replace(normalised, " ")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w is not ("dessert" or "and"))
            .Order(StringComparer.Ordinal);
        return string.Join(' ', words);
    }

    [GeneratedRegex(@"['’‘`´]")] private static partial Regex Apostrophes();
    [GeneratedRegex(@"\(\s*(?:navratri|diwali|holi|christmas|xmas|new\s+year|valentines?|eid|rakhi|summer|winter|monsoon)(?:\s+special)?\s*\)")]
    private static partial Regex SeasonalTag();
    [GeneratedRegex(@"\bwith\s+alcohol\b")] private static partial Regex WithAlcohol();
    [GeneratedRegex(@"[a-z]+")] private static partial Regex Word();
    [GeneratedRegex(@"[^a-z0-9%]+")] private static partial Regex NonWord();
    [GeneratedRegex(@"\bice creams?(?: ice creams?)+\b")] private static partial Regex RepeatedIceCream();
    [GeneratedRegex(@"\bice creams?\b")] private static partial Regex IceCream();
}
