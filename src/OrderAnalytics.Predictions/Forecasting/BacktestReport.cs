namespace OrderAnalytics.Predictions;

public sealed record BacktestOptions
{
    /// <summary>Number of forecast origins, spaced <see cref="OriginStep"/> days apart and ending one horizon before the data.</summary>
    public int Origins { get; init; } = 26;

    public int OriginStep { get; init; } = 7;

    /// <summary>Horizon, calibration and history settings used at every origin.</summary>
    public ForecastOptions Forecast { get; init; } = new();
}

/// <summary>
/// Out-of-sample accuracy of one method over all origins and horizons.
/// WAPE = sum|error| / sum actual. MASE = MAE / in-sample MAE of the lag-7 naive, averaged over origins.
/// Coverage80 = share of actuals inside the P10-P90 interval (80% is perfect calibration).
/// </summary>
public sealed record MethodScore(string Method, double Wape, double Mase, double Coverage80, int Forecasts);

public sealed record HorizonScore(int Horizon, double Wape, double Coverage80);

public sealed record BacktestReport(
    string Series,
    string ModelVersion,
    TrainingWindow? TrainingWindow,
    ModelStatus Status,
    string? Message,
    DateOnly? FirstOrigin,
    DateOnly? LastOrigin,
    int Origins,
    int Horizon,
    MethodScore? Model,
    MethodScore? SeasonalNaive,
    MethodScore? HoltWinters,
    IReadOnlyList<HorizonScore> ModelByHorizon) : IModelResult
{
    /// <summary>1 - WAPE(model) / WAPE(seasonal naive): 0.15 means 15% lower WAPE than the baseline.</summary>
    public double WapeImprovementVsSeasonalNaive =>
        Model is null || SeasonalNaive is null || SeasonalNaive.Wape == 0 ? double.NaN : 1 - Model.Wape / SeasonalNaive.Wape;

    public double WapeImprovementVsHoltWinters =>
        Model is null || HoltWinters is null || HoltWinters.Wape == 0 ? double.NaN : 1 - Model.Wape / HoltWinters.Wape;
}
