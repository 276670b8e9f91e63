namespace OrderAnalytics.Predictions;

/// <summary>
/// Baseline: the mean of the last four observed same-weekday values. Averaging four weeks is what a
/// cafe manager does by eye, and beats the plain last-week value on noisy daily counts.
/// </summary>
internal sealed class SeasonalNaiveMethod : IForecastMethod, IFittedForecast
{
    public const int Weeks = 4;
    public string Name => "seasonal-naive";

    public IFittedForecast Fit(DailySeries train) => this;

    public double[] Forecast(DailySeries upTo, int horizon)
    {
        var result = new double[horizon];
        int last = upTo.Length - 1;
        for (int h = 1; h <= horizon; h++)
        {
            int target = last + h;
            // the most recent same weekday that is already observed
            int idx = target - 7 * (int)Math.Ceiling(h / 7.0);
            double sum = 0;
            int n = 0;
            for (; idx >= 0 && n < Weeks; idx -= 7, n++) sum += upTo[idx];
            result[h - 1] = n == 0 ? 0 : sum / n;
        }
        return result;
    }
}
