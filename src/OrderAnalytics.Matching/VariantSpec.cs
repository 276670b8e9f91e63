using System.Globalization;
using System.Text.RegularExpressions;

namespace OrderAnalytics.Matching;

/// <summary>A quantity in base units: millilitres ("ML") or grams ("G"). Litres and kilos are scaled.</summary>
public readonly record struct SizeQty(decimal Amount, string Unit) : IComparable<SizeQty>
{
    public int CompareTo(SizeQty other)
    {
        var byUnit = string.CompareOrdinal(Unit, other.Unit);
        return byUnit != 0 ? byUnit : Amount.CompareTo(other.Amount);
    }

    public override string ToString() => Amount.ToString("0.##", CultureInfo.InvariantCulture) + Unit;

    /// <summary>Parses "300", "ml" / "gms" / "kg" ...; null for an unknown unit.</summary>
    internal static SizeQty? From(string number, string unit)
    {
        var n = decimal.Parse(number, CultureInfo.InvariantCulture);
        return unit.ToLowerInvariant() switch
        {
            "ml" => new SizeQty(n, "ML"),
            "l" or "ltr" or "litre" or "liter" => new SizeQty(n * 1000, "ML"),
            "g" or "gm" or "gms" or "gram" or "grams" => new SizeQty(n, "G"),
            "kg" or "kgs" => new SizeQty(n * 1000, "G"),
            _ => null,
        };
    }
}

/// <summary>
/// What a size notation says, in one shape for raw names and menu codes alike: descriptive words
/// ("regular", "tub"), quantities (several for duos and packs) and a piece count.
/// </summary>
public sealed partial record VariantSpec(IReadOnlySet<string> Words, IReadOnlyList<SizeQty> Sizes, int? Pieces)
{
    public static readonly VariantSpec Empty = new(new HashSet<string>(), [], null);

    public bool IsEmpty => Words.Count == 0 && Sizes.Count == 0 && Pieces is null;

    /// <summary>True when a name written with this notation can be sold as <paramref name="code"/>.</summary>
    public bool IsCompatibleWith(VariantSpec code)
    {
        if (Pieces is not null && code.Pieces != Pieces) return false;
        if (Sizes.Count > 0 && !SameSizes(Sizes, code.Sizes)) return false;
        return Words.All(code.Words.Contains);
    }

    /// <summary>Same words and same quantities: the notation names this code and nothing more.</summary>
    public bool IsExactly(VariantSpec code) =>
        Words.SetEquals(code.Words) && SameSizes(Sizes, code.Sizes) && Pieces == code.Pieces;

    private static bool SameSizes(IReadOnlyList<SizeQty> a, IReadOnlyList<SizeQty> b) => (a.Count, b.Count) switch
    {
        var (x, y) when x != y => false,
        (0, _) => true,
        (1, _) => a[0] == b[0],   // the common case, without sorting
        _ => a.Order().SequenceEqual(b.Order()),
    };

    /// <summary>Reads a menu variant code: REGULAR_TUB_300ML, DUO_200ML_200ML, FAMILY_PACK_3X200ML, 2_PIECES, 1KG.</summary>
    public static VariantSpec FromCode(string code)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var sizes = new List<SizeQty>();
        int? pieces = null;
        var parts = code.ToLowerInvariant().Split('_', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            var p = parts[i];
            Match m;
            if ((m = CodeMultiSize().Match(p)).Success && SizeQty.From(m.Groups[2].Value, m.Groups[3].Value) is { } each)
                sizes.AddRange(Enumerable.Repeat(each, int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)));
            else if ((m = CodeSize().Match(p)).Success && SizeQty.From(m.Groups[1].Value, m.Groups[2].Value) is { } size)
                sizes.Add(size);
            else if (int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                     && i + 1 < parts.Length && parts[i + 1] is "piece" or "pieces" or "pc" or "pcs")
            { pieces = n; i++; }
            else words.Add(p);
        }
        return new VariantSpec(words, sizes, pieces);
    }

    public override string ToString() =>
        string.Join(' ', Words.Order().Concat(Sizes.Select(s => s.ToString()))
            .Concat(Pieces is { } p ? [p + "pcs"] : []));

    [GeneratedRegex(@"^(\d+)x(\d+(?:\.\d+)?)([a-z]+)$")] private static partial Regex CodeMultiSize();
    [GeneratedRegex(@"^(\d+(?:\.\d+)?)([a-z]+)$")] private static partial Regex CodeSize();
}
