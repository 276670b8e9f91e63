namespace OrderAnalytics.Matching.Tests;

public class MenuCatalogTests
{
    [Fact]
    public void Parse_QuotedFieldsAndExtraColumns_AreRead()
    {
        const string csv = "id,Variant,name,price,type\r\n" +
                           "1,1_PIECE,\"Brownie, \"\"Large\"\"\",120,Dessert\r\n" +
                           "2,2_PIECES,\"Brownie, \"\"Large\"\"\",220,Dessert\r\n" +
                           "\r\n" +
                           "3,1_PIECE,Cup,0,Extra\r\n";
        var menu = MenuCatalog.Parse(new StringReader(csv));

        Assert.Equal(3, menu.Entries.Count);
        var brownie = menu.Find("Brownie, \"Large\"");
        Assert.NotNull(brownie);
        Assert.Equal("Dessert", brownie.Type);
        Assert.Equal(["1_PIECE", "2_PIECES"], brownie.Variants);
        Assert.True(menu.Contains("Cup", "1_PIECE"));
    }

    [Fact]
    public void Parse_HeaderWithoutVariant_Throws()
    {
        var e = Assert.Throws<FormatException>(() => MenuCatalog.Parse(new StringReader("name,type\nCup,Extra\n")));
        Assert.Contains("variant", e.Message);
    }

    [Fact]
    public void Constructor_FromEntries_GroupsVariantsByName()
    {
        var menu = TestData.SmallMenu(("Cup", "Extra", "1_PIECE"), ("Pie", "Dessert", "1_PIECE"), ("Pie", "Dessert", "2_PIECES"));
        Assert.Equal(2, menu.Items.Count);
        Assert.Equal(["1_PIECE", "2_PIECES"], menu.Find("Pie")!.Variants);
    }

    [Fact]
    public void Load_RealMenu_HasEveryRow()
    {
        Assert.Equal(368, TestData.Menu.Entries.Count);
        Assert.Contains(TestData.Menu.Items, i => i.Name == "Classic Tiramisu");
    }
}
