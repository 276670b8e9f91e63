using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace OrderAnalytics.Predictions;

/// <summary>
/// Baseline: additive Holt-Winters with a weekly season. Smoothing parameters minimise the one-step
/// squared error: a coarse grid finds the basin, Nelder-Mead (on logit-parameters, so they stay in (0,1))
/// polishes it.
/// </summary>
internal sealed class HoltWintersMethod : IForecastMethod
{
    private const int Season = 7;

    public string Name => "holt-winters";

    public IFittedForecast Fit(DailySeries train)
    {
        if (train.Length < 3 * Season) return new Fitted(0.2, 0.01, 0.1);
        double best = double.PositiveInfinity;
        (double a, double b, double g) arg = (0.2, 0.01, 0.1);
        foreach (var a in new[] { 0.02, 0.05, 0.1, 0.2, 0.35, 0.5, 0.7 })
        foreach (var b in new[] { 0.001, 0.01, 0.05, 0.15 })
        foreach (var g in new[] { 0.02, 0.05, 0.1, 0.2, 0.35, 0.5 })
        {
            double sse = Sse(train, a, b, g);
            if (sse < best) (best, arg) = (sse, (a, b, g));
        }

        try
        {
            var objective = ObjectiveFunction.Value(v => Sse(train, Logistic(v[0]), Logistic(v[1]), Logistic(v[2])));
            var start = Vector<double>.Build.Dense(new[] { Logit(arg.a), Logit(arg.b), Logit(arg.g) });
            var result = new NelderMeadSimplex(1e-8, 2000).FindMinimum(objective, start, Vector<double>.Build.Dense(3, 0.5));
            var p = result.MinimizingPoint;
            if (result.FunctionInfoAtMinimum.Value < best) arg = (Logistic(p[0]), Logistic(p[1]), Logistic(p[2]));
        }
        catch (Exception ex) when (ex is MaximumIterationsException or ArithmeticException)
        {
            // keep the grid optimum: good enough for a baseline
        }
        return new Fitted(arg.a, arg.b, arg.g);
    }

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));
    private static double Logit(double p) => Math.Log(p / (1 - p));

    private static double Sse(DailySeries s, double alpha, double beta, double gamma)
    {
        var state = State.Initial(s);
        double sse = 0;
        for (int t = Season; t < s.Length; t++)
        {
            double err = s[t] - state.OneStep(t);
            if (t >= 2 * Season) sse += err * err; // let the initial season settle before scoring
            state.Update(s[t], t, alpha, beta, gamma);
        }
        return sse;
    }

    private sealed class State
    {
        private readonly double[] _season = new double[Season];
        private double _level, _trend;

        public static State Initial(DailySeries s)
        {
            var st = new State();
            int w = Math.Min(Season, s.Length);
            double first = 0;
            for (int i = 0; i < w; i++) first += s[i];
            first /= w;
            double second = first;
            if (s.Length >= 2 * Season)
            {
                second = 0;
                for (int i = Season; i < 2 * Season; i++) second += s[i];
                second /= Season;
            }
            st._level = first;
            st._trend = (second - first) / Season;
            for (int i = 0; i < Season; i++) st._season[i] = i < s.Length ? s[i] - first : 0;
            return st;
        }

        // forecast for time index t made at t-1 (season slot t mod 7 holds the latest estimate for that weekday)
        public double OneStep(int t) => _level + _trend + _season[t % Season];

        public double Ahead(int lastIndex, int h) => _level + h * _trend + _season[(lastIndex + h) % Season];

        public void Update(double y, int t, double alpha, double beta, double gamma)
        {
            double prevLevel = _level;
            int slot = t % Season;
            _level = alpha * (y - _season[slot]) + (1 - alpha) * (_level + _trend);
            _trend = beta * (_level - prevLevel) + (1 - beta) * _trend;
            _season[slot] = gamma * (y - _level) + (1 - gamma) * _season[slot];
        }
    }

    private sealed class Fitted(double alpha, double beta, double gamma) : IFittedForecast
    {
        public double[] Forecast(DailySeries upTo, int horizon)
        {
            var state = State.Initial(upTo);
            for (int t = Season; t < upTo.Length; t++) state.Update(upTo[t], t, alpha, beta, gamma);
            var result = new double[horizon];
            for (int h = 1; h <= horizon; h++)
                result[h - 1] = Math.Max(0, state.Ahead(upTo.Length - 1, h)); // demand is never negative
            return result;
        }
    }
}
