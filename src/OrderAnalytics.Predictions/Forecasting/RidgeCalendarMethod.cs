using MathNet.Numerics.LinearAlgebra;

namespace OrderAnalytics.Predictions;

/// <summary>
/// The demand model: ridge regression of log(1 + y) on calendar features (trend, weekday, yearly Fourier,
/// holidays), plus a recent-level correction: the mean residual of the last seven days, carried forward
/// with a per-horizon decay estimated from the training residuals. The correction is the "recent lags"
/// part - it catches weather spells, a viral post or a slow week that the calendar cannot know about -
/// without needing one regression per horizon.
/// Log scale because cafe effects multiply (a festival lifts a busy Saturday more than a quiet Tuesday) and
/// exp of a mean log is a median, which is what WAPE rewards.
/// </summary>
internal sealed class RidgeCalendarMethod(IndianHolidayCalendar calendar, int maxHorizon) : IForecastMethod
{
    private const int LevelWindow = 7;
    private const int MinDaysForYearly = 365;
    private const int FourierOrder = 3;
    // prior spread of a holiday's log effect (about +-35%); with the residual variance it sets the holiday ridge
    private const double HolidayEffectSd = 0.35;

    public string Name => "ridge-calendar";

    public IFittedForecast Fit(DailySeries train)
    {
        int n = train.Length;
        var closed = ClosureDays(train);
        var features = new CalendarFeatures(
            train.Start,
            n >= MinDaysForYearly ? FourierOrder : 0,
            CalendarFeatures.HolidaysIn(calendar, train.Start, train.End, d => !closed.Contains(d.DayNumber - train.Start.DayNumber)),
            calendar);

        int p = features.Count;
        var rows = new List<double[]>(n);
        var targets = new List<double>(n);
        for (int i = 0; i < n; i++)
        {
            if (closed.Contains(i)) continue;
            var row = new double[p];
            features.Fill(train.DateAt(i), row);
            rows.Add(row);
            targets.Add(Math.Log(1 + Math.Max(0, train[i])));
        }

        var x = Matrix<double>.Build.DenseOfRowArrays(rows);
        var y = Vector<double>.Build.DenseOfEnumerable(targets);
        var xtx = x.TransposeThisAndMultiply(x);
        var xty = x.TransposeThisAndMultiply(y);

        // Two passes: a rough fit tells the noise level, which sets how much a single holiday day is trusted
        // (lambda = noise variance / prior effect variance, the ridge-as-Gaussian-prior reading).
        var beta = Solve(xtx, xty, features, 1.0);
        double sigma2 = (y - x * beta).PointwisePower(2).Sum() / Math.Max(1, y.Count - p);
        double lambda = Math.Clamp(sigma2 / (HolidayEffectSd * HolidayEffectSd), 0.05, 50);
        beta = Solve(xtx, xty, features, lambda);

        var fitted = new Fitted(features, beta.ToArray(), closed.Count);
        fitted.EstimateDecay(train, closed, maxHorizon);
        return fitted;
    }

    /// <summary>
    /// Zero days in an otherwise busy series are closures (a holiday shut, a power cut), not demand: they would
    /// drag the log fit down, so the fit skips them. Sparse series (single items) keep their zeros.
    /// </summary>
    private static HashSet<int> ClosureDays(DailySeries s)
    {
        var set = new HashSet<int>();
        var values = new double[s.Length];
        Array.Copy(s.Values, values, s.Length);
        if (Stats.Median(values) < 5) return set;
        for (int i = 0; i < s.Length; i++)
            if (s[i] <= 0) set.Add(i);
        return set;
    }

    private static Vector<double> Solve(Matrix<double> xtx, Vector<double> xty, CalendarFeatures f, double lambda)
    {
        var a = xtx.Clone();
        for (int j = 0; j < a.RowCount; j++) a[j, j] += f.Penalty(j, lambda);
        return a.Cholesky().Solve(xty);
    }

    internal sealed class Fitted(CalendarFeatures features, double[] beta, int closures) : IFittedForecast
    {
        private double[] _decay = Array.Empty<double>();

        public CalendarFeatures Features => features;
        public int ClosureDaysExcluded => closures;

        public double LogPrediction(DateOnly date)
        {
            Span<double> row = stackalloc double[features.Count];
            features.Fill(date, row);
            double sum = 0;
            for (int j = 0; j < row.Length; j++) sum += row[j] * beta[j];
            return sum;
        }

        private double Residual(DailySeries s, int i) => Math.Log(1 + Math.Max(0, s[i])) - LogPrediction(s.DateAt(i));

        /// <summary>Mean residual of the last week before index <paramref name="end"/> (inclusive), closures skipped.</summary>
        private double RecentLevel(DailySeries s, int end)
        {
            double sum = 0;
            int n = 0;
            for (int i = Math.Max(0, end - LevelWindow + 1); i <= end; i++)
            {
                if (IsLikelyClosure(s, i)) continue;
                sum += Residual(s, i);
                n++;
            }
            return n == 0 ? 0 : sum / n;
        }

        // At forecast time a zero day in a busy series is again treated as a closure, as in training.
        private bool IsLikelyClosure(DailySeries s, int i) => closures > 0 && s[i] <= 0 && LogPrediction(s.DateAt(i)) > Math.Log(6);

        /// <summary>
        /// phi_h = least-squares slope of residual(t+h) on the trailing week's mean residual at t, kept in [0, 1]:
        /// how much of a recent over/under-shoot persists h days ahead.
        /// </summary>
        public void EstimateDecay(DailySeries train, HashSet<int> closed, int maxHorizon)
        {
            int n = train.Length;
            var resid = new double[n];
            var level = new double[n];
            for (int i = 0; i < n; i++) resid[i] = closed.Contains(i) ? double.NaN : Residual(train, i);
            for (int i = 0; i < n; i++)
            {
                double sum = 0;
                int c = 0;
                for (int k = Math.Max(0, i - LevelWindow + 1); k <= i; k++)
                    if (!double.IsNaN(resid[k])) { sum += resid[k]; c++; }
                level[i] = c == 0 ? double.NaN : sum / c;
            }
            _decay = new double[maxHorizon];
            for (int h = 1; h <= maxHorizon; h++)
            {
                double num = 0, den = 0;
                for (int t = LevelWindow - 1; t + h < n; t++)
                {
                    if (double.IsNaN(level[t]) || double.IsNaN(resid[t + h])) continue;
                    num += level[t] * resid[t + h];
                    den += level[t] * level[t];
                }
                _decay[h - 1] = den > 0 ? Math.Clamp(num / den, 0, 1) : 0;
            }
        }

        public double[] Forecast(DailySeries upTo, int horizon)
        {
            double level = RecentLevel(upTo, upTo.Length - 1);
            var result = new double[horizon];
            for (int h = 1; h <= horizon; h++)
            {
                double decay = h <= _decay.Length ? _decay[h - 1] : (_decay.Length > 0 ? _decay[^1] : 0);
                double log = LogPrediction(upTo.End.AddDays(h)) + decay * level;
                result[h - 1] = Math.Max(0, Math.Exp(log) - 1);
            }
            return result;
        }
    }
}
