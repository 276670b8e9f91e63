using OrderAnalytics.Matching.Evaluation;

namespace OrderAnalytics.Matching.Tests;

/// <summary>The matcher against data/eval/item_names_labelled.csv: every distinct real name, labelled by hand.</summary>
public class MatchEvaluationTests
{
    private static readonly IReadOnlyList<LabelledName> Labels = LabelledName.Load(TestData.Path("eval", "item_names_labelled.csv"));
    private static readonly Lazy<MatchEvaluation> Eval = new(() => MatchEvaluation.Run(new MenuMatcher(TestData.Menu), Labels));

    [Fact]
    public void Run_LabelledSet_WrongMatchedIsAtMostHalfAPercent()
    {
        var e = Eval.Value;
        var wrong = string.Join("\n", e.WrongMatches.Select(w => $"{w.Label.RawName} -> {w.Result.MenuItemName} / {w.Result.Variant}"));
        Assert.True(e.WrongMatchedRate <= 0.005, $"{e.WrongMatched} of {e.Matched} matched are wrong:\n{wrong}");
    }

    [Fact]
    public void Run_LabelledSet_AtLeastNinetyPercentOfDistinctNamesAreMatched()
    {
        var e = Eval.Value;
        Assert.True(e.MatchedShare >= 0.90, $"matched {e.Matched} of {e.Total} distinct names");
        Assert.True(e.Coverage >= 0.90, $"matched correctly {e.MatchedCorrect} of {e.ExpectingMatch} names with a full label");
    }

    [Fact]
    public void Run_LabelledSet_NamesThatCannotBeMatchedAreNeverMatched()
    {
        // Non-product lines (empty label) and names that do not say their size (item without variant).
        var cannot = Labels.Where(l => !l.ExpectsMatch).ToList();
        Assert.NotEmpty(cannot);
        Assert.All(cannot, l => Assert.NotEqual(MatchDecision.Matched, TestData.Matcher.Match(l.RawName).Decision));
    }

    [Fact]
    public void Load_LabelledSet_IsRealNamesWithLabelsThatExistOnTheMenu()
    {
        var real = new[] { "order_item_names.tsv", "addon_names.tsv" }
            .SelectMany(f => File.ReadLines(TestData.Path(f)).Skip(1))
            .Select(l => l.Split('\t', 2)[1])
            .ToHashSet();
        Assert.True(Labels.Count >= 150);
        Assert.Equal(Labels.Count, Labels.Select(l => l.RawName).Distinct().Count());
        Assert.All(Labels, l =>
        {
            Assert.Contains(l.RawName, real);
            if (l.MenuItem is not null) Assert.NotNull(TestData.Menu.Find(l.MenuItem));
            if (l.Variant is not null) Assert.True(TestData.Menu.Contains(l.MenuItem!, l.Variant), $"{l.MenuItem} / {l.Variant}");
        });
    }
}
