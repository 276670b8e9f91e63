using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace OrderAnalytics.Matching;

/// <summary>A raw name split into its product part and its size notation.</summary>
/// <param name="NormalisedName">The whole name, normalised (notation included).</param>
/// <param name="BaseName">The normalised name without the size notation.</param>
/// <param name="Spec">What the notation says; <see cref="VariantSpec.Empty"/> when there is none.</param>
/// <param name="VariantCode">The one menu code the notation maps to, or null when none or several fit.</param>
/// <param name="CandidateCodes">Every menu code the notation fits (narrow it with the item's own variants).</param>
public sealed record ParsedName(
    string NormalisedName, string BaseName, VariantSpec Spec, string? VariantCode, IReadOnlyList<string> CandidateCodes);

/// <summary>Which of an item's variants a notation selects. <see cref="Variant"/> is set only when exactly one fits.</summary>
public sealed record VariantResolution(string? Variant, IReadOnlyList<string> Candidates)
{
    public bool IsResolved => Variant is not null;
    public bool IsAmbiguous => Variant is null && Candidates.Count > 1;
}

/// <summary>
/// A small grammar for the size notations PetPooja names carry, mapped onto the menu's own variant codes:
/// <code>
/// group    := "(" (word | size | count | "+")* ")"     e.g. (Regular Tub (300ml)), (200+200+200 Ml), (2pcs)
/// bare     := size | count                                e.g. "... 200ml", "Ice Cream Cake 1kg"
/// trailing := (regular|junior|small|mini|family) (scoop|tub|feast) | perfect plenty   at the end of the name
/// size     := number unit       unit: ml l gm gms g kg      count := number (pc|pcs|piece|pieces)
/// </code>
/// Groups nest and merge ("(Regular Tub (300ml))" = regular + tub + 300ml). A group with any word outside the
/// vocabulary (e.g. "(eggless)", "(contains alcohol)") is part of the product name, not a notation. The
/// vocabulary is the words of the menu's codes plus a few synonyms, so a new code adds its own words.
/// </summary>
public sealed partial class VariantParser
{
    // Raw words that mean a code word; "small scoop" is how addons name the junior scoop.
    private static readonly FrozenDictionary<string, string> Synonyms = new Dictionary<string, string>
    {
        ["small"] = "junior", ["jr"] = "junior", ["feast"] = "tub", ["reg"] = "regular",
    }.ToFrozenDictionary();

    // Marketing words allowed inside a notation that carry no size information ("Mini Indulgence (200ml)").
    private static readonly FrozenSet<string> Noise = new[] { "indulgence", "size", "of", "x" }.ToFrozenSet();

    private readonly FrozenDictionary<string, VariantSpec> _codes;
    private readonly FrozenSet<string> _vocabulary;

    public VariantParser(IEnumerable<string> menuVariantCodes)
    {
        _codes = menuVariantCodes.Distinct().ToFrozenDictionary(c => c, VariantSpec.FromCode);
        _vocabulary = _codes.Values.SelectMany(s => s.Words).Concat(Synonyms.Keys).Concat(Noise).ToFrozenSet();
    }

    public VariantParser(MenuCatalog menu) : this(menu.Entries.Select(e => e.Variant)) { }

    public IReadOnlyCollection<string> MenuCodes => _codes.Keys;

    public ParsedName Parse(string raw) => ParsePrepared(NameNormaliser.Prepare(raw));

    /// <summary>Words the grammar understands (code words, synonyms, noise), e.g. for spelling correction.</summary>
    public IEnumerable<string> Vocabulary => _vocabulary;

    internal ParsedName ParsePrepared(string prepared)
    {
        var (remaining, spec) = Extract(prepared);
        // No notation says nothing about the size: only an item's own variants can (see Resolve).
        IReadOnlyList<string> candidates = spec.IsEmpty ? [] : Resolve(spec, _codes.Keys).Candidates;
        return new ParsedName(
            NameNormaliser.Reduce(prepared),
            NameNormaliser.Reduce(remaining),
            spec,
            candidates.Count == 1 ? candidates[0] : null,
            candidates);
    }

    /// <summary>Narrows a notation to the variants one item actually has.</summary>
    public VariantResolution Resolve(VariantSpec spec, IEnumerable<string> itemVariants)
    {
        var fits = itemVariants.Where(c => spec.IsCompatibleWith(CodeSpec(c))).ToList();
        if (fits.Count > 1)
        {
            // "(family)" fits FAMILY and every FAMILY_TUB_*: the code saying exactly that wins.
            var exact = fits.Where(c => spec.IsExactly(CodeSpec(c))).ToList();
            if (exact.Count == 1) fits = exact;
            // No notation at all on a piece item ("Fudgy Chocolate Brownie"): an unwritten count means one.
            else if (spec.IsEmpty && fits.Count(c => CodeSpec(c).Pieces == 1) == 1)
                fits = fits.Where(c => CodeSpec(c).Pieces == 1).ToList();
        }
        return new VariantResolution(fits.Count == 1 ? fits[0] : null, fits);
    }

    internal VariantSpec CodeSpec(string code) => _codes.TryGetValue(code, out var s) ? s : VariantSpec.FromCode(code);

    private (string Remaining, VariantSpec Spec) Extract(string s)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var sizes = new List<SizeQty>();
        int? pieces = null;

        // Innermost groups first, repeatedly, so "(regular tub (300ml))" is read inside-out and merged.
        bool changed;
        do
        {
            changed = false;
            s = InnermostGroup().Replace(s, m =>
            {
                if (!TryReadNotation(m.Groups[1].Value, words, sizes, ref pieces)) return m.Value;
                changed = true;
                return " ";
            });
        } while (changed);

        s = BareSize().Replace(s, m => TryReadNotation(m.Value, words, sizes, ref pieces) ? " " : m.Value);
        s = TrailingPhrase().Replace(s, m => TryReadNotation(m.Value, words, sizes, ref pieces) ? " " : m.Value);
        return (s, new VariantSpec(words, sizes, pieces));
    }

    /// <summary>Reads one notation into the accumulators; leaves them untouched and returns false if it is not one.</summary>
    private bool TryReadNotation(string text, HashSet<string> words, List<SizeQty> sizes, ref int? pieces)
    {
        var newWords = new List<string>();
        var newSizes = new List<SizeQty>();
        var pendingNumbers = new List<string>();   // "200+200+200 ml": the unit comes last
        int? newPieces = null, repeat = null;

        // Anything the tokens do not cover (%, &, ...) means this is part of the name, not a notation.
        if (!NotationToken().Replace(text, "").All(c => char.IsWhiteSpace(c) || c is '-' or ',')) return false;

        foreach (Match t in NotationToken().Matches(text))
        {
            var (num, unit, word) = (t.Groups["num"].Value, t.Groups["unit"].Value, t.Groups["word"].Value);
            if (t.Value == "+") continue;
            if (word.Length > 0)
            {
                if (!_vocabulary.Contains(word)) return false;
                if (!Noise.Contains(word)) newWords.Add(Synonyms.GetValueOrDefault(word, word));
            }
            else if (unit.Length == 0) pendingNumbers.Add(num);
            else if (unit is "pc" or "pcs" or "piece" or "pieces" or "x")
            {
                if (!int.TryParse(num, out var n)) return false;   // "1.5pcs" is not a count
                if (unit == "x") repeat = n; else newPieces = n;
            }
            else if (SizeQty.From(num, unit) is { } size)
            {
                foreach (var p in pendingNumbers) newSizes.Add(SizeQty.From(p, unit)!.Value);
                pendingNumbers.Clear();
                newSizes.AddRange(Enumerable.Repeat(size, repeat ?? 1));
                repeat = null;
            }
            else return false;
        }
        if (pendingNumbers.Count > 0 || repeat is not null) return false;
        if (newWords.Count == 0 && newSizes.Count == 0 && newPieces is null) return false;

        words.UnionWith(newWords);
        sizes.AddRange(newSizes);
        pieces = newPieces ?? pieces;
        return true;
    }

    [GeneratedRegex(@"\(([^()]*)\)")] private static partial Regex InnermostGroup();
    [GeneratedRegex(@"(?<num>\d+(?:\.\d+)?)\s*(?<unit>ml|ltr|l|gms|gm|g|grams?|kgs?|pcs|pc|pieces?|x)(?![a-z])|(?<num>\d+(?:\.\d+)?)|(?<word>[a-z]+)|\+")]
    private static partial Regex NotationToken();
    [GeneratedRegex(@"(?<![a-z0-9.])\d+(?:\.\d+)?\s*(?:ml|ltr|gms|gm|g|grams?|kgs?|pcs|pc|pieces?)(?![a-z0-9])")]
    private static partial Regex BareSize();
    [GeneratedRegex(@"(?<![a-z])(?:(?:regular|junior|small|mini|family)\s+(?:scoop|tub|feast)|perfect\s+plenty)\s*$")]
    private static partial Regex TrailingPhrase();
}
