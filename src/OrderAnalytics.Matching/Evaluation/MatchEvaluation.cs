namespace OrderAnalytics.Matching.Evaluation;

/// <summary>How a matcher does on a labelled set. A "matched" is wrong unless item and variant both equal the label.</summary>
public sealed record MatchEvaluation(
    int Total,
    int ExpectingMatch,
    int Matched,
    int MatchedCorrect,
    int Review,
    int ReviewWithCorrectSuggestion,
    int Unmatched,
    int NonProduct,
    IReadOnlyList<(LabelledName Label, MatchResult Result)> WrongMatches,
    IReadOnlyList<(LabelledName Label, MatchResult Result)> MissedMatches)
{
    public int WrongMatched => Matched - MatchedCorrect;

    /// <summary>Share of "matched" decisions that are right.</summary>
    public double Precision => Matched == 0 ? 1 : (double)MatchedCorrect / Matched;

    /// <summary>Wrong "matched" as a share of all "matched".</summary>
    public double WrongMatchedRate => Matched == 0 ? 0 : (double)WrongMatched / Matched;

    /// <summary>Share of names whose label is a full menu item + variant that came out correctly matched.</summary>
    public double Coverage => ExpectingMatch == 0 ? 0 : (double)MatchedCorrect / ExpectingMatch;

    /// <summary>Share of all labelled names decided "matched" (right or wrong).</summary>
    public double MatchedShare => Total == 0 ? 0 : (double)Matched / Total;

    public static MatchEvaluation Run(MenuMatcher matcher, IEnumerable<LabelledName> labels)
    {
        int total = 0, expecting = 0, matched = 0, correct = 0, review = 0, reviewOk = 0, unmatched = 0, nonProduct = 0;
        var wrong = new List<(LabelledName, MatchResult)>();
        var missed = new List<(LabelledName, MatchResult)>();
        foreach (var label in labels)
        {
            total++;
            if (label.ExpectsMatch) expecting++;
            var r = matcher.Match(label.RawName);
            var right = label.ExpectsMatch && r.MenuItemName == label.MenuItem && r.Variant == label.Variant;
            switch (r.Decision)
            {
                case MatchDecision.Matched:
                    matched++;
                    if (right) correct++; else wrong.Add((label, r));
                    break;
                case MatchDecision.Review:
                    review++;
                    if (label.MenuItem is not null && r.Suggestions.Any(s =>
                            s.MenuItemName == label.MenuItem && (label.Variant is null || s.Variant == label.Variant)))
                        reviewOk++;
                    break;
                case MatchDecision.NonProduct: nonProduct++; break;
                default: unmatched++; break;
            }
            if (label.ExpectsMatch && !(r.Decision == MatchDecision.Matched && right)) missed.Add((label, r));
        }
        return new MatchEvaluation(total, expecting, matched, correct, review, reviewOk, unmatched, nonProduct, wrong, missed);
    }
}
