namespace OrderAnalytics.Simulation.Internal;

/// <summary>India Standard Time (fixed UTC+05:30, no DST) and the cafe's business day (05:00-04:59 IST).</summary>
internal static class Ist
{
    public static readonly TimeSpan Offset = new(5, 30, 0);
    public const int BusinessDayStartHour = 5;

    /// <summary>The business day an IST wall-clock time belongs to (00:00-04:59 counts to the previous date).</summary>
    public static DateOnly BusinessDate(DateTime ist) => DateOnly.FromDateTime(ist.AddHours(-BusinessDayStartHour));

    /// <summary>05:00 IST of a business date, as an IST wall-clock time.</summary>
    public static DateTime BusinessDayStart(DateOnly date) => date.ToDateTime(new TimeOnly(BusinessDayStartHour, 0));

    public static DateTime ToUtc(DateTime ist) => DateTime.SpecifyKind(ist - Offset, DateTimeKind.Utc);

    public static DateTime FromUtc(DateTime utc) => DateTime.SpecifyKind(utc + Offset, DateTimeKind.Unspecified);
}

/// <summary>How busy a day is: weekday, season (summer peak), festivals; and the hour-of-day rhythm.</summary>
internal static class Demand
{
    // Mon..Sun (DayOfWeek order is Sun=0).
    private static readonly double[] DayOfWeekFactor = [1.40, 0.80, 0.80, 0.85, 0.90, 1.10, 1.45];

    // Mid-month demand (Jan..Dec): Gurgaon summers (Apr-Jun) sell the most ice cream.
    private static readonly double[] MonthFactor = [0.70, 0.78, 0.98, 1.30, 1.50, 1.45, 1.15, 1.05, 1.00, 1.00, 0.92, 0.88];

    /// <summary>Sharad Navratri (nine nights) per year.</summary>
    private static readonly (DateOnly Start, int Days)[] NavratriWindows =
    [
        (new DateOnly(2023, 10, 15), 9),
        (new DateOnly(2024, 10, 3), 9),
        (new DateOnly(2025, 9, 22), 9),
        (new DateOnly(2026, 10, 11), 9),
        (new DateOnly(2027, 9, 30), 9),
        (new DateOnly(2028, 9, 19), 9),
    ];

    private static readonly Dictionary<DateOnly, (string Name, double Factor)> Festivals = BuildFestivals();

    private static Dictionary<DateOnly, (string, double)> BuildFestivals()
    {
        var f = new Dictionary<DateOnly, (string, double)>();
        void Add(int y, int m, int d, string name, double factor) => f[new DateOnly(y, m, d)] = (name, factor);
        // Holi, Diwali (with Dhanteras and Bhai Dooj), Raksha Bandhan: lunar dates, listed per year.
        (int Y, int HoliM, int HoliD, int DiwaliM, int DiwaliD, int RakhiM, int RakhiD)[] lunar =
        [
            (2023, 3, 8, 11, 12, 8, 30),
            (2024, 3, 25, 11, 1, 8, 19),
            (2025, 3, 14, 10, 20, 8, 9),
            (2026, 3, 4, 11, 8, 8, 28),
            (2027, 3, 22, 10, 29, 8, 17),
            (2028, 3, 11, 10, 17, 8, 5),
        ];
        foreach (var l in lunar)
        {
            Add(l.Y, l.HoliM, l.HoliD, "Holi", 1.6);
            var diwali = new DateOnly(l.Y, l.DiwaliM, l.DiwaliD);
            f[diwali.AddDays(-2)] = ("Dhanteras", 1.3);
            f[diwali.AddDays(-1)] = ("Choti Diwali", 1.4);
            f[diwali] = ("Diwali", 1.8);
            f[diwali.AddDays(1)] = ("Govardhan Puja", 1.3);
            f[diwali.AddDays(2)] = ("Bhai Dooj", 1.35);
            Add(l.Y, l.RakhiM, l.RakhiD, "Raksha Bandhan", 1.3);
        }
        for (var y = 2023; y <= 2028; y++)
        {
            Add(y, 2, 14, "Valentine's Day", 1.4);
            Add(y, 12, 24, "Christmas Eve", 1.5);
            Add(y, 12, 25, "Christmas", 1.6);
            Add(y, 12, 31, "New Year's Eve", 1.9);
            Add(y, 1, 1, "New Year's Day", 1.3);
        }
        foreach (var (start, _) in NavratriWindows)
        {
            for (var i = 0; i < 9; i++)
            {
                var d = start.AddDays(i);
                if (!f.ContainsKey(d)) f[d] = ("Navratri", 1.2);
            }
        }
        return f;
    }

    public static string? FestivalName(DateOnly date) => Festivals.TryGetValue(date, out var f) ? f.Name : null;

    /// <summary>Relative demand of a date (1.0 = an average day), without trend or noise.</summary>
    public static double DayFactor(DateOnly date)
    {
        var dow = DayOfWeekFactor[(int)date.DayOfWeek];
        var season = Season(date);
        var festival = Festivals.TryGetValue(date, out var f) ? f.Factor : 1.0;
        return dow * season * festival;
    }

    private static double Season(DateOnly date)
    {
        // Linear interpolation between mid-month anchors.
        var m = date.Month - 1;
        var daysInMonth = DateTime.DaysInMonth(date.Year, date.Month);
        var pos = (date.Day - 0.5) / daysInMonth; // 0..1 inside the month
        if (pos >= 0.5)
        {
            var next = MonthFactor[(m + 1) % 12];
            return Lerp(MonthFactor[m], next, pos - 0.5);
        }
        var prev = MonthFactor[(m + 11) % 12];
        return Lerp(prev, MonthFactor[m], pos + 0.5);
    }

    private static double Lerp(double a, double b, double t) => a + (b - a) * t;

    public static bool IsNavratriSeason(DateOnly date)
    {
        foreach (var (start, days) in NavratriWindows)
        {
            if (date >= start.AddDays(-3) && date <= start.AddDays(days + 2)) return true;
        }
        return false;
    }

    public static bool IsDiwaliSeason(DateOnly date) =>
        (date.Month == 10 && date.Day >= 5) || (date.Month == 11 && date.Day <= 15);

    public static bool IsPlumCakeSeason(DateOnly date) =>
        (date.Month == 12) || (date.Month == 1 && date.Day <= 10);

    public static bool IsMangoSeason(DateOnly date) =>
        date.Month is >= 4 and <= 6 || (date.Month == 7 && date.Day <= 15);

    // Hour-of-day weights, index 0 = 11:00 IST ... 14 = 01:00 IST (next calendar day). Closed 02:00-11:00.
    private static readonly double[] WeekdayHours = [2.0, 3.0, 3.6, 3.6, 3.4, 3.8, 4.8, 6.2, 9.0, 11.0, 12.0, 11.0, 8.0, 4.0, 1.4];
    private static readonly double[] WeekendHours = [2.4, 3.8, 5.2, 5.6, 5.4, 5.6, 6.0, 7.0, 9.5, 11.5, 12.5, 11.5, 8.8, 4.8, 1.8];
    private static readonly double[] LateNightHours = [1.5, 2.2, 2.8, 2.8, 2.8, 3.0, 4.0, 5.5, 8.0, 10.0, 12.0, 13.0, 12.0, 9.0, 4.0];

    public static readonly double[] WeekdayHoursCumulative = Cumulative(WeekdayHours);
    public static readonly double[] WeekendHoursCumulative = Cumulative(WeekendHours);
    public static readonly double[] LateNightHoursCumulative = Cumulative(LateNightHours);
    public const int FirstOpenHour = 11;

    public static double[] HoursFor(DateOnly date)
    {
        if ((date.Month == 12 && date.Day == 31) || FestivalName(date) is "Diwali") return LateNightHoursCumulative;
        return date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || FestivalName(date) is not null
            ? WeekendHoursCumulative
            : WeekdayHoursCumulative;
    }

    public static double[] Cumulative(IReadOnlyList<double> weights)
    {
        var c = new double[weights.Count];
        var sum = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            sum += weights[i];
            c[i] = sum;
        }
        return c;
    }
}
