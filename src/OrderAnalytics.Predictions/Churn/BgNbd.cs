using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace OrderAnalytics.Predictions;

/// <summary>BG/NBD parameters: purchase rate ~ Gamma(r, alpha) (rate per week), dropout ~ Beta(a, b).</summary>
public sealed record BgNbdParameters(double R, double Alpha, double A, double B);

/// <summary>
/// A customer's calibration summary, time in weeks from the first purchase:
/// Frequency x = repeat purchase days, Recency t_x = time of the last purchase, Age T = time to the end of calibration.
/// </summary>
public sealed record CustomerSummary(string CustomerKey, int Frequency, double Recency, double Age);

public sealed record BgNbdFit(BgNbdParameters Parameters, double LogLikelihood, int Iterations, bool Converged);

/// <summary>
/// The BG/NBD model of Fader, Hardie and Lee (2005), "Counting your customers the easy way".
/// Formulas follow the paper (eq. 6 likelihood, P(alive), eq. 10 conditional expectation) in the
/// numerically stable log form of Fader-Hardie-Lee's implementation note.
/// </summary>
public static class BgNbd
{
    /// <summary>Log-likelihood of one customer (x, t_x, T).</summary>
    public static double LogLikelihood(BgNbdParameters p, int x, double tx, double T)
    {
        double a1 = SpecialFunctions.GammaLn(p.R + x) - SpecialFunctions.GammaLn(p.R) + p.R * Math.Log(p.Alpha);
        double a2 = SpecialFunctions.GammaLn(p.A + p.B) + SpecialFunctions.GammaLn(p.B + x)
                    - SpecialFunctions.GammaLn(p.B) - SpecialFunctions.GammaLn(p.A + p.B + x);
        double a3 = -(p.R + x) * Math.Log(p.Alpha + T);
        if (x == 0) return a1 + a2 + a3;
        double a4 = Math.Log(p.A) - Math.Log(p.B + x - 1) - (p.R + x) * Math.Log(p.Alpha + tx);
        double max = Math.Max(a3, a4);
        return a1 + a2 + max + Math.Log(Math.Exp(a3 - max) + Math.Exp(a4 - max));
    }

    public static double LogLikelihood(BgNbdParameters p, IEnumerable<CustomerSummary> customers) =>
        customers.Sum(c => LogLikelihood(p, c.Frequency, c.Recency, c.Age));

    /// <summary>P(customer still active at T | x, t_x, T). Customers with no repeat purchase are alive by construction.</summary>
    public static double ProbabilityAlive(BgNbdParameters p, int x, double tx, double T)
    {
        if (x == 0) return 1;
        double logRatio = Math.Log(p.A) - Math.Log(p.B + x - 1) + (p.R + x) * (Math.Log(p.Alpha + T) - Math.Log(p.Alpha + tx));
        return 1 / (1 + Math.Exp(logRatio));
    }

    /// <summary>E[purchases in (T, T + t] | x, t_x, T] (paper eq. 10).</summary>
    public static double ExpectedPurchases(BgNbdParameters p, int x, double tx, double T, double t)
    {
        if (t <= 0) return 0;
        double z = t / (p.Alpha + T + t);
        double hyp = Hypergeometric.Hyp2F1(p.R + x, p.B + x, p.A + p.B + x - 1, z);
        double numerator = (p.A + p.B + x - 1) / (p.A - 1)
                           * (1 - Math.Pow((p.Alpha + T) / (p.Alpha + T + t), p.R + x) * hyp);
        double denominator = x > 0
            ? 1 + p.A / (p.B + x - 1) * Math.Pow((p.Alpha + T) / (p.Alpha + tx), p.R + x)
            : 1;
        return numerator / denominator;
    }

    /// <summary>E[X(t)]: expected repeat purchases of a new customer in their first t weeks.</summary>
    public static double ExpectedPurchasesNewCustomer(BgNbdParameters p, double t)
    {
        double hyp = Hypergeometric.Hyp2F1(p.R, p.B, p.A + p.B - 1, t / (p.Alpha + t));
        return (p.A + p.B - 1) / (p.A - 1) * (1 - Math.Pow(p.Alpha / (p.Alpha + t), p.R) * hyp);
    }

    /// <summary>
    /// P(at least one purchase in (T, T + t]) = P(alive) * (1 - E[exp(-lambda t)]) with lambda's posterior
    /// Gamma(r + x, alpha + T) for an alive customer. Dropout happens only after a purchase, so an alive
    /// customer's first purchase in the window is never pre-empted. The natural score for "will they come back".
    /// </summary>
    public static double ProbabilityOfPurchase(BgNbdParameters p, int x, double tx, double T, double t) =>
        ProbabilityAlive(p, x, tx, T) * (1 - Math.Pow((p.Alpha + T) / (p.Alpha + T + t), p.R + x));

    /// <summary>
    /// Maximum likelihood by Nelder-Mead on log-parameters (keeps all four positive, and the surface is
    /// rounder in logs). Restarted from its own optimum until the likelihood stops improving: a simplex
    /// can stall on a ridge, and a restart resets its shape.
    /// </summary>
    public static BgNbdFit Fit(IReadOnlyList<CustomerSummary> customers, BgNbdParameters? start = null)
    {
        if (customers.Count == 0) throw new ArgumentException("No customers to fit.", nameof(customers));
        // identical (x, t_x, T) rows share one likelihood term; daily data has many
        var groups = customers
            .GroupBy(c => (c.Frequency, c.Recency, c.Age))
            .Select(g => (g.Key.Frequency, g.Key.Recency, g.Key.Age, Weight: (double)g.Count()))
            .ToArray();
        double n = customers.Count;
        double Objective(Vector<double> v)
        {
            var p = new BgNbdParameters(Math.Exp(v[0]), Math.Exp(v[1]), Math.Exp(v[2]), Math.Exp(v[3]));
            double ll = 0;
            foreach (var g in groups) ll += g.Weight * LogLikelihood(p, g.Frequency, g.Recency, g.Age);
            return double.IsFinite(ll) ? -ll / n : double.MaxValue;
        }

        var s = start ?? new BgNbdParameters(1, 1, 1, 1);
        var point = Vector<double>.Build.Dense(new[] { Math.Log(s.R), Math.Log(s.Alpha), Math.Log(s.A), Math.Log(s.B) });
        double value = Objective(point);
        int iterations = 0;
        bool converged = false;
        var function = ObjectiveFunction.Value(Objective);
        for (int restart = 0; restart < 6; restart++)
        {
            try
            {
                var result = new NelderMeadSimplex(1e-10, 5000).FindMinimum(function, point, Vector<double>.Build.Dense(4, 0.5));
                iterations += result.Iterations;
                double improved = result.FunctionInfoAtMinimum.Value;
                point = result.MinimizingPoint;
                bool settled = Math.Abs(value - improved) < 1e-9;
                value = improved;
                if (settled) { converged = true; break; }
            }
            catch (MaximumIterationsException)
            {
                iterations += 5000; // keep the last good point; more restarts from it would repeat the stall
                break;
            }
        }
        var fitted = new BgNbdParameters(Math.Exp(point[0]), Math.Exp(point[1]), Math.Exp(point[2]), Math.Exp(point[3]));
        return new BgNbdFit(fitted, -value * n, iterations, converged);
    }
}
