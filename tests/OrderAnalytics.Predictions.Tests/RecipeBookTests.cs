namespace OrderAnalytics.Predictions.Tests;

public class RecipeBookTests
{
    private static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "data", name);

    [Fact]
    public void Parse_CommentsQuotesAndWildcard_AreHonoured()
    {
        var book = RecipeBook.Parse(new StringReader("""
            # sample
            menu_item,variant,ingredient,quantity,unit
            "Cone, Waffle",1_PIECE,Waffle cone,1,pcs
            Vanilla,*,Whole milk,60,ml
            Vanilla,REGULAR_TUB_300ML,Whole milk,112.5,ml
            """));
        Assert.Equal(3, book.RecipeCount);
        Assert.Equal("Waffle cone", book.For("cone, waffle", "1_piece").Single().Ingredient);
        Assert.Equal(60, book.For("Vanilla", "JUNIOR_SCOOP_60GMS").Single().Quantity);   // wildcard
        Assert.Equal(112.5, book.For("VANILLA", "regular_tub_300ml").Single().Quantity); // own lines win
        Assert.Empty(book.For("Unknown", "1_PIECE"));
    }

    [Theory]
    [InlineData("Vanilla,1_PIECE,Milk,-1,ml")]
    [InlineData("Vanilla,1_PIECE,Milk,lots,ml")]
    [InlineData("Vanilla,1_PIECE,Milk,1")]
    public void Parse_BadLine_Throws(string line)
    {
        Assert.Throws<FormatException>(() => RecipeBook.Parse(new StringReader("menu_item,variant,ingredient,quantity,unit\n" + line)));
    }

    [Fact]
    public void SampleRecipes_EveryRecipe_NamesAMenuItemVariantOfTheCleanedMenu()
    {
        var book = RecipeBook.Load(DataFile("sample_recipes.csv"));
        var menu = File.ReadLines(DataFile("cleaned_menu.csv")).Skip(1)
            .Select(l => l.Split(','))
            .Select(f => (Name: f[0].Trim().ToUpperInvariant(), Variant: f[^1].Trim().ToUpperInvariant()))
            .ToHashSet();
        Assert.True(book.RecipeCount > 300);
        foreach (var line in book.Lines)
        {
            Assert.Contains((line.MenuItem.ToUpperInvariant(), line.Variant.ToUpperInvariant()), menu);
            Assert.True(line.Quantity > 0);
        }
    }

    [Theory]
    [InlineData("Classic Tiramisu", "1_PIECE")]
    [InlineData("Boston Cream Pie", "2_PIECES")]
    [InlineData("Classic Chocolate Lamington", "2_PIECES")]
    [InlineData("Design Your Indulgence Duo Ice Creams", "DUO_200ML_200ML")]
    [InlineData("Design Family Pack Of 3 Ice Creams", "FAMILY_PACK_3X200ML")]
    [InlineData("New York Baked Cheesecake Eggless", "1_PIECE")]
    [InlineData("Half In Half Regular Scoop Combo", "REGULAR_SCOOP_120GMS")]
    [InlineData("Eggless Banoffee Ice Cream", "REGULAR_TUB_300ML")]
    [InlineData("Eggless Strawberry Cream Cheese Ice Cream", "REGULAR_SCOOP_120GMS")]
    [InlineData("Bean-to-Bar Dark Chocolate Ice Cream", "REGULAR_TUB_300ML")]
    [InlineData("Pistachio Ice Cream", "REGULAR_TUB_300ML")]
    [InlineData("Monkey Business Ice Cream", "PERFECT_PLENTY_300ML")]
    [InlineData("Waffle Cone", "1_PIECE")]
    public void SampleRecipes_TopSellers_HaveARecipe(string item, string variant)
    {
        var book = RecipeBook.Load(DataFile("sample_recipes.csv"));
        Assert.True(book.Has(item, variant), $"{item} | {variant}");
    }

    [Fact]
    public void SampleRecipes_EgglessIceCream_UsesNoEgg()
    {
        var book = RecipeBook.Load(DataFile("sample_recipes.csv"));
        var eggless = book.For("Eggless Banoffee Ice Cream", "REGULAR_TUB_300ML");
        var egg = book.For("Pistachio Ice Cream", "REGULAR_TUB_300ML");
        Assert.DoesNotContain(eggless, l => l.Ingredient == "Egg yolk");
        Assert.Contains(egg, l => l.Ingredient == "Egg yolk");
    }
}
