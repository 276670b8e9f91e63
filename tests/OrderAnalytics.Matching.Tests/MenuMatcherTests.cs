namespace OrderAnalytics.Matching.Tests;

public class MenuMatcherTests
{
    private static MatchResult Match(string raw) => TestData.Matcher.Match(raw);

    [Theory]
    [InlineData("Classic Tiramisu", "Classic Tiramisu", "1_PIECE")]
    [InlineData("Orange &amp; Chocolate Cheesecake", "Orange & Chocolate Cheesecake", "1_PIECE")]
    [InlineData("Eggless Old Fashion Vanila Ice Cream (Regular Scoop)", "Eggless Old Fashion Vanilla Ice Cream", "REGULAR_SCOOP_120GMS")]
    [InlineData("Eggless Alphanso Mango Ice Cream (Perfect Plenty (200gms))", "Eggless Alphonso Mango Ice Cream", "PERFECT_PLENTY_200GMS")]
    [InlineData("Boston Cream Piec(2pcs)", "Boston Cream Pie", "2_PIECES")]
    [InlineData("Eggless Fig Orange Ice Cream (Regular Scoop)", "Eggless Fig & Orange Ice Cream", "REGULAR_SCOOP_120GMS")]
    [InlineData("Bean-to-bar Chocolate 70% Dark Ice Cream (Regular Scoop)", "Bean-to-Bar 70% Dark Chocolate Ice Cream", "REGULAR_SCOOP_120GMS")]
    [InlineData("Bean To Bar Dark Chocolate Ice Cream Small Scoop", "Bean-to-Bar Dark Chocolate Ice Cream", "JUNIOR_SCOOP_60GMS")]
    [InlineData("Orange Ice Cream (with Alcohol) (Regular Tub (220gms))", "Orange (Contains Alcohol) Ice Cream", "REGULAR_TUB_220GMS")]
    [InlineData("Half In Half Regular Scoop Combo", "Half In Half Regular Scoop Combo", "REGULAR_SCOOP_120GMS")]
    [InlineData("D&n Traditional Plum Cake (eggless) 310gm Contains Alcohol", "D&N Traditional Plum Cake Eggless 310gm Contains Alcohol", "1_PIECE")]
    public void Match_DriftedName_IsMatchedToTheMenu(string raw, string item, string variant)
    {
        var r = Match(raw);
        Assert.Equal((MatchDecision.Matched, item, variant), (r.Decision, r.MenuItemName, r.Variant));
        Assert.True(r.Score >= TestData.Matcher.Options.MatchThreshold);
    }

    [Theory]
    [InlineData("Eggless Strawberry Cream Cheese Ice Cream (navratri) (Regular Tub (300ml))", "REGULAR_TUB_300ML")]
    [InlineData("Eggless Paan & Gulkand Ice Cream (navratri) (Family Tub (725ml))", "FAMILY_TUB_725ML")]
    public void Match_SeasonalName_MapsToTheUndecoratedItem(string raw, string variant)
    {
        var r = Match(raw);
        Assert.Equal(MatchDecision.Matched, r.Decision);
        Assert.DoesNotContain("navratri", r.MenuItemName!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(variant, r.Variant);
    }

    [Theory]
    [InlineData("Cup", MatchDecision.NonProduct, "Cup", "1_PIECE")]
    [InlineData("Takeaway Cup", MatchDecision.NonProduct, "Takeaway Cup", "1_PIECE")]
    [InlineData("Waffle Cone", MatchDecision.Matched, "Waffle Cone", "1_PIECE")]
    [InlineData("Butter Waffle Cone (2pcs)", MatchDecision.Matched, "Butter Waffle Cone", "2_PIECES")]
    [InlineData("Eggless Banoffee Ice Cream 200ml", MatchDecision.Matched, "Eggless Banoffee Ice Cream", "MINI_TUB_200ML")]
    [InlineData("Eggless Cherry &amp; Chocolate Ice Cream Small Scoop", MatchDecision.Matched, "Eggless Cherry & Chocolate Ice Cream", "JUNIOR_SCOOP_60GMS")]
    [InlineData("Pistachio Ice Cream Ice Cream Small Scoop", MatchDecision.Matched, "Pistachio Ice Cream", "JUNIOR_SCOOP_60GMS")]
    public void Match_AddonName_IsHandledLikeAnItem(string raw, string decision, string item, string variant)
    {
        var r = Match(raw);
        Assert.Equal((decision, item, variant), (r.Decision, r.MenuItemName, r.Variant));
    }

    [Fact]
    public void Match_SizeTheNameDoesNotSettle_GoesToReviewWithEachSize()
    {
        var r = Match("Pistachio Ice Cream (Perfect Plenty)");
        Assert.Equal(MatchDecision.Review, r.Decision);
        Assert.Equal("ambiguous_variant", r.Reason);
        Assert.Equal(["PERFECT_PLENTY_200GMS", "PERFECT_PLENTY_300ML"], r.Suggestions.Select(s => s.Variant).Order());
        Assert.All(r.Suggestions, s => Assert.Equal("Pistachio Ice Cream", s.MenuItemName));
        Assert.Equal(r.Suggestions[0].Variant, r.Variant);   // review carries the best suggestion
    }

    [Theory]
    [InlineData("500 Pidge/porter Delivery Charges", "500 Pidge/Porter Delivery Charges")]
    [InlineData("Special Packaging Dryice Charges", "Special Packaging Dryice Charges")]
    [InlineData("Large Box Thermocol And Dry Ice Packaging", "Large Box Thermocol And Dry Ice Packaging")]
    [InlineData("School Kids Factor Visit", "School Kids Factory Visit")]
    [InlineData("Ice Cream Factory Visit & Trials(family)", "Ice Cream Factory Visit & Trials")]
    public void Match_NonProductLineOnTheMenu_IsNonProductWithItsRow(string raw, string item)
    {
        var r = Match(raw);
        Assert.Equal(MatchDecision.NonProduct, r.Decision);
        Assert.Equal(item, r.MenuItemName);
    }

    [Theory]
    [InlineData("Swiggy Delivery Charges")]
    [InlineData("600 Pidge/Porter Delivery Charges")]   // the number is part of the identity: not the 500 row
    [InlineData("Packing Charges")]
    public void Match_NonProductLineNotOnTheMenu_IsNonProductWithoutRow(string raw)
    {
        var r = Match(raw);
        Assert.Equal(MatchDecision.NonProduct, r.Decision);
        Assert.Null(r.MenuItemName);
        Assert.Null(r.Variant);
    }

    [Theory]
    [InlineData("Eggless Strawberry Cream Cheese Ice Cream", "Egg Strawberry Cream Cheese Ice Cream (Regular Scoop)")]
    [InlineData("Bean-to-Bar 70% Dark Chocolate Ice Cream", "Bean-to-Bar Dark Chocolate Ice Cream (Regular Scoop)")]
    public void Match_CloseNameDifferingInEggOrNumber_IsNeverMatched(string menuItem, string raw)
    {
        // Both score above the match threshold on text alone; egg content and numbers are identity.
        var menu = TestData.SmallMenu((menuItem, "Ice Cream", "REGULAR_SCOOP_120GMS"));
        var r = new MenuMatcher(menu).Match(raw);
        Assert.Equal(MatchDecision.Review, r.Decision);
        Assert.Equal("identity_mismatch", r.Reason);
        Assert.True(r.Score >= 90);
    }

    [Fact]
    public void Match_RealNameWithAnUnknownWord_IsSuggestedNotMatched()
    {
        // A new launch looks like an old name plus a word; it must reach a person, not the old item.
        var r = Match("Eggless Design Your Indulgence Duo Ice Creams Sundae (200ml+200ml)");
        Assert.Equal(MatchDecision.Review, r.Decision);
        Assert.Equal("unknown_word", r.Reason);
        Assert.Equal("Eggless Design Your Indulgence Duo Ice Creams", r.MenuItemName);
    }

    [Fact]
    public void Match_TypoInOneWord_IsCorrectedAgainstTheMenuVocabulary()
    {
        var r = Match("Pitsachio Ice Cream (Regular Tub (300ml))");
        Assert.Equal((MatchDecision.Matched, "Pistachio Ice Cream", "REGULAR_TUB_300ML"), (r.Decision, r.MenuItemName, r.Variant));
        Assert.EndsWith("+spelling", r.Reason);
        Assert.True(r.Score < 100);
        Assert.Equal("pitsachio ice cream regular tub 300ml", r.NormalisedName);   // reported as written, uncorrected
    }

    [Fact]
    public void Match_ScoreBetweenThresholds_IsReviewAndThresholdsMoveTheDecision()
    {
        var menu = TestData.SmallMenu(("Classic Tiramisu", "Dessert", "1_PIECE"), ("Affogato", "Dessert", "1_PIECE"));
        const string raw = "Tiramisu";
        var r = new MenuMatcher(menu).Match(raw);
        Assert.Equal(MatchDecision.Review, r.Decision);
        Assert.InRange(r.Score, 60, 89.99);
        Assert.Equal("Classic Tiramisu", r.MenuItemName);
        Assert.InRange(r.Suggestions.Count, 1, 3);

        var lenient = new MenuMatcher(menu, options: new MenuMatcherOptions { MatchThreshold = r.Score - 1 }).Match(raw);
        Assert.Equal(MatchDecision.Matched, lenient.Decision);
        var strict = new MenuMatcher(menu, options: new MenuMatcherOptions { ReviewThreshold = r.Score + 1 }).Match(raw);
        Assert.Equal(MatchDecision.Unmatched, strict.Decision);
        Assert.Null(strict.MenuItemName);
    }

    [Fact]
    public void Match_NothingAlike_IsUnmatched()
    {
        var r = Match("Paneer Tikka");
        Assert.Equal(MatchDecision.Unmatched, r.Decision);
        Assert.Null(r.MenuItemName);
    }

    [Fact]
    public void Match_VerifiedAlias_BeatsExactAndFuzzy()
    {
        var aliases = new Dictionary<string, MenuRef>
        {
            ["chef special scoop"] = new("Pistachio Ice Cream", "REGULAR_SCOOP_120GMS"),
            ["Cup"] = new("Takeaway Cup", "1_PIECE"),   // raw keys are normalised too
        };
        var matcher = new MenuMatcher(TestData.Menu, aliases);

        var special = matcher.Match("Chef Special Scoop!");
        Assert.Equal((MatchDecision.Matched, "Pistachio Ice Cream", "REGULAR_SCOOP_120GMS", "alias"),
            (special.Decision, special.MenuItemName, special.Variant, special.Reason));
        var cup = matcher.Match("CUP");
        Assert.Equal((MatchDecision.NonProduct, "Takeaway Cup"), (cup.Decision, cup.MenuItemName));
    }

    [Fact]
    public void Match_AliasWithoutVariant_TakesTheSizeFromTheName()
    {
        var matcher = new MenuMatcher(TestData.Menu, new Dictionary<string, MenuRef> { ["pista delight"] = new("Pistachio Ice Cream") });
        var r = matcher.Match("Pista Delight (Regular Tub (300ml))");
        Assert.Equal(MatchDecision.Matched, r.Decision);
        Assert.Equal("REGULAR_TUB_300ML", r.Variant);
    }

    [Fact]
    public void Match_SameNameTwice_IsScoredOnceAndReturnsTheCachedResult()
    {
        var matcher = new MenuMatcher(TestData.Menu);
        var first = matcher.Match("Eggless Banoffee Ice Cream (Regular Tub (300ml))");
        var second = matcher.Match("Eggless Banoffee Ice Cream (Regular Tub (300ml))");
        Assert.Same(first, second);
        Assert.Equal(1, matcher.ScoredCount);
        Assert.Equal(1, matcher.CachedCount);
    }

    [Fact]
    public void Match_ManyThreads_ShareOneCachedResultPerName()
    {
        var matcher = new MenuMatcher(TestData.Menu);
        var names = File.ReadLines(TestData.Path("addon_names.tsv")).Skip(1).Select(l => l.Split('\t')[1]).ToArray();
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<string, MatchResult>();
        Parallel.For(0, names.Length * 20, i =>
        {
            var name = names[i % names.Length];
            var r = matcher.Match(name);
            Assert.Same(seen.GetOrAdd(name, r), r);
        });
        Assert.Equal(names.Length, matcher.CachedCount);
    }

    [Fact]
    public void Match_FullCache_StillAnswersWithoutGrowing()
    {
        var matcher = new MenuMatcher(TestData.Menu, options: new MenuMatcherOptions { MaxCacheEntries = 1 });
        matcher.Match("Cup");
        var r = matcher.Match("Waffle Cone");
        Assert.Equal(MatchDecision.Matched, r.Decision);
        Assert.Equal(1, matcher.CachedCount);
    }

    [Fact]
    public void Match_ItemIdHint_SettlesATieButDecidesNothingAlone()
    {
        var hints = new Dictionary<string, MenuRef> { ["4711"] = new("Pistachio Ice Cream", "PERFECT_PLENTY_300ML") };
        var matcher = new MenuMatcher(TestData.Menu, itemIdHints: hints);

        var tie = matcher.Match("Pistachio Ice Cream (Perfect Plenty)", "4711");
        Assert.Equal((MatchDecision.Matched, "PERFECT_PLENTY_300ML"), (tie.Decision, tie.Variant));
        Assert.Equal(MatchDecision.Review, matcher.Match("Pistachio Ice Cream (Perfect Plenty)").Decision);
        Assert.Equal(MatchDecision.Review, matcher.Match("Pistachio Ice Cream (Perfect Plenty)", "other").Decision);
        // The itemid is reused across names: on an unrelated name it must not pull the match over.
        Assert.Equal(MatchDecision.Unmatched, matcher.Match("Paneer Tikka", "4711").Decision);
        var other = matcher.Match("Sunshine Limone Ice Cream (Perfect Plenty)", "4711");
        Assert.Equal((MatchDecision.Review, "Sunshine Limone Ice Cream"), (other.Decision, other.MenuItemName));
    }

    [Fact]
    public void ToContract_CopiesTheResultFields()
    {
        var r = Match("Classic Tiramisu");
        var c = r.ToContract();
        Assert.Equal((r.Decision, r.MenuItemName, r.Variant, r.Score, r.NormalisedName),
            (c.Decision, c.MenuItemName, c.Variant, c.Score, c.NormalisedName));
        Assert.Equal("classic tiramisu", c.NormalisedName);
    }
}
