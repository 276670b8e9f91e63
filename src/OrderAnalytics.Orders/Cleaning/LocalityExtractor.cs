using System.Collections.Frozen;

namespace OrderAnalytics.Orders;

/// <summary>
/// Extracts a canonical locality ("Sector 66", "DLF Phase 3", "Golf Course Road") from a free-text
/// Gurgaon/Gurugram delivery address, or null when none is recognised (or the address is in another city).
/// A table of known localities plus the sector / phase / numbered-colony patterns; no regex; deterministic.
/// When an address names several, the most precise wins: a sector, then a colony, then a road, then a town;
/// ties go to the one written first.
/// </summary>
public sealed class LocalityExtractor
{
    public static LocalityExtractor Default { get; } = new();

    private const int MaxAddressLength = 1000;
    private const int MaxSector = 115;

    private enum Rank { Sector = 0, Colony = 1, Road = 2, Town = 3 }

    /// <summary>A phrase; when <see cref="MaxNumber"/> &gt; 0 a number may (or must) follow, e.g. "South City 2".</summary>
    private sealed record Pattern(string[] Tokens, string Canonical, Rank Rank, int MaxNumber = 0,
        string? NumberedFormat = null, bool NumberRequired = false);

    private static readonly FrozenSet<string> SectorWords =
        new[] { "sector", "sec", "sect", "sectr", "secter", "sectore", "sectors" }.ToFrozenSet();

    private static readonly FrozenSet<string> NumberFillers =
        new[] { "phase", "ph", "no", "number", "block" }.ToFrozenSet();

    private static readonly FrozenSet<string> GurgaonWords =
        new[] { "gurgaon", "gurugram", "ggn", "gurgoan", "gurugaon" }.ToFrozenSet();

    private static readonly FrozenSet<string> OtherCityWords =
        new[] { "noida", "faridabad", "ghaziabad", "chandigarh", "panchkula", "mohali", "rohini", "mumbai", "bangalore", "bengaluru", "pune" }.ToFrozenSet();

    private static readonly Pattern[] Patterns =
    [
        // numbered colonies
        new(["dlf", "phase"], "DLF", Rank.Colony, 5, "DLF Phase {0}", NumberRequired: true),
        new(["dlf", "ph"], "DLF", Rank.Colony, 5, "DLF Phase {0}", NumberRequired: true),
        new(["dlf", "city", "phase"], "DLF", Rank.Colony, 5, "DLF Phase {0}", NumberRequired: true),
        new(["dlf", "city", "ph"], "DLF", Rank.Colony, 5, "DLF Phase {0}", NumberRequired: true),
        new(["dlf", "city"], "DLF", Rank.Colony, 5, "DLF Phase {0}", NumberRequired: true),
        new(["udyog", "vihar"], "Udyog Vihar", Rank.Colony, 6, "Udyog Vihar Phase {0}"),
        new(["south", "city"], "South City", Rank.Colony, 2, "South City {0}"),
        new(["southcity"], "South City", Rank.Colony, 2, "South City {0}"),
        new(["sushant", "lok"], "Sushant Lok", Rank.Colony, 3, "Sushant Lok {0}"),
        new(["sushantlok"], "Sushant Lok", Rank.Colony, 3, "Sushant Lok {0}"),
        new(["sushant", "lock"], "Sushant Lok", Rank.Colony, 3, "Sushant Lok {0}"),

        // named colonies and condominium townships
        new(["palam", "vihar", "extension"], "Palam Vihar Extension", Rank.Colony),
        new(["palam", "vihar", "extn"], "Palam Vihar Extension", Rank.Colony),
        new(["palam", "vihar", "ext"], "Palam Vihar Extension", Rank.Colony),
        new(["new", "palam", "vihar"], "New Palam Vihar", Rank.Colony),
        new(["palam", "vihar"], "Palam Vihar", Rank.Colony),
        new(["nirvana", "country"], "Nirvana Country", Rank.Colony),
        new(["nirvana"], "Nirvana Country", Rank.Colony),
        new(["malibu", "town"], "Malibu Towne", Rank.Colony),
        new(["malibu", "towne"], "Malibu Towne", Rank.Colony),
        new(["mayfield", "garden"], "Mayfield Garden", Rank.Colony),
        new(["mayfield", "gardens"], "Mayfield Garden", Rank.Colony),
        new(["ardee", "city"], "Ardee City", Rank.Colony),
        new(["greenwood", "city"], "Greenwood City", Rank.Colony),
        new(["vatika", "city"], "Vatika City", Rank.Colony),
        new(["rosewood", "city"], "Rosewood City", Rank.Colony),
        new(["sun", "city"], "Suncity", Rank.Colony),
        new(["suncity"], "Suncity", Rank.Colony),
        new(["uppal", "southend"], "Uppal Southend", Rank.Colony),
        new(["uppal", "south", "end"], "Uppal Southend", Rank.Colony),
        new(["cyber", "city"], "DLF Cyber City", Rank.Colony),
        new(["cyber", "hub"], "DLF Cyber City", Rank.Colony),
        new(["cyberhub"], "DLF Cyber City", Rank.Colony),
        new(["old", "dlf", "colony"], "Old DLF Colony", Rank.Colony),
        new(["old", "dlf"], "Old DLF Colony", Rank.Colony),
        new(["ashok", "vihar"], "Ashok Vihar", Rank.Colony),
        new(["laxman", "vihar"], "Laxman Vihar", Rank.Colony),
        new(["shivaji", "nagar"], "Shivaji Nagar", Rank.Colony),
        new(["civil", "lines"], "Civil Lines", Rank.Colony),
        new(["rajendra", "park"], "Rajendra Park", Rank.Colony),
        new(["sheetla", "colony"], "Sheetla Colony", Rank.Colony),
        new(["valley", "view", "estate"], "Valley View Estate", Rank.Colony),
        new(["sikanderpur"], "Sikanderpur", Rank.Colony),
        new(["sikandarpur"], "Sikanderpur", Rank.Colony),
        new(["chakkarpur"], "Chakkarpur", Rank.Colony),
        new(["nathupur"], "Nathupur", Rank.Colony),
        new(["wazirabad"], "Wazirabad", Rank.Colony),
        new(["kanhai"], "Kanhai", Rank.Colony),
        new(["jharsa"], "Jharsa", Rank.Colony),
        new(["gwal", "pahari"], "Gwal Pahari", Rank.Colony),

        // roads and corridors
        new(["golf", "course", "extension", "road"], "Golf Course Extension Road", Rank.Road),
        new(["golf", "course", "extn", "road"], "Golf Course Extension Road", Rank.Road),
        new(["golf", "course", "ext", "road"], "Golf Course Extension Road", Rank.Road),
        new(["golf", "course", "extension"], "Golf Course Extension Road", Rank.Road),
        new(["golf", "course", "ext"], "Golf Course Extension Road", Rank.Road),
        new(["gcer"], "Golf Course Extension Road", Rank.Road),
        new(["golf", "course", "road"], "Golf Course Road", Rank.Road),
        new(["golf", "course", "rd"], "Golf Course Road", Rank.Road),
        new(["golfcourse", "road"], "Golf Course Road", Rank.Road),
        new(["gcr"], "Golf Course Road", Rank.Road),
        new(["sohna", "road"], "Sohna Road", Rank.Road),
        new(["sohna", "rd"], "Sohna Road", Rank.Road),
        new(["mg", "road"], "MG Road", Rank.Road),
        new(["m", "g", "road"], "MG Road", Rank.Road),
        new(["mehrauli", "gurgaon", "road"], "MG Road", Rank.Road),
        new(["dwarka", "expressway"], "Dwarka Expressway", Rank.Road),
        new(["dwarka", "expy"], "Dwarka Expressway", Rank.Road),
        new(["dwarka", "e", "way"], "Dwarka Expressway", Rank.Road),
        new(["northern", "peripheral", "road"], "Dwarka Expressway", Rank.Road),
        new(["southern", "peripheral", "road"], "Southern Peripheral Road", Rank.Road),
        new(["spr"], "Southern Peripheral Road", Rank.Road),

        // towns on the edge of the city
        new(["imt", "manesar"], "Manesar", Rank.Town),
        new(["manesar"], "Manesar", Rank.Town),
        new(["sohna"], "Sohna", Rank.Town),
        new(["badshahpur"], "Badshahpur", Rank.Town),
    ];

    // first token → patterns starting with it, longest first
    private static readonly FrozenDictionary<string, Pattern[]> ByFirstToken = Patterns
        .GroupBy(p => p.Tokens[0])
        .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(p => p.Tokens.Length).ToArray());

    private readonly record struct Token(string Text, bool GluedToPrevious);

    /// <summary>The canonical locality of an address, or null.</summary>
    public string? Extract(string? address)
    {
        if (string.IsNullOrWhiteSpace(address)) return null;
        var tokens = Tokenize(address.Length > MaxAddressLength ? address[..MaxAddressLength] : address);
        if (tokens.Count == 0) return null;

        if (IsOtherCity(tokens)) return null;

        string? best = null;
        var bestRank = int.MaxValue;
        for (var i = 0; i < tokens.Count && bestRank > (int)Rank.Sector; i++)
        {
            var t = tokens[i].Text;
            if (SectorWords.Contains(t))
            {
                var sector = MatchSector(tokens, i + 1);
                if (sector is not null)
                {
                    best = sector;
                    bestRank = (int)Rank.Sector;
                    break;
                }
            }

            if (!ByFirstToken.TryGetValue(t, out var candidates)) continue;
            foreach (var pattern in candidates)
            {
                if ((int)pattern.Rank >= bestRank) continue;
                var match = MatchPattern(tokens, i, pattern);
                if (match is null) continue;
                best = match;
                bestRank = (int)pattern.Rank;
                break;
            }
        }
        return best;
    }

    /// <summary>Lower-case form used inside customer keys ("sector 66").</summary>
    public static string NormaliseForKey(string locality) => locality.ToLowerInvariant();

    private static bool IsOtherCity(List<Token> tokens)
    {
        var other = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i].Text;
            if (GurgaonWords.Contains(t)) return false;
            if (OtherCityWords.Contains(t)) other = true;
            else if (t == "dwarka" && (i + 1 >= tokens.Count || tokens[i + 1].Text is not ("expressway" or "expy" or "e"))) other = true;
            else if (t == "new" && i + 1 < tokens.Count && tokens[i + 1].Text == "delhi") other = true;
        }
        return other;
    }

    private static string? MatchSector(List<Token> tokens, int j)
    {
        while (j < tokens.Count && NumberFillers.Contains(tokens[j].Text) && tokens[j].Text != "phase" && tokens[j].Text != "ph") j++;
        if (j >= tokens.Count) return null;
        if (!TryNumber(tokens[j].Text, allowRoman: false, out var n) || n < 1 || n > MaxSector) return null;
        // "Sector 23A" / "sector-10a": a single letter glued to the number.
        if (j + 1 < tokens.Count && tokens[j + 1].GluedToPrevious && tokens[j + 1].Text.Length == 1
            && tokens[j + 1].Text[0] is >= 'a' and <= 'd')
        {
            return $"Sector {n}{char.ToUpperInvariant(tokens[j + 1].Text[0])}";
        }
        return $"Sector {n}";
    }

    private static string? MatchPattern(List<Token> tokens, int i, Pattern pattern)
    {
        var len = pattern.Tokens.Length;
        if (i + len > tokens.Count) return null;
        for (var k = 1; k < len; k++)
        {
            if (tokens[i + k].Text != pattern.Tokens[k]) return null;
        }
        if (pattern.MaxNumber == 0) return pattern.Canonical;

        var j = i + len;
        while (j < tokens.Count && NumberFillers.Contains(tokens[j].Text)) j++;
        if (j < tokens.Count && TryNumber(tokens[j].Text, allowRoman: true, out var n) && n >= 1 && n <= pattern.MaxNumber)
            return string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern.NumberedFormat!, n);
        return pattern.NumberRequired ? null : pattern.Canonical;
    }

    private static bool TryNumber(string t, bool allowRoman, out int n)
    {
        n = 0;
        if (t.Length is > 0 and <= 3 && t.All(char.IsAsciiDigit))
        {
            n = int.Parse(t, System.Globalization.CultureInfo.InvariantCulture);
            return true;
        }
        if (!allowRoman) return false;
        n = t switch { "i" => 1, "ii" => 2, "iii" => 3, "iv" => 4, "v" => 5, "vi" => 6, "one" => 1, "two" => 2, "three" => 3, _ => 0 };
        return n > 0;
    }

    /// <summary>
    /// Lower-case ASCII-folded tokens of letters or of digits; every other character separates. A token that
    /// follows the previous one with no separator ("66a", "sector66") is marked as glued.
    /// </summary>
    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>(16);
        Span<char> buffer = stackalloc char[64];
        var len = 0;
        var kind = 0; // 0 none, 1 letters, 2 digits
        var glued = false;
        var lastWasToken = false;

        void Flush(Span<char> buf, ref int l, bool g)
        {
            if (l == 0) return;
            tokens.Add(new Token(new string(buf[..l]), g));
            l = 0;
        }

        foreach (var raw in text)
        {
            var c = char.ToLowerInvariant(raw);
            var k = c is >= 'a' and <= 'z' ? 1 : char.IsAsciiDigit(c) ? 2 : 0;
            if (k == 0)
            {
                Flush(buffer, ref len, glued);
                kind = 0;
                lastWasToken = false;
                continue;
            }
            if (k != kind)
            {
                var wasToken = len > 0 || lastWasToken;
                Flush(buffer, ref len, glued);
                glued = wasToken && kind != 0;
                kind = k;
            }
            if (len < buffer.Length) buffer[len++] = c;
            lastWasToken = true;
        }
        Flush(buffer, ref len, glued);
        return tokens;
    }
}
