using System.Globalization;

namespace OrderAnalytics.Predictions;

/// <summary>One holiday or festival; multi-day events (Navratri) span <see cref="Days"/> consecutive days.</summary>
public sealed record Holiday(DateOnly Date, string Name, string Category, int Days = 1)
{
    public DateOnly LastDate => Date.AddDays(Days - 1);
    public bool Covers(DateOnly date) => date >= Date && date <= LastDate;
}

/// <summary>
/// Indian holidays and festivals that move cafe demand (Diwali gifting, Holi closures, New Year's Eve...).
/// The default calendar is the CSV embedded in this assembly (2024-2027); a caller may load its own with
/// <see cref="Parse"/> to extend the years - the forecaster only knows what the calendar lists.
/// </summary>
public sealed class IndianHolidayCalendar
{
    private const string ResourceName = "OrderAnalytics.Predictions.indian_holidays.csv";
    private static readonly Lazy<IndianHolidayCalendar> DefaultCalendar = new(LoadEmbedded);
    private readonly Dictionary<DateOnly, List<string>> _byDate = new();

    public IndianHolidayCalendar(IEnumerable<Holiday> holidays)
    {
        Holidays = holidays.OrderBy(h => h.Date).ThenBy(h => h.Name, StringComparer.Ordinal).ToList();
        foreach (var h in Holidays)
        {
            for (var d = h.Date; d <= h.LastDate; d = d.AddDays(1))
            {
                if (!_byDate.TryGetValue(d, out var names)) _byDate[d] = names = new List<string>();
                if (!names.Contains(h.Name)) names.Add(h.Name);
            }
        }
    }

    /// <summary>The calendar shipped with the library.</summary>
    public static IndianHolidayCalendar Default => DefaultCalendar.Value;

    public IReadOnlyList<Holiday> Holidays { get; }

    /// <summary>First and last year the calendar lists; forecasts past them see no holidays.</summary>
    public (int FirstYear, int LastYear) CoveredYears =>
        Holidays.Count == 0 ? (0, -1) : (Holidays[0].Date.Year, Holidays.Max(h => h.LastDate.Year));

    /// <summary>Names of the events on a date (empty when none).</summary>
    public IReadOnlyList<string> NamesOn(DateOnly date) =>
        _byDate.TryGetValue(date, out var names) ? names : Array.Empty<string>();

    /// <summary>Reads "date,name,category,days" lines; '#' lines are comments; days defaults to 1.</summary>
    public static IndianHolidayCalendar Parse(TextReader reader)
    {
        var list = new List<Holiday>();
        string? line;
        bool header = true;
        int lineNo = 0;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            line = line.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (header)
            {
                header = false;
                if (line.StartsWith("date", StringComparison.OrdinalIgnoreCase)) continue;
            }
            var parts = line.Split(',');
            if (parts.Length < 2)
                throw new FormatException($"Holiday calendar line {lineNo}: expected date,name[,category,days].");
            var date = DateOnly.ParseExact(parts[0].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            string category = parts.Length > 2 ? parts[2].Trim() : "festival";
            int days = parts.Length > 3 && parts[3].Trim().Length > 0
                ? int.Parse(parts[3].Trim(), CultureInfo.InvariantCulture)
                : 1;
            if (days < 1) throw new FormatException($"Holiday calendar line {lineNo}: days must be >= 1.");
            list.Add(new Holiday(date, parts[1].Trim(), category, days));
        }
        return new IndianHolidayCalendar(list);
    }

    private static IndianHolidayCalendar LoadEmbedded()
    {
        using var stream = typeof(IndianHolidayCalendar).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }
}
