using MathNet.Numerics.Distributions;

namespace OrderAnalytics.Predictions.Tests.Synthetic;

/// <summary>
/// Draws customers from the BG/NBD story itself: purchase rate lambda ~ Gamma(r, alpha), dropout probability
/// p ~ Beta(a, b); purchases follow a Poisson process from the first purchase at time 0, and after each repeat
/// purchase the customer drops out with probability p. Data with known parameters for recovery tests.
/// </summary>
public static class BgNbdSimulator
{
    /// <summary>(x, t_x, T) summaries in weeks; T uniform in [minAge, maxAge] like a 12-week acquisition cohort.</summary>
    public static List<CustomerSummary> Summaries(BgNbdParameters p, int customers, double minAge, double maxAge, int seed)
    {
        var rng = new Random(seed);
        var list = new List<CustomerSummary>(customers);
        for (int i = 0; i < customers; i++)
        {
            double age = minAge + (maxAge - minAge) * rng.NextDouble();
            var times = PurchaseTimes(p, rng, age);
            list.Add(new CustomerSummary($"c{i}", times.Count, times.Count > 0 ? times[^1] : 0, age));
        }
        return list;
    }

    /// <summary>
    /// Transactions on dates: first purchases spread over the first <paramref name="acquisitionDays"/>, repeat
    /// purchases from the process (one order per day at most - the model counts purchase days).
    /// </summary>
    public static List<CustomerTransaction> Transactions(BgNbdParameters p, int customers, DateOnly start, int acquisitionDays, DateOnly end, int seed)
    {
        var rng = new Random(seed);
        var list = new List<CustomerTransaction>();
        for (int i = 0; i < customers; i++)
        {
            var first = start.AddDays(rng.Next(acquisitionDays));
            double ageWeeks = (end.DayNumber - first.DayNumber + 1) / 7.0;
            var key = $"cust-{i:D5}";
            list.Add(new CustomerTransaction(key, first, Amount(rng)));
            var seen = new HashSet<DateOnly> { first };
            foreach (var t in PurchaseTimes(p, rng, ageWeeks))
            {
                var date = first.AddDays((int)Math.Floor(t * 7));
                if (date <= end && seen.Add(date)) list.Add(new CustomerTransaction(key, date, Amount(rng)));
            }
        }
        return list;
    }

    private static decimal Amount(Random rng) => Math.Round((decimal)LogNormal.Sample(rng, Math.Log(600), 0.5));

    private static List<double> PurchaseTimes(BgNbdParameters p, Random rng, double age)
    {
        double lambda = Gamma.Sample(rng, p.R, p.Alpha); // shape r, rate alpha
        double drop = Beta.Sample(rng, p.A, p.B);
        var times = new List<double>();
        double t = 0;
        while (true)
        {
            t += Exponential.Sample(rng, lambda);
            if (t > age) break;
            times.Add(t);
            if (rng.NextDouble() < drop) break;
        }
        return times;
    }
}
