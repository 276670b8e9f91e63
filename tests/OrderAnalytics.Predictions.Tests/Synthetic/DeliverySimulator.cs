using MathNet.Numerics.Distributions;

namespace OrderAnalytics.Predictions.Tests.Synthetic;

/// <summary>
/// Delivery orders from the cafe to Gurgaon localities: prep time grows with items and with the evening
/// rush, ride time with distance and traffic (weekday 17-20h), plus right-skewed noise.
/// </summary>
public static class DeliverySimulator
{
    public static readonly IReadOnlyDictionary<string, double> LocalityKm = new Dictionary<string, double>
    {
        ["Sector 56"] = 2.0, ["Sector 57"] = 3.0, ["Sector 49"] = 3.5, ["Golf Course Road"] = 4.0,
        ["South City 2"] = 4.5, ["Sector 65"] = 5.0, ["Sector 66"] = 6.0, ["Sohna Road"] = 7.0,
        ["DLF Phase 1"] = 8.0, ["Cyber City"] = 9.5,
    };

    private static readonly double[] HourWeight = { 2, 0.5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 4, 6, 6, 6, 8, 9, 9, 9, 11, 12, 10, 6 };

    public static List<DeliveryObservation> Generate(int count, DateTime start, int days, int seed)
    {
        var rng = new Random(seed);
        var localities = LocalityKm.Keys.ToArray();
        var localityWeights = localities.Select(l => 1.0 / LocalityKm[l]).ToArray();
        var result = new List<DeliveryObservation>(count);
        for (int i = 0; i < count; i++)
        {
            var day = start.Date.AddDays(rng.Next(days));
            int hour = Categorical.Sample(rng, HourWeight);
            var accepted = day.AddHours(hour).AddMinutes(rng.Next(60)).AddSeconds(rng.Next(60));
            var locality = localities[Categorical.Sample(rng, localityWeights)];
            int items = 1 + Poisson.Sample(rng, 1.2);
            decimal value = Math.Round(items * (decimal)LogNormal.Sample(rng, Math.Log(380), 0.3));
            bool rush = hour is >= 20 and <= 22;
            bool traffic = accepted.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && hour is >= 17 and <= 20;
            double prep = 7 + 2.5 * items + (rush ? 6 : 0) + Gamma.Sample(rng, 2, 0.5);
            double wait = 2 + Gamma.Sample(rng, 2, 0.6);
            double ride = 3 + 3.0 * LocalityKm[locality] * (traffic ? 1.45 : 1.0) + Gamma.Sample(rng, 2, 0.4);
            var ready = accepted.AddMinutes(prep);
            var dispatched = ready.AddMinutes(wait);
            var delivered = dispatched.AddMinutes(ride);
            result.Add(new DeliveryObservation($"o{i:D6}", accepted, ready, dispatched, delivered, locality, items, value));
        }
        return result.OrderBy(o => o.AcceptedAt).ToList();
    }
}
