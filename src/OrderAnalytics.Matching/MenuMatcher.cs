using System.Collections.Concurrent;
using System.Collections.Frozen;
using FuzzySharp;

namespace OrderAnalytics.Matching;

/// <summary>
/// Matches raw PetPooja item/addon names to the cleaned menu. Pipeline: caller's verified aliases, exact
/// normalised name, exact name without the size notation, exact order-free key, then FuzzySharp against the
/// menu's distinct base names. Results are memoised per raw string; the instance is thread-safe.
/// </summary>
public sealed class MenuMatcher
{
    private const int ShortlistSize = 12;

    private readonly MenuCatalog _menu;
    private readonly VariantParser _parser;
    private readonly TokenCorrector _corrector;
    private readonly MenuIndex _products;
    private readonly MenuIndex _nonProducts;
    private readonly FrozenSet<string> _nonProductNames;
    private readonly FrozenDictionary<string, MenuRef> _aliases;
    private readonly FrozenDictionary<string, MenuRef> _itemIdHints;
    private readonly ConcurrentDictionary<string, MatchResult> _cache = new(StringComparer.Ordinal);
    private int _cacheCount;
    private long _scored;

    /// <param name="aliases">Verified raw names: key is any raw or normalised name (it is normalised again).</param>
    /// <param name="itemIdHints">PetPooja itemid -> the menu item it usually is. Only breaks ties; never decides alone.</param>
    public MenuMatcher(
        MenuCatalog menu,
        IReadOnlyDictionary<string, MenuRef>? aliases = null,
        IReadOnlyDictionary<string, MenuRef>? itemIdHints = null,
        MenuMatcherOptions? options = null)
    {
        _menu = menu ?? throw new ArgumentNullException(nameof(menu));
        Options = options ?? MenuMatcherOptions.Default;
        _parser = new VariantParser(menu);
        _products = new MenuIndex(menu.Items);
        _corrector = new TokenCorrector(menu.Items
            .SelectMany(i => NameNormaliser.Normalise(i.Name).Split(' '))
            .Concat(_parser.Vocabulary)
            .Concat(["ml", "gm", "gms", "kg", "pc", "pcs", "piece", "pieces", "with", "contains", "alcohol"]));
        var nonProducts = menu.Items.Where(NonProductRules.IsNonProduct).ToList();
        _nonProducts = new MenuIndex(nonProducts);
        _nonProductNames = nonProducts.Select(i => i.Name).ToFrozenSet(StringComparer.Ordinal);
        _aliases = (aliases ?? new Dictionary<string, MenuRef>())
            .GroupBy(a => NameNormaliser.Normalise(a.Key), StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
        _itemIdHints = (itemIdHints ?? new Dictionary<string, MenuRef>()).ToFrozenDictionary(StringComparer.Ordinal);
    }

    public MenuMatcherOptions Options { get; }

    public MenuCatalog Menu => _menu;

    public VariantParser Parser => _parser;

    /// <summary>How many names were actually scored (cache misses); for tests and metrics.</summary>
    public long ScoredCount => Interlocked.Read(ref _scored);

    public int CachedCount => Volatile.Read(ref _cacheCount);

    /// <summary>Matches one raw item or addon name. <paramref name="itemId"/> may settle a tie, nothing more.</summary>
    public MatchResult Match(string rawName, string? itemId = null)
    {
        ArgumentNullException.ThrowIfNull(rawName);
        if (!_cache.TryGetValue(rawName, out var result))
        {
            result = Compute(rawName);
            if (Volatile.Read(ref _cacheCount) < Options.MaxCacheEntries)
            {
                // GetOrAdd so racing threads all return the same instance.
                var stored = _cache.GetOrAdd(rawName, result);
                if (ReferenceEquals(stored, result)) Interlocked.Increment(ref _cacheCount);
                result = stored;
            }
        }
        return itemId is null || result.Decision != MatchDecision.Review ? result : ApplyItemIdHint(result, itemId);
    }

    private MatchResult Compute(string raw)
    {
        Interlocked.Increment(ref _scored);
        var prepared = NameNormaliser.Prepare(raw);
        var normalised = NameNormaliser.Reduce(prepared);   // reported and alias key: independent of the menu
        if (normalised.Length == 0)
            return new MatchResult(MatchDecision.Unmatched, null, null, 0, "", [], "no_candidate");

        if (_aliases.TryGetValue(normalised, out var alias)) return FromAlias(alias, _parser.ParsePrepared(prepared));
        // An alias without a size names the product, so it also covers the name with any size notation.
        if (_aliases.Count > 0 && _parser.ParsePrepared(prepared) is var p && p.BaseName != normalised
            && _aliases.TryGetValue(p.BaseName, out alias) && alias.Variant is null)
            return FromAlias(alias, p);

        var parsed = _parser.ParsePrepared(_corrector.Correct(prepared, out var corrections));
        var keywordNonProduct = NonProductRules.IsNonProductName(parsed.NormalisedName);
        var result = MatchIn(keywordNonProduct ? _nonProducts : _products, parsed);
        if (corrections > 0) result = Discount(result, Fuzz.Ratio(normalised, parsed.NormalisedName));
        var isNonProduct = keywordNonProduct
            || (result.Decision == MatchDecision.Matched && _nonProductNames.Contains(result.MenuItemName!));
        return (isNonProduct ? AsNonProduct(result) : result) with { NormalisedName = normalised };
    }

    /// <summary>A match found through corrected spelling is only as good as the raw text's likeness to it.</summary>
    private MatchResult Discount(MatchResult r, double textScore)
    {
        var score = Math.Min(r.Score, textScore);
        var suggestions = r.Suggestions.Select(s => s with { Score = Math.Min(s.Score, textScore) }).ToList();
        var demote = r.Decision == MatchDecision.Matched && score < Options.MatchThreshold;
        return r with
        {
            Decision = demote ? MatchDecision.Review : r.Decision,
            Score = score,
            Suggestions = suggestions,
            Reason = demote ? "low_score" : r.Reason + "+spelling",
        };
    }

    /// <summary>The lookup proper; NormalisedName is left empty and filled in by <see cref="Compute"/>.</summary>
    private MatchResult MatchIn(MenuIndex index, ParsedName parsed)
    {
        // 1. The whole name is a menu name: the notation-like words belong to it ("Half In Half Regular Scoop Combo").
        var exact = TryExact(index.ByKey(parsed.NormalisedName), VariantSpec.Empty, "exact");
        if (exact is { Decision: MatchDecision.Matched }) return exact;

        // 2. The name without its notation, then 3. the same ignoring word order and filler. The first tier
        // that finds the product also settles the size: a looser tier must not "resolve" an ambiguity.
        var hit = TryExact(index.ByKey(parsed.BaseName), parsed.Spec, "exact");
        if (hit is null or { Reason: "variant_not_on_menu" })
            hit = TryExact(ClosestFirst(index.ByLoose(NameNormaliser.LooseKey(parsed.BaseName)), parsed.BaseName), parsed.Spec, "loose") ?? hit;
        if (hit is { Decision: MatchDecision.Matched } or { Reason: "ambiguous_variant" }) return hit;
        if (exact is { Reason: "ambiguous_variant" } && parsed.Spec.IsEmpty) return exact;

        // 4. Sizes the menu does not sell for this name, and everything else: fuzzy decides (review at best
        // when the size is missing, with the nearest products as suggestions).
        return Fuzzy(index, parsed);
    }

    /// <summary>Resolves the variant on exact-name hits; null when there is no hit.</summary>
    private MatchResult? TryExact(IReadOnlyList<MenuItem>? items, VariantSpec spec, string reason)
    {
        if (items is null) return null;
        var (item, res) = PickItem(items, spec);
        if (res.IsResolved) return Result(MatchDecision.Matched, item.Name, res.Variant, 100, [new(item.Name, res.Variant, 100)], reason);
        var suggestions = Suggest(items, res, 100).Take(Options.SuggestionCount).ToList();
        return Review(suggestions, 100, res.IsAmbiguous ? "ambiguous_variant" : "variant_not_on_menu");
    }

    private MatchResult Fuzzy(MenuIndex index, ParsedName parsed)
    {
        var loose = NameNormaliser.LooseKey(parsed.BaseName);
        if (loose.Length == 0 || index.Groups.Count == 0)
            return new MatchResult(MatchDecision.Unmatched, null, null, 0, "", [], "no_candidate");

        // Cheap TokenSort over every name, then the configured scorer on a shortlist: WeightedRatio costs
        // ~20x a plain ratio and a name outside the TokenSort top dozen is never a credible match.
        var ranked = TopByTokenSort(index.Groups, loose, Options.Scorer == FuzzyScorer.TokenSort ? Options.SuggestionCount + 1 : ShortlistSize)
            .Select(x => Options.Scorer == FuzzyScorer.TokenSort ? x : (x.Group, Score: (double)Score(loose, x.Group.LooseKey)))
            .OrderByDescending(x => x.Score)
            .Take(Options.SuggestionCount + 1)
            .ToList();
        var (best, bestScore) = ranked[0];
        var runnerUp = ranked.Count > 1 ? ranked[1].Score : 0;
        var (item, res) = PickItem(ClosestFirst(best, parsed.BaseName)!, parsed.Spec);

        // One suggestion per product: the size is only named when the notation settles it.
        var suggestions = ranked
            .Take(Options.SuggestionCount)
            .Select(x => (x.Score, Pick: PickItem(ClosestFirst(x.Group, parsed.BaseName)!, parsed.Spec)))
            .Select(x => new MatchSuggestion(x.Pick.Item.Name, x.Pick.Resolution.Variant, x.Score))
            .ToList();

        string? doubt =
            bestScore < Options.MatchThreshold ? "low_score"
            : !best.IdentityTokens.SetEquals(MenuIndex.IdentityTokens(loose)) ? "identity_mismatch"
            : HasUnknownWord(loose) ? "unknown_word"
            : bestScore - runnerUp < Options.MinMargin ? "close_scores"
            : res.IsAmbiguous ? "ambiguous_variant"
            : !res.IsResolved ? "variant_not_on_menu"
            : null;

        return doubt is null
            ? Result(MatchDecision.Matched, item.Name, res.Variant, bestScore, suggestions, "fuzzy")
            : bestScore >= Options.ReviewThreshold
                ? Review(suggestions, bestScore, doubt)
                : new MatchResult(MatchDecision.Unmatched, null, null, bestScore, "", suggestions, "no_candidate");
    }

    /// <summary>The k best groups by ratio of the sorted keys, best first.</summary>
    private static List<(MenuIndex.Group Group, double Score)> TopByTokenSort(IReadOnlyList<MenuIndex.Group> groups, string loose, int k)
    {
        var top = new List<(MenuIndex.Group Group, double Score)>(k + 1);
        foreach (var g in groups)
        {
            // The ratio can never beat 2*shorter/(sum of lengths): skip the Levenshtein when that cannot enter the top k.
            var bound = 200.0 * Math.Min(loose.Length, g.LooseKey.Length) / (loose.Length + g.LooseKey.Length);
            if (top.Count == k && bound <= top[^1].Score) continue;
            var score = (double)Fuzz.Ratio(loose, g.LooseKey);
            var at = top.FindIndex(x => x.Score < score);
            top.Insert(at < 0 ? top.Count : at, (g, score));
            if (top.Count > k) top.RemoveAt(k);
        }
        return top;
    }

    /// <summary>
    /// A word the menu never uses (and spelling could not map to one) may well name a new product:
    /// "Pistachio Ice Cream Sundae" is not the tub. Such a name can be suggested, never matched.
    /// </summary>
    private bool HasUnknownWord(string looseKey) =>
        looseKey.Split(' ').Any(w => w.Length >= 3 && !w.Any(char.IsAsciiDigit) && !_corrector.IsKnown(w));

    private int Score(string looseRaw, string looseMenu) => Options.Scorer switch
    {
        FuzzyScorer.TokenSort => Fuzz.Ratio(looseRaw, looseMenu),   // keys are already token-sorted
        FuzzyScorer.TokenSet => Fuzz.TokenSetRatio(looseRaw, looseMenu),
        FuzzyScorer.Weighted => Fuzz.WeightedRatio(looseRaw, looseMenu),
        FuzzyScorer.Partial => Fuzz.PartialRatio(looseRaw, looseMenu),
        _ => throw new InvalidOperationException($"Unknown scorer {Options.Scorer}."),
    };

    /// <summary>
    /// A group's names differ only in filler and word order ("Cakes & Cookies" / "Cakes & Cookies Ice Cream");
    /// return the one written most like the raw name first, so the literal menu row wins.
    /// </summary>
    private static IReadOnlyList<MenuItem>? ClosestFirst(MenuIndex.Group? group, string baseName) =>
        group is null || group.Items.Count == 1 ? group?.Items
        : group.Items.Select((item, i) => (item, score: Fuzz.Ratio(baseName, group.Normalised[i])))
            .OrderByDescending(x => x.score).Select(x => x.item).ToList();   // stable: ties keep shortest first

    /// <summary>
    /// Names in one group are one product, so the size is resolved against all their variants together
    /// ("X (Navratri)" selling only 725ml says nothing about X's sizes); the first name selling it is returned.
    /// </summary>
    private (MenuItem Item, VariantResolution Resolution) PickItem(IReadOnlyList<MenuItem> items, VariantSpec spec)
    {
        var res = _parser.Resolve(spec, items.Count == 1 ? items[0].Variants : items.SelectMany(i => i.Variants).Distinct());
        var item = res.IsResolved ? items.First(i => i.Variants.Contains(res.Variant!)) : items[0];
        return (item, res);
    }

    private static IEnumerable<MatchSuggestion> Suggest(IReadOnlyList<MenuItem> items, VariantResolution res, double score) =>
        res.IsResolved ? [new(items.First(i => i.Variants.Contains(res.Variant!)).Name, res.Variant, score)]
        : res.Candidates.Count > 0
            ? res.Candidates.Select(v => new MatchSuggestion(items.First(i => i.Variants.Contains(v)).Name, v, score))
            : [new(items[0].Name, null, score)];

    private MatchResult FromAlias(MenuRef alias, ParsedName parsed)
    {
        // An alias without a variant names the product; the size still comes from the raw notation.
        var variant = alias.Variant
            ?? (_menu.Find(alias.MenuItemName) is { } item ? _parser.Resolve(parsed.Spec, item.Variants).Variant : null);
        var decision = _nonProductNames.Contains(alias.MenuItemName) ? MatchDecision.NonProduct : MatchDecision.Matched;
        return new MatchResult(decision, alias.MenuItemName, variant, 100, parsed.NormalisedName,
            [new(alias.MenuItemName, variant, 100)], "alias");
    }

    /// <summary>Keeps the menu row only when the lookup was confident; a guessed delivery row helps nobody.</summary>
    private static MatchResult AsNonProduct(MatchResult r) =>
        r.Decision == MatchDecision.Matched || r is { Reason: "ambiguous_variant" }
            ? r with { Decision = MatchDecision.NonProduct, Variant = r.Decision == MatchDecision.Matched ? r.Variant : null }
            : r with { Decision = MatchDecision.NonProduct, MenuItemName = null, Variant = null, Reason = "keyword" };

    private MatchResult ApplyItemIdHint(MatchResult result, string itemId)
    {
        // Only a genuine tie between confident candidates may be settled by the itemid.
        if (result.Reason is not ("ambiguous_variant" or "close_scores") || result.Score < Options.MatchThreshold) return result;
        if (!_itemIdHints.TryGetValue(itemId, out var hint)) return result;
        var pick = result.Suggestions.FirstOrDefault(s =>
            s.MenuItemName == hint.MenuItemName && s.Variant is not null
            && (hint.Variant is null || s.Variant == hint.Variant)
            && s.Score >= result.Score - Options.MinMargin);
        if (pick is null) return result;
        // An itemid hint that matches only one of several variants still leaves a tie.
        if (hint.Variant is null && result.Suggestions.Count(s => s.MenuItemName == hint.MenuItemName) > 1) return result;
        return result with { Decision = MatchDecision.Matched, MenuItemName = pick.MenuItemName, Variant = pick.Variant, Score = pick.Score, Reason = result.Reason + "+itemid" };
    }

    private static MatchResult Result(string decision, string name, string? variant, double score,
        IReadOnlyList<MatchSuggestion> suggestions, string reason) =>
        new(decision, name, variant, score, "", suggestions, reason);

    private static MatchResult Review(IReadOnlyList<MatchSuggestion> suggestions, double score, string reason) =>
        new(MatchDecision.Review, suggestions.FirstOrDefault()?.MenuItemName, suggestions.FirstOrDefault()?.Variant,
            score, "", suggestions, reason);
}
