namespace OrderAnalytics.Predictions;

/// <summary>
/// Empirical prediction intervals: the method is run from every origin in the last
/// <c>calibrationDays</c> of the training data (refitted weekly, only ever seeing data up to the origin),
/// and the quantiles of its out-of-sample log errors per horizon become the interval. No distributional
/// assumption, and the width grows with the horizon exactly as much as the method's real errors did.
/// Errors are on the log(1 + y) scale so that a quiet Tuesday and a festival Saturday share one error law.
/// </summary>
internal sealed class IntervalCalibration
{
    public const double LowerQuantile = 0.1;
    public const double UpperQuantile = 0.9;

    private readonly double[] _lower;
    private readonly double[] _median;
    private readonly double[] _upper;

    private IntervalCalibration(double[] lower, double[] median, double[] upper, int samples, double wape)
    {
        _lower = lower;
        _median = median;
        _upper = upper;
        Samples = samples;
        Wape = wape;
    }

    /// <summary>Number of (origin, horizon) out-of-sample errors behind the quantiles.</summary>
    public int Samples { get; }

    /// <summary>Out-of-sample WAPE of the method over the calibration window: a metric worth storing.</summary>
    public double Wape { get; }

    public IReadOnlyList<double> LowerLogError => _lower;
    public IReadOnlyList<double> UpperLogError => _upper;

    public static IntervalCalibration Run(IForecastMethod method, DailySeries train, int horizon, int calibrationDays, int minTrain, int refitEvery = 7)
    {
        int length = train.Length;
        int firstOrigin = Math.Max(minTrain - 1, length - 1 - calibrationDays);
        var errors = new List<double>[horizon];
        for (int h = 0; h < horizon; h++) errors[h] = new List<double>();
        double absError = 0, absActual = 0;
        IFittedForecast? fit = null;
        for (int origin = firstOrigin; origin <= length - 2; origin++)
        {
            var known = train.Prefix(origin + 1);
            if (fit is null || (origin - firstOrigin) % refitEvery == 0) fit = method.Fit(known);
            var forecast = fit.Forecast(known, horizon);
            for (int h = 1; h <= horizon && origin + h < length; h++)
            {
                double actual = train[origin + h];
                errors[h - 1].Add(Math.Log(1 + Math.Max(0, actual)) - Math.Log(1 + forecast[h - 1]));
                absError += Math.Abs(actual - forecast[h - 1]);
                absActual += Math.Abs(actual);
            }
        }

        var all = errors.SelectMany(e => e).ToArray();
        var lower = new double[horizon];
        var median = new double[horizon];
        var upper = new double[horizon];
        for (int h = 0; h < horizon; h++)
        {
            // pool the neighbouring horizons: errors at h-1, h, h+1 are nearly exchangeable, and triple the sample
            var pooled = new List<double>();
            for (int k = Math.Max(0, h - 1); k <= Math.Min(horizon - 1, h + 1); k++) pooled.AddRange(errors[k]);
            IReadOnlyList<double> sample = pooled.Count >= 10 ? pooled : all;
            lower[h] = sample.Count == 0 ? 0 : Stats.Quantile(sample, LowerQuantile);
            median[h] = sample.Count == 0 ? 0 : Stats.Quantile(sample, 0.5);
            upper[h] = sample.Count == 0 ? 0 : Stats.Quantile(sample, UpperQuantile);
        }
        return new IntervalCalibration(lower, median, upper, all.Length, absActual > 0 ? absError / absActual : double.NaN);
    }

    /// <summary>P10 / P50 / P90 for a point forecast at horizon h (1-based). P50 is the point forecast itself.</summary>
    public (double P10, double P50, double P90) Apply(double point, int horizon)
    {
        int h = Math.Clamp(horizon, 1, _lower.Length) - 1;
        double log = Math.Log(1 + Math.Max(0, point));
        double p10 = Math.Max(0, Math.Exp(log + _lower[h]) - 1);
        double p90 = Math.Max(0, Math.Exp(log + _upper[h]) - 1);
        return (Math.Min(p10, point), point, Math.Max(p90, point));
    }
}
