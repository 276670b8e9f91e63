namespace OrderAnalytics.Predictions;

/// <summary>Which column of <see cref="DailyPoint"/> / <see cref="HourlyPoint"/> to forecast.</summary>
public enum DemandMeasure
{
    Orders,
    Revenue,
}

public sealed record ForecastOptions
{
    /// <summary>Days ahead to forecast (and the longest horizon the intervals are calibrated for).</summary>
    public int Horizon { get; init; } = 14;

    /// <summary>How many of the most recent training days are replayed out-of-sample to calibrate the intervals.</summary>
    public int CalibrationDays { get; init; } = 182;

    /// <summary>Fewest days a model is fitted on; a history shorter than this + 14 is "insufficient data".</summary>
    public int MinTrainingDays { get; init; } = 56;

    /// <summary>Holiday calendar; the embedded 2024-2027 Indian calendar when null.</summary>
    public IndianHolidayCalendar? Calendar { get; init; }

    internal IndianHolidayCalendar CalendarOrDefault => Calendar ?? IndianHolidayCalendar.Default;
    internal int MinimumHistory => MinTrainingDays + 14;
}

/// <summary>One forecast day: median and the 80% central interval (P10-P90) from out-of-sample errors.</summary>
public sealed record ForecastPoint(DateOnly Date, int Horizon, double P10, double P50, double P90);

/// <summary>Width of the calibrated interval at one horizon, as multiplicative factors on (1 + P50).</summary>
public sealed record HorizonInterval(int Horizon, double LowerFactor, double UpperFactor);

public sealed record ForecastDiagnostics(
    int TrainingDays,
    int CalibrationSamples,
    double CalibrationWape,
    bool YearlySeasonality,
    int HolidayFeatures,
    int ClosureDaysExcluded,
    IReadOnlyList<HorizonInterval> Intervals);

public sealed record DemandForecast(
    string Series,
    string ModelVersion,
    TrainingWindow? TrainingWindow,
    ModelStatus Status,
    string? Message,
    IReadOnlyList<ForecastPoint> Points,
    ForecastDiagnostics? Diagnostics) : IModelResult;

/// <summary>Forecast of one menu item variant's daily quantity.</summary>
public sealed record ItemDemandForecast(string Item, string Variant, DemandForecast Forecast);

public sealed record ItemForecastSet(
    string ModelVersion,
    TrainingWindow? TrainingWindow,
    ModelStatus Status,
    IReadOnlyList<ItemDemandForecast> Items,
    IReadOnlyList<string> SkippedItems) : IModelResult;
