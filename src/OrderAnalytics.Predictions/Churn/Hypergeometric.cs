namespace OrderAnalytics.Predictions;

/// <summary>Gauss hypergeometric function 2F1, needed by the BG/NBD expected-purchases formula.</summary>
internal static class Hypergeometric
{
    /// <summary>
    /// 2F1(a, b; c; z) by its power series, valid for |z| &lt; 1. In BG/NBD z = t / (alpha + T + t), which is
    /// below 1 for any finite horizon; the series converges geometrically at rate z.
    /// </summary>
    public static double Hyp2F1(double a, double b, double c, double z)
    {
        if (Math.Abs(z) >= 1) throw new ArgumentOutOfRangeException(nameof(z), "The series needs |z| < 1.");
        double term = 1, sum = 1;
        for (int k = 0; k < 100_000; k++)
        {
            term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
            sum += term;
            if (Math.Abs(term) <= 1e-15 * Math.Abs(sum)) break;
        }
        return sum;
    }
}
