namespace OrderAnalytics.Predictions.Tests;

public class InventoryPlannerTests
{
    private static ItemDemandForecast Forecast(string item, string variant, params (DateOnly Date, double P50, double P90)[] points) =>
        new(item, variant, new DemandForecast($"{item} | {variant}", DemandForecaster.ModelVersion,
            new TrainingWindow(new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30)), ModelStatus.Ok, null,
            points.Select((p, i) => new ForecastPoint(p.Date, i + 1, p.P50 * 0.5, p.P50, p.P90)).ToList(), null));

    private static readonly RecipeBook Book = RecipeBook.Parse(new StringReader("""
        menu_item,variant,ingredient,quantity,unit
        Vanilla,REGULAR_SCOOP_120GMS,Whole milk,60,ml
        Vanilla,REGULAR_SCOOP_120GMS,Paper cup,1,pcs
        Tiramisu,1_PIECE,Whole milk,20,ml
        Tiramisu,1_PIECE,Mascarpone,60,g
        """));

    [Fact]
    public void Plan_TwoItemsSharingMilk_SumsRecipeTimesForecastAtP50AndP90()
    {
        var day = new DateOnly(2025, 7, 1);
        var plan = InventoryPlanner.Plan(Book,
        [
            Forecast("Vanilla", "REGULAR_SCOOP_120GMS", (day, 10, 16)),
            Forecast("Tiramisu", "1_PIECE", (day, 5, 9)),
        ]);
        Assert.Equal(ModelStatus.Ok, plan.Status);
        Assert.Equal(InventoryPlanner.ModelVersion, plan.ModelVersion);
        var milk = plan.Needs.Single(n => n.Ingredient == "Whole milk");
        Assert.Equal(10 * 60 + 5 * 20, milk.P50, 9);
        Assert.Equal(16 * 60 + 9 * 20, milk.P90, 9);
        Assert.Equal(300, plan.Needs.Single(n => n.Ingredient == "Mascarpone").P50, 9);
        Assert.Equal(16, plan.Needs.Single(n => n.Ingredient == "Paper cup").P90, 9);
    }

    [Fact]
    public void Plan_ItemWithoutRecipe_IsListedNotGuessed()
    {
        var day = new DateOnly(2025, 7, 1);
        var plan = InventoryPlanner.Plan(Book, [Forecast("Mystery Cake", "1_PIECE", (day, 4, 6))]);
        Assert.Equal(["Mystery Cake | 1_PIECE"], plan.ItemsWithoutRecipe);
        Assert.Empty(plan.Needs);
        Assert.Equal(ModelStatus.InsufficientData, plan.Status);
    }

    [Fact]
    public void Totals_TwoDays_AddUpPerIngredient()
    {
        var d1 = new DateOnly(2025, 7, 1);
        var plan = InventoryPlanner.Plan(Book, [Forecast("Tiramisu", "1_PIECE", (d1, 5, 9), (d1.AddDays(1), 7, 12))]);
        var mascarpone = InventoryPlanner.Totals(plan).Single(t => t.Ingredient == "Mascarpone");
        Assert.Equal((d1, d1.AddDays(1)), (mascarpone.From, mascarpone.To));
        Assert.Equal(12 * 60, mascarpone.P50, 9);
        Assert.Equal(21 * 60, mascarpone.P90, 9);
    }

    [Fact]
    public void Plan_FromForecastItemsOnSyntheticCafe_CoversTheSampleRecipes()
    {
        var cafe = new Synthetic.CafeSimulator(new Synthetic.CafeSimulator.Options { End = new DateOnly(2024, 8, 31) });
        var forecasts = DemandForecaster.ForecastItems(cafe.ItemSales, new ForecastOptions { Horizon = 7 });
        var book = RecipeBook.Load(Path.Combine(AppContext.BaseDirectory, "data", "sample_recipes.csv"));
        var plan = InventoryPlanner.Plan(book, forecasts);
        Assert.Empty(plan.ItemsWithoutRecipe);
        Assert.Equal(7, plan.Needs.Select(n => n.Date).Distinct().Count());
        Assert.All(plan.Needs, n => Assert.True(n.P90 >= n.P50 && n.P50 >= 0));
        Assert.Contains(plan.Needs, n => n.Ingredient == "Mascarpone" && n.Unit == "g");
    }
}
