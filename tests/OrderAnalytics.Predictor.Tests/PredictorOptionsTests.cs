using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace OrderAnalytics.Predictor.Tests;

public sealed class PredictorOptionsTests
{
    private static PredictorOptions Bind(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton(NpgsqlDataSource.Create("Host=unused"));
        services.AddPredictorServices(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<PredictorOptions>>().Value;
    }

    [Fact]
    public void Validate_Defaults_ReportsNothing()
    {
        var options = new PredictorOptions();

        Assert.Empty(options.Validate());
        Assert.Equal(TimeSpan.FromHours(6), options.Interval);
        Assert.True(options.RunOnStart);
        Assert.Equal(14, options.HorizonDays);
        Assert.True(File.Exists(options.RecipesFullPath), options.RecipesFullPath);
    }

    [Fact]
    public void Validate_OutOfRangeValues_ReportsEachSetting()
    {
        var options = new PredictorOptions
        {
            Interval = TimeSpan.FromSeconds(5),
            HorizonDays = 0,
            FoodCostShare = 1.5,
            TopN = 0,
            Models = ["demand_orders", "crystal_ball"],
        };

        var errors = options.Validate().ToList();

        Assert.Contains(errors, e => e.StartsWith("Predictor:Interval"));
        Assert.Contains(errors, e => e.StartsWith("Predictor:HorizonDays"));
        Assert.Contains(errors, e => e.StartsWith("Predictor:FoodCostShare"));
        Assert.Contains(errors, e => e.StartsWith("Predictor:TopN"));
        Assert.Contains(errors, e => e.Contains("crystal_ball"));
        Assert.Equal(5, errors.Count);
    }

    [Fact]
    public void Bind_PredictorSection_OverridesTheDefaults()
    {
        var options = Bind(new()
        {
            ["Predictor:Interval"] = "00:30:00",
            ["Predictor:RunOnStart"] = "false",
            ["Predictor:HorizonDays"] = "7",
            ["Predictor:FoodCostShare"] = "0.35",
            ["Predictor:RecipesPath"] = "/srv/recipes.csv",
        });

        Assert.Equal(TimeSpan.FromMinutes(30), options.Interval);
        Assert.False(options.RunOnStart);
        Assert.Equal(7, options.HorizonDays);
        Assert.Equal(0.35, options.FoodCostShare);
        Assert.Equal("/srv/recipes.csv", options.RecipesFullPath);
    }

    [Fact]
    public void Bind_InvalidSection_FailsValidation()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Bind(new() { ["Predictor:HorizonDays"] = "365" }));

        Assert.Contains(ex.Failures, f => f.StartsWith("Predictor:HorizonDays"));
    }
}
