namespace OrderAnalytics.Predictions;

public sealed record HourlyForecastPoint(DateOnly Date, int Hour, int Horizon, double P10, double P50, double P90);

public sealed record HourlyForecast(
    string Series,
    string ModelVersion,
    TrainingWindow? TrainingWindow,
    ModelStatus Status,
    string? Message,
    IReadOnlyList<HourlyForecastPoint> Points,
    double CalibrationWape) : IModelResult;

public sealed record HourlyBacktestReport(
    string Series,
    string ModelVersion,
    TrainingWindow? TrainingWindow,
    ModelStatus Status,
    string? Message,
    int Origins,
    int Horizon,
    MethodScore? Model,
    MethodScore? SeasonalNaive) : IModelResult
{
    public double WapeImprovementVsSeasonalNaive =>
        Model is null || SeasonalNaive is null || SeasonalNaive.Wape == 0 ? double.NaN : 1 - Model.Wape / SeasonalNaive.Wape;
}

/// <summary>
/// Hourly demand, top-down: the daily forecast (calendar regression) split by the hour-of-day profile of the
/// same weekday over the last eight weeks, shrunk towards the all-days profile (eight Mondays are few for
/// 24 shares). Hour counts are small, so intervals use out-of-sample errors standardised by a Poisson-like
/// scale, sqrt(u * p + u^2) with u the value of one order, instead of log errors that explode near zero.
/// </summary>
public static class HourlyForecaster
{
    public const string ModelVersion = "hourly-topdown-v1";
    private const int ProfileWeeks = 8;
    private const double ShrinkDays = 4;

    public static HourlyForecast Forecast(IReadOnlyList<HourlyPoint> history, DemandMeasure measure, ForecastOptions? options = null)
    {
        options ??= new ForecastOptions();
        var data = HourlyData.Build(history, measure);
        string name = measure == DemandMeasure.Orders ? "orders-hourly" : "revenue-hourly";
        var window = data.Totals.Length == 0 ? null : new TrainingWindow(data.Totals.Start, data.Totals.End);
        if (data.Totals.Length < options.MinimumHistory)
            return new HourlyForecast(name, ModelVersion, window, ModelStatus.InsufficientData,
                $"Need at least {options.MinimumHistory} days of history, have {data.Totals.Length}.", [], double.NaN);

        var method = new RidgeCalendarMethod(options.CalendarOrDefault, options.Horizon);
        var calibration = Calibrate(method, data, data.Totals.Length, options);
        var daily = method.Fit(data.Totals).Forecast(data.Totals, options.Horizon);
        var points = new List<HourlyForecastPoint>();
        int origin = data.Totals.Length - 1;
        for (int h = 1; h <= options.Horizon; h++)
        {
            var date = data.Totals.End.AddDays(h);
            var profile = Profile(data, origin, date.DayOfWeek);
            for (int hour = 0; hour < 24; hour++)
            {
                if (profile[hour] <= 0) continue;
                var (p10, p50, p90) = calibration.Apply(daily[h - 1] * profile[hour], h, data.Unit);
                points.Add(new HourlyForecastPoint(date, hour, h, p10, p50, p90));
            }
        }
        return new HourlyForecast(name, ModelVersion, window, ModelStatus.Ok, null, points, calibration.Wape);
    }

    /// <summary>Rolling-origin backtest against the hourly seasonal naive (mean of the last four same weekday-hours).</summary>
    public static HourlyBacktestReport Backtest(IReadOnlyList<HourlyPoint> history, DemandMeasure measure, BacktestOptions? options = null)
    {
        options ??= new BacktestOptions();
        var fo = options.Forecast;
        var data = HourlyData.Build(history, measure);
        string name = measure == DemandMeasure.Orders ? "orders-hourly" : "revenue-hourly";
        var window = data.Totals.Length == 0 ? null : new TrainingWindow(data.Totals.Start, data.Totals.End);
        int lastOrigin = data.Totals.Length - 1 - fo.Horizon;
        int minOrigin = fo.MinimumHistory - 1;
        int origins = Math.Min(options.Origins, lastOrigin < minOrigin ? 0 : (lastOrigin - minOrigin) / options.OriginStep + 1);
        if (origins < 1)
            return new HourlyBacktestReport(name, ModelVersion, window, ModelStatus.InsufficientData,
                "Not enough history for one backtest origin.", 0, fo.Horizon, null, null);

        var method = new RidgeCalendarMethod(fo.CalendarOrDefault, fo.Horizon);
        double mErr = 0, nErr = 0, actualSum = 0;
        int covered = 0, count = 0;
        for (int origin = lastOrigin - (origins - 1) * options.OriginStep; origin <= lastOrigin; origin += options.OriginStep)
        {
            var known = data.Totals.Prefix(origin + 1);
            var calibration = Calibrate(method, data, origin + 1, fo);
            var daily = method.Fit(known).Forecast(known, fo.Horizon);
            for (int h = 1; h <= fo.Horizon; h++)
            {
                int day = origin + h;
                var profile = Profile(data, origin, data.Totals.DateAt(day).DayOfWeek);
                for (int hour = 0; hour < 24; hour++)
                {
                    double actual = data.Hours[day][hour];
                    if (profile[hour] <= 0 && actual == 0) continue;
                    var (p10, p50, p90) = calibration.Apply(daily[h - 1] * profile[hour], h, data.Unit);
                    double naive = SeasonalNaive(data, origin, day, hour);
                    mErr += Math.Abs(actual - p50);
                    nErr += Math.Abs(actual - naive);
                    actualSum += actual;
                    if (actual >= p10 && actual <= p90) covered++;
                    count++;
                }
            }
        }
        return new HourlyBacktestReport(name, ModelVersion, window, ModelStatus.Ok, null, origins, fo.Horizon,
            new MethodScore("hourly-topdown", mErr / actualSum, double.NaN, (double)covered / count, count),
            new MethodScore("seasonal-naive", nErr / actualSum, double.NaN, double.NaN, count));
    }

    private static double SeasonalNaive(HourlyData data, int origin, int day, int hour)
    {
        int idx = day - 7 * (int)Math.Ceiling((day - origin) / 7.0);
        double sum = 0;
        int n = 0;
        for (; idx >= 0 && n < 4; idx -= 7, n++) sum += data.Hours[idx][hour];
        return n == 0 ? 0 : sum / n;
    }

    /// <summary>Hour shares for a weekday from the eight weeks up to the origin, shrunk towards all days' shares.</summary>
    private static double[] Profile(HourlyData data, int origin, DayOfWeek weekday)
    {
        var weekdaySum = new double[24];
        var allSum = new double[24];
        double weekdayDays = 0;
        for (int i = Math.Max(0, origin - 7 * ProfileWeeks + 1); i <= origin; i++)
        {
            bool same = data.Totals.DateAt(i).DayOfWeek == weekday;
            if (same && data.Totals[i] > 0) weekdayDays++;
            for (int h = 0; h < 24; h++)
            {
                allSum[h] += data.Hours[i][h];
                if (same) weekdaySum[h] += data.Hours[i][h];
            }
        }
        double wTotal = weekdaySum.Sum(), aTotal = allSum.Sum();
        var profile = new double[24];
        for (int h = 0; h < 24; h++)
        {
            double w = wTotal > 0 ? weekdaySum[h] / wTotal : 0;
            double a = aTotal > 0 ? allSum[h] / aTotal : 0;
            profile[h] = (weekdayDays * w + ShrinkDays * a) / (weekdayDays + ShrinkDays);
        }
        return profile;
    }

    /// <summary>Replays the last CalibrationDays of [0, length) out of sample, as <see cref="IntervalCalibration"/> does for days.</summary>
    private static HourCalibration Calibrate(IForecastMethod method, HourlyData data, int length, ForecastOptions o)
    {
        int firstOrigin = Math.Max(o.MinTrainingDays - 1, length - 1 - o.CalibrationDays);
        var z = new List<double>[o.Horizon];
        for (int h = 0; h < o.Horizon; h++) z[h] = new List<double>();
        double absErr = 0, absActual = 0;
        IFittedForecast? fit = null;
        for (int origin = firstOrigin; origin <= length - 2; origin++)
        {
            var known = data.Totals.Prefix(origin + 1);
            if (fit is null || (origin - firstOrigin) % 7 == 0) fit = method.Fit(known);
            var daily = fit.Forecast(known, o.Horizon);
            for (int h = 1; h <= o.Horizon && origin + h < length; h++)
            {
                var profile = Profile(data, origin, data.Totals.DateAt(origin + h).DayOfWeek);
                for (int hour = 0; hour < 24; hour++)
                {
                    double actual = data.Hours[origin + h][hour];
                    if (profile[hour] <= 0 && actual == 0) continue;
                    double p = daily[h - 1] * profile[hour];
                    z[h - 1].Add((actual - p) / HourCalibration.Scale(p, data.Unit));
                    absErr += Math.Abs(actual - p);
                    absActual += actual;
                }
            }
        }
        return new HourCalibration(z, absActual > 0 ? absErr / absActual : double.NaN);
    }

    private sealed class HourCalibration
    {
        private readonly double[] _lower, _upper;

        public HourCalibration(List<double>[] z, double wape)
        {
            Wape = wape;
            var all = z.SelectMany(x => x).ToList();
            _lower = new double[z.Length];
            _upper = new double[z.Length];
            for (int h = 0; h < z.Length; h++)
            {
                var pooled = new List<double>();
                for (int k = Math.Max(0, h - 1); k <= Math.Min(z.Length - 1, h + 1); k++) pooled.AddRange(z[k]);
                IReadOnlyList<double> sample = pooled.Count >= 30 ? pooled : all;
                _lower[h] = sample.Count == 0 ? 0 : Stats.Quantile(sample, IntervalCalibration.LowerQuantile);
                _upper[h] = sample.Count == 0 ? 0 : Stats.Quantile(sample, IntervalCalibration.UpperQuantile);
            }
        }

        public double Wape { get; }

        public static double Scale(double p, double unit) => Math.Sqrt(unit * Math.Max(0, p) + unit * unit);

        public (double, double, double) Apply(double p, int horizon, double unit)
        {
            int h = Math.Clamp(horizon, 1, _lower.Length) - 1;
            double s = Scale(p, unit);
            return (Math.Max(0, Math.Min(p, p + _lower[h] * s)), p, Math.Max(p, p + _upper[h] * s));
        }
    }

    private sealed record HourlyData(DailySeries Totals, double[][] Hours, double Unit)
    {
        public static HourlyData Build(IReadOnlyList<HourlyPoint> points, DemandMeasure measure)
        {
            double Value(HourlyPoint p) => measure == DemandMeasure.Orders ? p.Orders : p.Revenue;
            var totals = DailySeries.FromPoints(points.Select(p => (p.Date, Value(p))));
            var hours = new double[totals.Length][];
            for (int i = 0; i < hours.Length; i++) hours[i] = new double[24];
            foreach (var p in points)
            {
                if (p.Hour is < 0 or > 23) throw new ArgumentException($"Hour {p.Hour} is outside 0-23.", nameof(points));
                hours[p.Date.DayNumber - totals.Start.DayNumber][p.Hour] += Value(p);
            }
            double orders = points.Sum(p => p.Orders);
            double unit = measure == DemandMeasure.Orders || orders <= 0 ? 1 : points.Sum(p => p.Revenue) / orders;
            return new HourlyData(totals, hours, unit);
        }
    }
}
