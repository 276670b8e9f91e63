namespace OrderAnalytics.Predictions;

/// <summary>
/// Rolling-origin backtest: at each origin every method is fitted - intervals included - on the data up to
/// that day only, then scored on the next <c>Horizon</c> days. Nothing after an origin leaks into its forecast,
/// so the figures are what the model would have scored live.
/// </summary>
public static class Backtester
{
    public static BacktestReport RunDaily(IReadOnlyList<DailyPoint> history, DemandMeasure measure, BacktestOptions? options = null) =>
        Run(
            measure == DemandMeasure.Orders ? "orders" : "revenue",
            DailySeries.FromPoints(history.Select(p => (p.Date, measure == DemandMeasure.Orders ? p.Orders : p.Revenue))),
            options ?? new BacktestOptions());

    public static BacktestReport RunSeries(string name, IReadOnlyList<SeriesPoint> history, BacktestOptions? options = null) =>
        Run(name, DailySeries.FromPoints(history.Select(p => (p.Date, p.Value))), options ?? new BacktestOptions());

    internal static BacktestReport Run(string name, DailySeries series, BacktestOptions options)
    {
        var fo = options.Forecast;
        int horizon = fo.Horizon;
        var window = series.Length == 0 ? null : new TrainingWindow(series.Start, series.End);
        int lastOrigin = series.Length - 1 - horizon;
        int minOrigin = fo.MinimumHistory - 1;
        int origins = Math.Min(options.Origins, lastOrigin < minOrigin ? 0 : (lastOrigin - minOrigin) / options.OriginStep + 1);
        if (origins < 1)
            return new BacktestReport(name, DemandForecaster.ModelVersion, window, ModelStatus.InsufficientData,
                $"Need at least {fo.MinimumHistory + horizon} days for one backtest origin, have {series.Length}.",
                null, null, 0, horizon, null, null, null, []);

        int firstOrigin = lastOrigin - (origins - 1) * options.OriginStep;
        var methods = new IForecastMethod[]
        {
            new RidgeCalendarMethod(fo.CalendarOrDefault, horizon),
            new SeasonalNaiveMethod(),
            new HoltWintersMethod(),
        };
        var scores = methods.Select(_ => new Accumulator(horizon)).ToArray();

        for (int origin = firstOrigin; origin <= lastOrigin; origin += options.OriginStep)
        {
            var known = series.Prefix(origin + 1);
            double scale = NaiveScale(known);
            for (int m = 0; m < methods.Length; m++)
            {
                var (fit, calibration) = DemandForecaster.FitCalibrated(methods[m], known, fo);
                var point = fit.Forecast(known, horizon);
                scores[m].StartFold(scale);
                for (int h = 1; h <= horizon; h++)
                {
                    var (p10, p50, p90) = calibration.Apply(point[h - 1], h);
                    scores[m].Add(h, series[origin + h], p50, p10, p90);
                }
                scores[m].EndFold();
            }
        }

        var model = scores[0].Score(methods[0].Name);
        return new BacktestReport(name, DemandForecaster.ModelVersion, window, ModelStatus.Ok, null,
            series.DateAt(firstOrigin), series.DateAt(lastOrigin), origins, horizon,
            model, scores[1].Score(methods[1].Name), scores[2].Score(methods[2].Name), scores[0].ByHorizon());
    }

    /// <summary>MASE denominator: in-sample mean absolute error of the lag-7 (same weekday last week) naive.</summary>
    private static double NaiveScale(DailySeries s)
    {
        double sum = 0;
        int n = 0;
        for (int t = 7; t < s.Length; t++)
        {
            sum += Math.Abs(s[t] - s[t - 7]);
            n++;
        }
        return n == 0 ? double.NaN : sum / n;
    }

    private sealed class Accumulator(int horizon)
    {
        private readonly double[] _absErrorByH = new double[horizon];
        private readonly double[] _actualByH = new double[horizon];
        private readonly int[] _coveredByH = new int[horizon];
        private readonly int[] _countByH = new int[horizon];
        private double _foldAbsError, _scale, _maseSum;
        private int _foldCount, _folds;

        public void StartFold(double scale)
        {
            _scale = scale;
            _foldAbsError = 0;
            _foldCount = 0;
        }

        public void Add(int h, double actual, double p50, double p10, double p90)
        {
            double e = Math.Abs(actual - p50);
            _absErrorByH[h - 1] += e;
            _actualByH[h - 1] += Math.Abs(actual);
            _countByH[h - 1]++;
            if (actual >= p10 && actual <= p90) _coveredByH[h - 1]++;
            _foldAbsError += e;
            _foldCount++;
        }

        public void EndFold()
        {
            if (_foldCount == 0 || !(_scale > 0)) return;
            _maseSum += _foldAbsError / _foldCount / _scale;
            _folds++;
        }

        public MethodScore Score(string name)
        {
            double actual = _actualByH.Sum();
            int count = _countByH.Sum();
            return new MethodScore(name,
                actual > 0 ? _absErrorByH.Sum() / actual : double.NaN,
                _folds > 0 ? _maseSum / _folds : double.NaN,
                count > 0 ? (double)_coveredByH.Sum() / count : double.NaN,
                count);
        }

        public IReadOnlyList<HorizonScore> ByHorizon() =>
            Enumerable.Range(0, _countByH.Length)
                .Select(i => new HorizonScore(i + 1,
                    _actualByH[i] > 0 ? _absErrorByH[i] / _actualByH[i] : double.NaN,
                    _countByH[i] > 0 ? (double)_coveredByH[i] / _countByH[i] : double.NaN))
                .ToList();
    }
}
