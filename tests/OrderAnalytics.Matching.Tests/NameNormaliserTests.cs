using OrderAnalytics.Matching.Evaluation;

namespace OrderAnalytics.Matching.Tests;

public class NameNormaliserTests
{
    [Theory]
    [InlineData("Orange &amp; Chocolate Cheesecake", "orange chocolate cheesecake")]
    [InlineData("Cakes &amp;amp; Cookies", "cakes cookies")]
    [InlineData("D&amp;N Traditional Plum Cake", "d n traditional plum cake")]
    public void Normalise_HtmlEntities_AreDecoded(string raw, string expected) =>
        Assert.Equal(expected, NameNormaliser.Normalise(raw));

    [Theory]
    [InlineData("Eggless Old Fashion Vanila Ice Cream", "eggless old fashion vanilla ice cream")]
    [InlineData("Eggless Alphanso Mango Ice Cream", "eggless alphonso mango ice cream")]
    [InlineData("Eggles Cherry & Chocolate 200ml", "eggless cherry chocolate 200ml")]
    [InlineData("Boston Cream Piec(2pcs)", "boston cream pie 2pcs")]
    [InlineData("Belgium Dark Chocolate Ice Cream", "bean to bar dark chocolate ice cream")]
    [InlineData("School Kids Factor Visit", "school kids factory visit")]
    [InlineData("Special Packaging Dryice Charges", "special packaging dry ice charges")]
    public void Normalise_KnownSpellingDrift_IsFixed(string raw, string expected) =>
        Assert.Equal(expected, NameNormaliser.Normalise(raw));

    [Theory]
    [InlineData("Eggless Banoffee", "eggless banoffee")]
    [InlineData("Old Fashion Vanilla", "old fashion vanilla")]
    [InlineData("Factory Visit", "factory visit")]
    public void Normalise_CorrectWords_AreLeftAlone(string raw, string expected) =>
        Assert.Equal(expected, NameNormaliser.Normalise(raw));

    [Theory]
    [InlineData("Eggless Fig & Orange Ice Cream (navratri) (Regular Tub (300ml))", "eggless fig orange ice cream regular tub 300ml")]
    [InlineData("Eggless Coconut & Pineapple Ice Cream (Navratri)", "eggless coconut pineapple ice cream")]
    [InlineData("Custom Diwali Cookie Set", "custom diwali cookie set")]
    public void Normalise_SeasonalTag_IsStrippedOnlyAsATag(string raw, string expected) =>
        Assert.Equal(expected, NameNormaliser.Normalise(raw));

    [Theory]
    [InlineData("  Bean-to-bar   70% Dark\tChocolate ", "bean to bar 70% dark chocolate")]
    [InlineData("Nona’s Traditional Plum Cake", "nonas traditional plum cake")]
    [InlineData("Brownie & Vanilla Ice Cream With Fudge Sauce. It's Classic !", "brownie vanilla ice cream with fudge sauce its classic")]
    [InlineData("Pistachio Ice Cream Ice Cream Small Scoop", "pistachio ice cream small scoop")]
    [InlineData("Orange Ice Cream (with Alcohol)", "orange ice cream contains alcohol")]
    public void Normalise_PunctuationCaseAndWhitespace_AreUnified(string raw, string expected) =>
        Assert.Equal(expected, NameNormaliser.Normalise(raw));

    [Fact]
    public void Normalise_AppliedTwice_ChangesNothing()
    {
        // Alias keys are stored normalised and normalised again on load: that must be a no-op.
        foreach (var label in LabelledName.Load(TestData.Path("eval", "item_names_labelled.csv")))
        {
            var once = NameNormaliser.Normalise(label.RawName);
            Assert.Equal(once, NameNormaliser.Normalise(once));
        }
    }

    [Fact]
    public void Normalise_EmptyOrPunctuationOnly_IsEmpty()
    {
        Assert.Equal("", NameNormaliser.Normalise(""));
        Assert.Equal("", NameNormaliser.Normalise(" - () & "));
    }
}
