namespace OrderAnalytics.Predictions;

/// <summary>
/// Daily demand forecasts (orders, revenue, item quantities) from the calendar regression, with 80%
/// intervals calibrated on the model's own out-of-sample errors. See <see cref="Backtester"/> for how well
/// it does against the seasonal-naive and Holt-Winters baselines.
/// </summary>
public static class DemandForecaster
{
    public const string ModelVersion = "demand-ridge-calendar-v1";

    public static DemandForecast ForecastDaily(IReadOnlyList<DailyPoint> history, DemandMeasure measure, ForecastOptions? options = null) =>
        Forecast(
            measure == DemandMeasure.Orders ? "orders" : "revenue",
            DailySeries.FromPoints(history.Select(p => (p.Date, measure == DemandMeasure.Orders ? p.Orders : p.Revenue))),
            options ?? new ForecastOptions());

    public static DemandForecast ForecastSeries(string name, IReadOnlyList<SeriesPoint> history, ForecastOptions? options = null) =>
        Forecast(name, DailySeries.FromPoints(history.Select(p => (p.Date, p.Value))), options ?? new ForecastOptions());

    /// <summary>
    /// One forecast per item variant (quantity sold per day). Each item's series runs from its first sale to the
    /// last date in the data, zero-filled; items with less history than the minimum are listed as skipped.
    /// <paramref name="maxItems"/> keeps the best sellers only (by total quantity) to bound the work.
    /// </summary>
    public static ItemForecastSet ForecastItems(IReadOnlyList<ItemSales> sales, ForecastOptions? options = null, int maxItems = int.MaxValue)
    {
        options ??= new ForecastOptions();
        if (sales.Count == 0)
            return new ItemForecastSet(ModelVersion, null, ModelStatus.InsufficientData, [], []);
        var end = sales.Max(s => s.Date);
        var window = TrainingWindow.Of(sales.Select(s => s.Date));
        var forecasts = new List<ItemDemandForecast>();
        var skipped = new List<string>();
        var groups = sales
            .GroupBy(s => (s.Item, s.Variant))
            .OrderByDescending(g => g.Sum(s => s.Quantity))
            .Take(maxItems);
        foreach (var g in groups)
        {
            var series = DailySeries.FromPoints(g.Select(s => (s.Date, (double)s.Quantity)), g.Min(s => s.Date), end);
            var forecast = Forecast($"{g.Key.Item} | {g.Key.Variant}", series, options);
            if (forecast.Status == ModelStatus.Ok) forecasts.Add(new ItemDemandForecast(g.Key.Item, g.Key.Variant, forecast));
            else skipped.Add($"{g.Key.Item} | {g.Key.Variant}");
        }
        return new ItemForecastSet(ModelVersion, window, forecasts.Count > 0 ? ModelStatus.Ok : ModelStatus.InsufficientData, forecasts, skipped);
    }

    internal static DemandForecast Forecast(string name, DailySeries series, ForecastOptions options)
    {
        var window = series.Length == 0 ? null : new TrainingWindow(series.Start, series.End);
        if (series.Length < options.MinimumHistory)
            return new DemandForecast(name, ModelVersion, window, ModelStatus.InsufficientData,
                $"Need at least {options.MinimumHistory} days of history, have {series.Length}.", [], null);

        var method = new RidgeCalendarMethod(options.CalendarOrDefault, options.Horizon);
        var (fit, calibration) = FitCalibrated(method, series, options);
        var points = ToPoints(series, fit.Forecast(series, options.Horizon), calibration);
        var ridge = (RidgeCalendarMethod.Fitted)fit;
        var intervals = Enumerable.Range(1, options.Horizon)
            .Select(h => new HorizonInterval(h, Math.Exp(calibration.LowerLogError[h - 1]), Math.Exp(calibration.UpperLogError[h - 1])))
            .ToList();
        var diagnostics = new ForecastDiagnostics(series.Length, calibration.Samples, calibration.Wape,
            ridge.Features.FourierOrder > 0, ridge.Features.Holidays.Count, ridge.ClosureDaysExcluded, intervals);
        return new DemandForecast(name, ModelVersion, window, ModelStatus.Ok, null, points, diagnostics);
    }

    /// <summary>Fits on all the data and calibrates intervals on the out-of-sample replay of its tail.</summary>
    internal static (IFittedForecast Fit, IntervalCalibration Calibration) FitCalibrated(IForecastMethod method, DailySeries series, ForecastOptions options)
    {
        var calibration = IntervalCalibration.Run(method, series, options.Horizon, options.CalibrationDays, options.MinTrainingDays);
        return (method.Fit(series), calibration);
    }

    internal static List<ForecastPoint> ToPoints(DailySeries series, double[] point, IntervalCalibration calibration)
    {
        var points = new List<ForecastPoint>(point.Length);
        for (int h = 1; h <= point.Length; h++)
        {
            var (p10, p50, p90) = calibration.Apply(point[h - 1], h);
            points.Add(new ForecastPoint(series.End.AddDays(h), h, p10, p50, p90));
        }
        return points;
    }
}
