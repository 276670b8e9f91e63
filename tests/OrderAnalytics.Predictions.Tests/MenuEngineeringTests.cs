namespace OrderAnalytics.Predictions.Tests;

public class MenuEngineeringTests
{
    private static readonly DateOnly Day = new(2025, 5, 1);

    private static ItemSales Sale(string item, decimal price, decimal qty, decimal discount = 0) =>
        new(item, "1_PIECE", Day, price, qty, discount);

    [Fact]
    public void Analyze_FourDesignedItems_LandInTheFourQuadrants()
    {
        // N = 4: popular when mix >= 0.7 / 4 = 17.5%. Costs given, so margins are price - cost.
        var sales = new[]
        {
            Sale("Star", 400, 40),      // mix 40%, margin 300
            Sale("Plowhorse", 200, 40), // mix 40%, margin 50
            Sale("Puzzle", 500, 10),    // mix 10%, margin 400
            Sale("Dog", 150, 10),       // mix 10%, margin 50
        };
        var costs = new[]
        {
            new MenuItemCost("Star", "*", 100), new MenuItemCost("Plowhorse", "*", 150),
            new MenuItemCost("Puzzle", "1_PIECE", 100), new MenuItemCost("Dog", "*", 100),
        };
        var result = MenuEngineering.Analyze(sales, new MenuEngineeringOptions { Costs = costs });

        Assert.Equal(MenuEngineering.ModelVersion, result.ModelVersion);
        Assert.Equal(0.175, result.PopularityThreshold, 12);
        // weighted average margin: (300*40 + 50*40 + 400*10 + 50*10) / 100 = 185
        Assert.Equal(185m, result.AverageUnitMargin);
        MenuClass Class(string item) => result.Items.Single(i => i.Item == item).Class;
        Assert.Equal(MenuClass.Star, Class("Star"));
        Assert.Equal(MenuClass.Plowhorse, Class("Plowhorse"));
        Assert.Equal(MenuClass.Puzzle, Class("Puzzle"));
        Assert.Equal(MenuClass.Dog, Class("Dog"));
        Assert.Equal("Dog", Assert.Single(result.Underperformers).Item);
        Assert.All(result.Items, i => Assert.False(i.FoodCostEstimated));
    }

    [Fact]
    public void Analyze_NoCostAndDiscounts_UsesDefaultShareOfNetPrice()
    {
        var result = MenuEngineering.Analyze([Sale("Tiramisu", 350, 10, discount: 500)]);
        var item = Assert.Single(result.Items);
        Assert.Equal(300m, item.AveragePrice);          // (3500 - 500) / 10
        Assert.Equal(90m, item.UnitFoodCost);            // 30% of 300
        Assert.True(item.FoodCostEstimated);
        Assert.Equal(210m, item.UnitMargin);
        Assert.Equal(2100m, item.TotalMargin);
        Assert.Equal(1.0, item.MenuMix, 12);
    }

    [Fact]
    public void Analyze_NoSales_ReturnsInsufficientData()
    {
        Assert.Equal(ModelStatus.InsufficientData, MenuEngineering.Analyze([]).Status);
    }
}
