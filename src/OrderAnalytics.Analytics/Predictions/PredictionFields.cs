using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using OrderAnalytics.Data.Predictions;

namespace OrderAnalytics.Analytics.Predictions;

/// <summary>
/// The Task 6 fields of the root query: the latest stored run of each predictive model (trained by OrderAnalytics.Predictor).
/// Register with <c>this.AddPredictionFields()</c> in the root query and <c>services.AddPredictionQueries()</c>.
/// </summary>
public static class PredictionFields
{
    private const string RestaurantDescription =
        "PetPooja restID: that restaurant's models. Omitted: the models trained on all restaurants together (which also answer for a store's only restaurant).";

    public static void AddPredictionFields(this ObjectGraphType query)
    {
        query.Field<DemandForecastGraphType>("demandForecast")
            .Description("Daily orders or revenue forecast for the next days (P10/P50/P90) with its backtest against the baselines. "
                + "Null until the predictor has stored a run.")
            .Argument<EnumerationGraphType<ForecastMeasure>>("measure", "ORDERS (default) or REVENUE.", a => a.DefaultValue = ForecastMeasure.Orders)
            .WithRestaurant()
            .ResolveAsync(async c => await Latest<DemandForecastMetrics, DemandForecastResults>(c,
                c.GetArgument<ForecastMeasure>("measure") == ForecastMeasure.Revenue ? PredictionModels.DemandRevenue : PredictionModels.DemandOrders));

        query.Field<HourlyForecastGraphType>("hourlyForecast")
            .Description("Orders per IST hour over the forecast horizon, with its backtest.")
            .WithRestaurant()
            .ResolveAsync(async c => await Latest<HourlyForecastMetrics, HourlyForecastResults>(c, PredictionModels.HourlyOrders));

        query.Field<InventoryPlanGraphType>("inventoryPlan")
            .Description("Ingredient needs (P50/P90) over the forecast horizon from item forecasts and recipes.")
            .WithRestaurant()
            .ResolveAsync(async c => await Latest<InventoryPlanMetrics, InventoryPlanResults>(c, PredictionModels.InventoryPlan));

        query.Field<RfmSegmentsGraphType>("rfmSegments")
            .Description("RFM segments with customer counts and the top customers by pseudonym.")
            .WithRestaurant()
            .ResolveAsync(async c => await Latest<RfmMetrics, RfmResults>(c, PredictionModels.RfmSegments));

        query.Field<ChurnGraphType>("churn")
            .Description("BG/NBD churn outlook: summary, at-risk customers by pseudonym with P(alive), and the holdout validation (AUC).")
            .WithRestaurant()
            .ResolveAsync(async c => await Latest<ChurnMetrics, ChurnResults>(c, PredictionModels.Churn));

        query.Field<MenuEngineeringGraphType>("menuEngineering")
            .Description("Menu engineering matrix: items classed star, plowhorse, puzzle or dog, per menu category.")
            .WithRestaurant()
            .ResolveAsync(async c => await Latest<MenuEngineeringMetrics, MenuEngineeringResults>(c, PredictionModels.MenuEngineering));

        query.Field<PriceElasticityGraphType>("priceElasticity")
            .Description("Price elasticity per item variant with its 95% interval, or why it could not be estimated.")
            .WithRestaurant()
            .ResolveAsync(async c => await Latest<PriceElasticityMetrics, PriceElasticityResults>(c, PredictionModels.PriceElasticity));

        query.Field<BasketRulesGraphType>("basketRules")
            .Description("Association rules (antecedent → consequent with support, confidence, lift) and combo suggestions.")
            .WithRestaurant()
            .ResolveAsync(async c => await Latest<BasketMetrics, BasketResults>(c, PredictionModels.BasketRules));

        query.Field<DeliveryTimeGraphType>("deliveryTime")
            .Description("Delivery-time model accuracy: holdout MAE of the model against the median baseline, or insufficient data.")
            .WithRestaurant()
            .ResolveAsync(async c => await Latest<DeliveryTimeRunMetrics, object>(c, PredictionModels.DeliveryTime));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PredictionRunGraphType>>>>("predictionRuns")
            .Description("The latest run of every model: version, training window, status and metrics (JSON). For monitoring the predictor.")
            .WithRestaurant()
            .ResolveAsync(async c => await Queries(c).LatestPerModelAsync(c.GetArgument<string?>("restaurant"), c.CancellationToken));
    }

    private static FieldBuilder<object?, TReturn> WithRestaurant<TReturn>(this FieldBuilder<object?, TReturn> field) =>
        field.Argument<StringGraphType>("restaurant", RestaurantDescription);

    private static PredictionQueries Queries(IResolveFieldContext c) => c.RequestServices!.GetRequiredService<PredictionQueries>();

    private static Task<Prediction<TMetrics, TResults>?> Latest<TMetrics, TResults>(IResolveFieldContext c, string model)
        where TMetrics : class where TResults : class =>
        Queries(c).LatestAsync<TMetrics, TResults>(model, c.GetArgument<string?>("restaurant"), c.CancellationToken);
}
