namespace OrderAnalytics.Matching.Tests;

public class VariantParserTests
{
    private static readonly VariantParser Parser = new(TestData.Menu);

    [Theory]
    [InlineData("Eggless Banoffee Ice Cream (Regular Tub (300ml))", "eggless banoffee ice cream", "REGULAR_TUB_300ML")]
    [InlineData("Banoffee Ice Cream (Regular Tub (220gms))", "banoffee ice cream", "REGULAR_TUB_220GMS")]
    [InlineData("Eggless Banoffee Ice Cream 200ml", "eggless banoffee ice cream", "MINI_TUB_200ML")]
    [InlineData("Eggless Banoffee Ice Cream (Mini tub (200ml))", "eggless banoffee ice cream", "MINI_TUB_200ML")]
    [InlineData("Banoffee Ice Cream (160gm)", "banoffee ice cream", "MINI_TUB_160GMS")]
    [InlineData("Strawberry Cream Cheese Ice Cream (Junior Scoop (60gm))", "strawberry cream cheese ice cream", "JUNIOR_SCOOP_60GMS")]
    [InlineData("Eggless Banoffee Ice Cream Small Scoop", "eggless banoffee ice cream", "JUNIOR_SCOOP_60GMS")]
    [InlineData("Eggless Banoffee Ice Cream (Junior Scoop)", "eggless banoffee ice cream", "JUNIOR_SCOOP_60GMS")]
    [InlineData("Coffee Mascarpone Ice Cream (Regular Scoop)", "coffee mascarpone ice cream", "REGULAR_SCOOP_120GMS")]
    [InlineData("Cherry & Chocolate Fudge Ice Cream (Regular Scoop (120gm))", "cherry chocolate fudge ice cream", "REGULAR_SCOOP_120GMS")]
    [InlineData("Pistachio Ice Cream (Perfect Plenty (200gms))", "pistachio ice cream", "PERFECT_PLENTY_200GMS")]
    [InlineData("Triple Chocolate Ice Cream (Perfect Plenty (350ml))", "triple chocolate ice cream", "PERFECT_PLENTY_350ML")]
    [InlineData("Monkey Business Ice Cream (Family Feast (725ml))", "monkey business ice cream", "FAMILY_TUB_725ML")]
    [InlineData("Go Bananas Ice Cream (Family Feast (550gms))", "go bananas ice cream", "FAMILY_TUB_550GMS")]
    [InlineData("Pistachio Ice Cream (Family Tub (700ml))", "pistachio ice cream", "FAMILY_TUB_700ML")]
    [InlineData("Eggless Paan & Gulkand Ice Cream (Mini Indulgence (200ml))", "eggless paan gulkand ice cream", "MINI_TUB_200ML")]
    [InlineData("Boston Cream Pie Dessert(2pcs)", "boston cream pie dessert", "2_PIECES")]
    [InlineData("Fudgy Chocolate Brownie (1pc)", "fudgy chocolate brownie", "1_PIECE")]
    [InlineData("Butter Waffle Cones (1pcs)", "butter waffle cones", "1_PIECE")]
    [InlineData("Design Your Indulgence Duo Ice Creams (200ml+200ml)", "design your indulgence duo ice creams", "DUO_200ML_200ML")]
    [InlineData("Mocha Indulgence Duo Ice Creams (200ml + 200ml)", "mocha indulgence duo ice creams", "DUO_200ML_200ML")]
    [InlineData("Design Family Pack Of 3 Ice Creams (200+200+200 Ml)", "design family pack of 3 ice creams", "FAMILY_PACK_3X200ML")]
    [InlineData("Ice Cream Cake 1kg", "ice cream cake", "1KG")]
    [InlineData("Ice Cream Cake 400gm", "ice cream cake", "400GMS")]
    [InlineData("Hot Chocolate Fudge Sauce (250gm)", "hot chocolate fudge sauce", "250GMS")]
    [InlineData("Ice Cream Factory Visit & Trials(family)", "ice cream factory visit trials", "FAMILY")]
    [InlineData("Ice Cream Factory Visit & Trials (single)", "ice cream factory visit trials", "SINGLE")]
    public void Parse_EachNotation_MapsToTheMenuCode(string raw, string expectedBase, string expectedCode)
    {
        var parsed = Parser.Parse(raw);
        Assert.Equal(expectedBase, parsed.BaseName);
        Assert.Equal(expectedCode, parsed.VariantCode);
    }

    [Theory]
    [InlineData("Pistachio Ice Cream (Perfect Plenty)", "PERFECT_PLENTY_200GMS", "PERFECT_PLENTY_300ML", "PERFECT_PLENTY_325ML", "PERFECT_PLENTY_350ML")]
    [InlineData("Pistachio Ice Cream (Regular)", "REGULAR_SCOOP_120GMS", "REGULAR_TUB_220GMS", "REGULAR_TUB_300ML")]
    [InlineData("Old Fashion Vanilla Ice Cream (Scoop)", "JUNIOR_SCOOP_60GMS", "REGULAR_SCOOP_120GMS")]
    public void Parse_AmbiguousNotation_HasNoCodeButListsCandidates(string raw, params string[] expected)
    {
        var parsed = Parser.Parse(raw);
        Assert.Null(parsed.VariantCode);
        Assert.Equal(expected.Order(), parsed.CandidateCodes.Order());
    }

    [Theory]
    [InlineData("Go Bananas Ice Cream (Perfect Plenty)", "Go Bananas Ice Cream", "PERFECT_PLENTY_200GMS")]
    [InlineData("Alphonso Mango Ice Cream (Regular)", "Alphonso Mango Ice Cream", "REGULAR_SCOOP_120GMS")]
    [InlineData("Triple Chocolate Ice Cream (Scoop)", "Triple Chocolate Ice Cream", "REGULAR_SCOOP_120GMS")]
    [InlineData("Triple Chocolate Ice Cream (Family Feast)", "Triple Chocolate Ice Cream", "FAMILY_TUB_725ML")]
    public void Resolve_AmbiguousNotation_IsSettledByTheItemsOwnVariants(string raw, string item, string expected)
    {
        var resolution = Parser.Resolve(Parser.Parse(raw).Spec, TestData.Menu.Find(item)!.Variants);
        Assert.Equal(expected, resolution.Variant);
    }

    [Fact]
    public void Resolve_ItemSellingSeveralMatchingSizes_StaysAmbiguous()
    {
        var resolution = Parser.Resolve(Parser.Parse("Pistachio Ice Cream (Perfect Plenty)").Spec,
            TestData.Menu.Find("Pistachio Ice Cream")!.Variants);
        Assert.True(resolution.IsAmbiguous);
        Assert.Equal(["PERFECT_PLENTY_200GMS", "PERFECT_PLENTY_300ML"], resolution.Candidates.Order());
    }

    [Fact]
    public void Resolve_PieceItemWithoutCount_MeansOnePiece()
    {
        var resolution = Parser.Resolve(VariantSpec.Empty, ["1_PIECE", "2_PIECES"]);
        Assert.Equal("1_PIECE", resolution.Variant);
    }

    [Fact]
    public void Resolve_SizeTheItemDoesNotSell_HasNoCandidates()
    {
        var resolution = Parser.Resolve(Parser.Parse("Banoffee Ice Cream (Family Tub (725ml))").Spec,
            TestData.Menu.Find("Banoffee Ice Cream")!.Variants);
        Assert.False(resolution.IsResolved);
        Assert.Empty(resolution.Candidates);
    }

    [Theory]
    [InlineData("Dates With Fig & Orange 200ml (eggless)", "dates with fig orange eggless", "MINI_TUB_200ML")]
    [InlineData("Chocolate & Orange (contains Alcohol) (Regular Tub (220gms))", "chocolate orange contains alcohol", "REGULAR_TUB_220GMS")]
    [InlineData("Assorted Cookie Duo ( Dark Chocolate (1pc) + Choco Chip (1pc) )", "assorted cookie duo dark chocolate choco chip", "1_PIECE")]
    public void Parse_GroupThatIsPartOfTheName_StaysInTheBaseName(string raw, string expectedBase, string expectedCode)
    {
        var parsed = Parser.Parse(raw);
        Assert.Equal(expectedBase, parsed.BaseName);
        Assert.Equal(expectedCode, parsed.VariantCode);
    }

    [Theory]
    [InlineData("Classic Tiramisu", "classic tiramisu")]
    [InlineData("Employee Dessert ( Any 1 )", "employee dessert any 1")]
    [InlineData("Half In Half Regular Scoop Combo", "half in half regular scoop combo")]
    [InlineData("400 Pidge/porter Delivery Charges", "400 pidge porter delivery charges")]
    public void Parse_NameWithoutNotation_KeepsTheWholeName(string raw, string expectedBase)
    {
        var parsed = Parser.Parse(raw);
        Assert.Equal(expectedBase, parsed.BaseName);
        Assert.True(parsed.Spec.IsEmpty);
        Assert.Null(parsed.VariantCode);
        Assert.Empty(parsed.CandidateCodes);
    }

    [Fact]
    public void Parse_VocabularyComesFromTheMenu_NewCodeWordsAreUnderstood()
    {
        var parser = new VariantParser(["MEGA_BUCKET_1L", "1_PIECE"]);
        Assert.Equal("MEGA_BUCKET_1L", parser.Parse("Rocky Road (Mega Bucket (1 ltr))").VariantCode);
        Assert.Null(parser.Parse("Rocky Road (Regular Tub (300ml))").VariantCode);
    }
}
