using MathNet.Numerics.Distributions;

namespace OrderAnalytics.Predictions.Tests.Synthetic;

/// <summary>
/// A synthetic but realistic Gurgaon ice-cream cafe: growth, a strong weekly pattern (weekends ~1.7x
/// a Tuesday), a summer peak with a monsoon dip, festival effects (Diwali gifting, Holi morning closures,
/// New Year's Eve...), persistent "weather" spells, rare closures and negative-binomial order counts.
/// Some effects are deliberately invisible to the model (the day before Diwali, weather) so the backtest
/// stays honest. All randomness comes from the seed.
/// </summary>
public sealed class CafeSimulator
{
    public sealed record Options
    {
        public DateOnly Start { get; init; } = new(2024, 1, 1);
        public DateOnly End { get; init; } = new(2026, 12, 31);
        public double BaseOrders { get; init; } = 26;        // a typical weekday at the start, before season
        public double AnnualGrowth { get; init; } = 0.25;    // log growth per year
        public double Dispersion { get; init; } = 25;        // negative-binomial size: var = mu + mu^2/k
        public double WeatherSd { get; init; } = 0.07;       // daily shock of the AR(1) weather/log-demand spell
        public double WeatherPersistence { get; init; } = 0.6;
        public double ClosuresPerYear { get; init; } = 2;
        public int Seed { get; init; } = 7;
    }

    // Sunday..Saturday multipliers
    public static readonly double[] Weekday = { 1.38, 0.78, 0.76, 0.84, 0.90, 1.06, 1.32 };

    // multiplicative festival effects for the cafe (desserts are gifted; Holi mornings are shut)
    public static readonly IReadOnlyDictionary<string, double> HolidayEffect = new Dictionary<string, double>
    {
        ["New Year's Day"] = 1.30, ["Republic Day"] = 1.20, ["Valentine's Day"] = 1.70, ["Maha Shivaratri"] = 0.90,
        ["Holi"] = 0.55, ["Eid al-Fitr"] = 1.20, ["Mother's Day"] = 1.40, ["Eid al-Adha"] = 1.10,
        ["Independence Day"] = 1.25, ["Raksha Bandhan"] = 1.50, ["Janmashtami"] = 1.10, ["Gandhi Jayanti"] = 1.10,
        ["Navratri"] = 0.88, ["Dussehra"] = 1.30, ["Karwa Chauth"] = 1.30, ["Dhanteras"] = 1.40, ["Diwali"] = 1.60,
        ["Bhai Dooj"] = 1.35, ["Guru Nanak Jayanti"] = 1.10, ["Christmas Eve"] = 1.40, ["Christmas"] = 1.60,
        ["New Year's Eve"] = 1.80,
    };

    public sealed record Day(DateOnly Date, double Mean, int Orders, double Revenue);

    public sealed record Catalogue(string Item, string Variant, decimal Price, double Share, double SummerTilt);

    /// <summary>Top sellers with a share of item lines and how much more they sell in summer (log scale).</summary>
    public static readonly IReadOnlyList<Catalogue> Items =
    [
        new("Classic Tiramisu", "1_PIECE", 350m, 0.20, -0.25),
        new("Boston Cream Pie", "2_PIECES", 320m, 0.10, -0.20),
        new("Classic Chocolate Lamington", "2_PIECES", 280m, 0.08, -0.10),
        new("Eggless Banoffee Ice Cream", "REGULAR_TUB_300ML", 450m, 0.08, 0.35),
        new("Eggless Strawberry Cream Cheese Ice Cream", "REGULAR_SCOOP_120GMS", 220m, 0.07, 0.40),
        new("Bean-to-Bar Dark Chocolate Ice Cream", "REGULAR_TUB_300ML", 480m, 0.06, 0.20),
        new("Pistachio Ice Cream", "REGULAR_TUB_300ML", 480m, 0.05, 0.30),
        new("Monkey Business Ice Cream", "REGULAR_SCOOP_120GMS", 220m, 0.05, 0.35),
    ];

    public CafeSimulator(Options? options = null)
    {
        var o = options ?? new Options();
        var rng = new Random(o.Seed);
        var calendar = IndianHolidayCalendar.Default;
        var days = new List<Day>();
        double weather = 0;
        for (var d = o.Start; d <= o.End; d = d.AddDays(1))
        {
            weather = o.WeatherPersistence * weather + Normal.Sample(rng, 0, o.WeatherSd);
            double mean = ExpectedOrders(o, d, calendar) * Math.Exp(weather);
            bool closed = rng.NextDouble() < o.ClosuresPerYear / 365.0;
            int orders = closed ? 0 : NegativeBinomial(rng, mean, o.Dispersion);
            double revenue = 0;
            for (int i = 0; i < orders; i++) revenue += LogNormal.Sample(rng, Math.Log(560), 0.55);
            days.Add(new Day(d, mean, orders, Math.Round(revenue)));
        }
        Days = days;
        Hourly = SplitHours(days, rng);
        ItemSales = SimulateItems(days, rng);
    }

    public IReadOnlyList<Day> Days { get; }
    public IReadOnlyList<HourlyPoint> Hourly { get; }
    public IReadOnlyList<ItemSales> ItemSales { get; }

    public IReadOnlyList<DailyPoint> Daily => Days.Select(d => new DailyPoint(d.Date, d.Orders, d.Revenue)).ToList();

    /// <summary>Mean orders without weather: trend x weekday x season x festival (and the unlisted eve of Diwali).</summary>
    public static double ExpectedOrders(Options o, DateOnly d, IndianHolidayCalendar calendar)
    {
        double years = (d.DayNumber - o.Start.DayNumber) / 365.25;
        double doy = d.DayOfYear;
        double season = 0.33 * Math.Cos(2 * Math.PI * (doy - 145) / 365.25) - 0.06 * Math.Cos(4 * Math.PI * (doy - 212) / 365.25);
        double mean = o.BaseOrders * Math.Exp(o.AnnualGrowth * years + season) * Weekday[(int)d.DayOfWeek];
        foreach (var name in calendar.NamesOn(d))
            if (HolidayEffect.TryGetValue(name, out var m)) mean *= m;
        if (calendar.NamesOn(d.AddDays(1)).Contains("Diwali")) mean *= 1.3; // "Choti Diwali": not in the calendar
        return mean;
    }

    public static int NegativeBinomial(Random rng, double mean, double size)
    {
        if (mean <= 0) return 0;
        double lambda = Gamma.Sample(rng, size, size / mean);
        return Poisson.Sample(rng, lambda);
    }

    private static readonly double[] WeekdayHours = Profile(new Dictionary<int, double>
    { [11] = 2, [12] = 4, [13] = 6, [14] = 6, [15] = 6, [16] = 8, [17] = 9, [18] = 9, [19] = 9, [20] = 11, [21] = 12, [22] = 10, [23] = 6, [0] = 2 });

    private static readonly double[] WeekendHours = Profile(new Dictionary<int, double>
    { [11] = 3, [12] = 6, [13] = 8, [14] = 9, [15] = 9, [16] = 10, [17] = 10, [18] = 9, [19] = 9, [20] = 10, [21] = 10, [22] = 8, [23] = 5, [0] = 2 });

    private static double[] Profile(Dictionary<int, double> weights)
    {
        var p = new double[24];
        double total = weights.Values.Sum();
        foreach (var (h, w) in weights) p[h] = w / total;
        return p;
    }

    private static List<HourlyPoint> SplitHours(List<Day> days, Random rng)
    {
        var result = new List<HourlyPoint>();
        foreach (var day in days)
        {
            var profile = day.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? WeekendHours : WeekdayHours;
            var counts = new int[24];
            for (int i = 0; i < day.Orders; i++) counts[Categorical.Sample(rng, profile)]++;
            double aov = day.Orders > 0 ? day.Revenue / day.Orders : 0;
            for (int h = 0; h < 24; h++)
                if (counts[h] > 0) result.Add(new HourlyPoint(day.Date, h, counts[h], Math.Round(counts[h] * aov)));
        }
        return result;
    }

    private static List<ItemSales> SimulateItems(List<Day> days, Random rng)
    {
        var result = new List<ItemSales>();
        foreach (var day in days)
        {
            double summer = Math.Cos(2 * Math.PI * (day.Date.DayOfYear - 145) / 365.25);
            foreach (var item in Items)
            {
                double mean = day.Orders * 1.6 * item.Share * Math.Exp(item.SummerTilt * summer);
                int qty = mean > 0 ? Poisson.Sample(rng, mean) : 0;
                if (qty == 0) continue;
                decimal discount = rng.NextDouble() < 0.3 ? Math.Round(item.Price * qty * (decimal)(0.05 + 0.1 * rng.NextDouble())) : 0m;
                result.Add(new ItemSales(item.Item, item.Variant, day.Date, item.Price, qty, discount));
            }
        }
        return result;
    }
}
