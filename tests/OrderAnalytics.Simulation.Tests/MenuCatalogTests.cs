namespace OrderAnalytics.Simulation.Tests;

public class MenuCatalogTests
{
    private static MenuCatalog Catalog => MenuCatalog.Default;

    [Fact]
    public void ItemNames_EveryRawName_MapsToAMenuRow()
    {
        Assert.Empty(Catalog.UnmappedItemNames);
        Assert.True(Catalog.ItemNames.Count > 400);
        Assert.All(Catalog.ItemNames, n => Assert.Same(n.Item, Catalog.Find(n.Item.Name, n.Item.Variant)));
    }

    [Theory]
    [InlineData("Eggless Old Fashion Vanila Ice Cream (Regular Scoop)", "Eggless Old Fashion Vanilla Ice Cream", "REGULAR_SCOOP_120GMS")]
    [InlineData("Boston Cream Piec(2pcs)", "Boston Cream Pie", "2_PIECES")]
    [InlineData("Eggless Alphanso Mango Ice Cream (Perfect Plenty (200gms))", "Eggless Alphonso Mango Ice Cream", "PERFECT_PLENTY_200GMS")]
    [InlineData("Fig Orange Ice Cream (Perfect Plenty (300ml))", "Fig & Orange Ice Cream", "PERFECT_PLENTY_300ML")]
    [InlineData("Orange &amp; Chocolate Cheesecake", "Orange & Chocolate Cheesecake", "1_PIECE")]
    [InlineData("Monkey Business Ice Cream (Family Feast (725ml))", "Monkey Business Ice Cream", "FAMILY_TUB_725ML")]
    public void FindRaw_KnownMessyName_ReturnsItsTrueMenuItem(string raw, string menu, string variant)
    {
        var item = Catalog.FindRaw(raw)!.Item;

        Assert.Equal(menu, item.Name);
        Assert.Equal(variant, item.Variant);
    }

    [Theory]
    [InlineData("JUNIOR_SCOOP_60GMS", 120, 160)]
    [InlineData("REGULAR_SCOOP_120GMS", 200, 260)]
    [InlineData("MINI_TUB_200ML", 300, 380)]
    [InlineData("REGULAR_TUB_300ML", 420, 520)]
    [InlineData("FAMILY_TUB_725ML", 900, 1200)]
    public void Items_IceCreamPrices_StayInTheirVariantRange(string variant, int lo, int hi)
    {
        var items = Catalog.Items.Where(i => i.Type == "Ice Cream" && i.Variant == variant).ToList();

        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.InRange(i.Price, lo, hi));
    }

    [Fact]
    public void Items_DessertPrices_StayBetween180And450()
    {
        var desserts = Catalog.Items.Where(i => i.Type == "Dessert" && i.Variant is "1_PIECE" or "2_PIECES"
            && !i.Name.Contains("Plum", StringComparison.Ordinal) && !i.Name.Contains("Cake", StringComparison.Ordinal)
            && !i.Name.Contains("Diwali", StringComparison.Ordinal)).ToList();

        Assert.All(desserts, i => Assert.InRange(i.Price, 180m, 450m));
    }

    [Fact]
    public void Items_SharingAProduct_ShareThePetpoojaItemId()
    {
        var ids = Catalog.Items.GroupBy(i => i.PetpoojaItemId).Select(g => g.Select(i => i.Variant).Distinct().Count()).ToList();

        Assert.Contains(ids, n => n >= 5);
        Assert.Equal(Catalog.Find("Bean-to-Bar Dark Chocolate Ice Cream", "MINI_TUB_160GMS")!.PetpoojaItemId,
            Catalog.Find("Bean-to-Bar 70% Dark Chocolate Ice Cream", "MINI_TUB_160GMS")!.PetpoojaItemId);
    }

    [Fact]
    public void AggregatorPrice_AddsTenPercentRoundedToFive()
    {
        Assert.Equal(440m, MenuCatalog.AggregatorPrice(400m));
        Assert.Equal(255m, MenuCatalog.AggregatorPrice(230m));
        Assert.Equal(0m, MenuCatalog.AggregatorPrice(0m));
    }

    [Fact]
    public void AddonNames_AreClassifiedIntoGroups()
    {
        Assert.Equal(AddonKind.Vessel, Catalog.AddonNames.Single(a => a.Name == "Cup").Kind);
        Assert.Equal(AddonKind.SmallScoop, Catalog.AddonNames.Single(a => a.Name == "Eggless Banoffee Ice Cream Small Scoop").Kind);
        Assert.Equal(AddonKind.Flavour160Gm, Catalog.AddonNames.Single(a => a.Name == "Banoffee Ice Cream (160gm)").Kind);
        Assert.Equal(AddonKind.Flavour200Ml, Catalog.AddonNames.Single(a => a.Name == "Eggless Banoffee Ice Cream 200ml").Kind);
    }
}
