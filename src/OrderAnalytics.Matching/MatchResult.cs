using OrderAnalytics.Contracts;

namespace OrderAnalytics.Matching;

/// <summary>Decision values, identical to the strings in <see cref="MenuMatch.Decision"/>.</summary>
public static class MatchDecision
{
    public const string Matched = "matched";       // confident: use MenuItemName + Variant
    public const string Review = "review";         // plausible: a person should pick among Suggestions
    public const string Unmatched = "unmatched";   // nothing on the menu is close enough
    public const string NonProduct = "non_product"; // delivery, packaging, service line; MenuItemName set if on the menu
}

public sealed record MatchSuggestion(string MenuItemName, string? Variant, double Score);

/// <summary>The outcome of matching one raw name.</summary>
/// <param name="Reason">How it was decided: alias, exact, loose, fuzzy (matched); ambiguous_variant,
/// close_scores, identity_mismatch, unknown_word, variant_not_on_menu, low_score (review); no_candidate
/// (unmatched); "+spelling" is appended when single-word slips were corrected first;
/// for non_product the reason of the underlying lookup, or "keyword" when no menu row was found.</param>
public sealed record MatchResult(
    string Decision,
    string? MenuItemName,
    string? Variant,
    double Score,
    string NormalisedName,
    IReadOnlyList<MatchSuggestion> Suggestions,
    string Reason)
{
    public MenuMatch ToContract() => new(Decision, MenuItemName, Variant, Score, NormalisedName);
}

/// <summary>Thresholds are on FuzzySharp's 0-100 scale.</summary>
public sealed record MenuMatcherOptions
{
    public static MenuMatcherOptions Default { get; } = new();

    /// <summary>Fuzzy score needed for "matched" (exact and alias hits score 100).</summary>
    public double MatchThreshold { get; init; } = 90;

    /// <summary>Below this the name is "unmatched"; between the two it goes to "review".</summary>
    public double ReviewThreshold { get; init; } = 60;

    /// <summary>A fuzzy winner must beat the best other product by this much, else it is a coin toss.</summary>
    public double MinMargin { get; init; } = 4;

    public FuzzyScorer Scorer { get; init; } = FuzzyScorer.TokenSort;

    public int SuggestionCount { get; init; } = 3;

    /// <summary>The cache stops growing here so a stream of junk names cannot exhaust memory.</summary>
    public int MaxCacheEntries { get; init; } = 200_000;
}

/// <summary>FuzzySharp scorer applied to the order-free keys (filler words removed, tokens sorted).</summary>
public enum FuzzyScorer
{
    /// <summary>Plain Levenshtein ratio of the sorted keys, i.e. FuzzySharp's TokenSortRatio.</summary>
    TokenSort,
    /// <summary>TokenSetRatio: ignores words only one side has (forgiving, but "X" vs "Eggless X" scores 100).</summary>
    TokenSet,
    /// <summary>WeightedRatio: FuzzySharp's blend of ratio, partial and token scores.</summary>
    Weighted,
    /// <summary>PartialRatio: best-matching substring.</summary>
    Partial,
}
