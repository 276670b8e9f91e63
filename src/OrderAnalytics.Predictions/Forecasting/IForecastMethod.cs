namespace OrderAnalytics.Predictions;

/// <summary>
/// A point-forecasting method. Fitting and forecasting are split so that rolling-origin code can refit
/// occasionally (parameters) yet forecast from every origin (state), which is how the methods are used live.
/// </summary>
internal interface IForecastMethod
{
    string Name { get; }

    /// <summary>Estimates parameters from the training series.</summary>
    IFittedForecast Fit(DailySeries train);
}

internal interface IFittedForecast
{
    /// <summary>
    /// Point forecasts for the <paramref name="horizon"/> days after <paramref name="upTo"/>'s last day, using the
    /// fitted parameters and the data in <paramref name="upTo"/> (which may extend past the training data).
    /// </summary>
    double[] Forecast(DailySeries upTo, int horizon);
}
