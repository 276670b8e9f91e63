namespace OrderAnalytics.Predictions;

/// <summary>
/// The design-matrix columns of the calendar regression: intercept, linear trend (years), weekday dummies
/// (Sunday is the base), yearly Fourier terms (the smooth "month" effect: summer peak, monsoon dip) and one
/// dummy per holiday name seen in training. A holiday never seen in training gets no column: with no
/// example there is nothing honest to say about its effect.
/// </summary>
internal sealed class CalendarFeatures
{
    private const int WeekdayColumns = 6;
    private readonly Dictionary<string, int> _holidayColumn;
    private readonly IndianHolidayCalendar _calendar;

    public CalendarFeatures(DateOnly origin, int fourierOrder, IReadOnlyList<string> holidays, IndianHolidayCalendar calendar)
    {
        Origin = origin;
        FourierOrder = fourierOrder;
        Holidays = holidays;
        _calendar = calendar;
        HolidayStart = 2 + WeekdayColumns + 2 * fourierOrder;
        _holidayColumn = holidays.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => HolidayStart + x.i);
        Count = HolidayStart + holidays.Count;
    }

    public DateOnly Origin { get; }
    public int FourierOrder { get; }
    public IReadOnlyList<string> Holidays { get; }
    public int HolidayStart { get; }
    public int Count { get; }

    /// <summary>Holidays with at least one day inside the training span.</summary>
    public static IReadOnlyList<string> HolidaysIn(IndianHolidayCalendar calendar, DateOnly from, DateOnly to, Func<DateOnly, bool>? usable = null)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var h in calendar.Holidays)
            for (var d = h.Date; d <= h.LastDate; d = d.AddDays(1))
                if (d >= from && d <= to && (usable is null || usable(d))) names.Add(h.Name);
        return names.ToList();
    }

    public void Fill(DateOnly date, Span<double> row)
    {
        row.Clear();
        row[0] = 1;
        row[1] = (date.DayNumber - Origin.DayNumber) / 365.25;
        int dow = (int)date.DayOfWeek; // Sunday = 0
        if (dow > 0) row[1 + dow] = 1;
        double yearAngle = 2 * Math.PI * (date.DayOfYear - 1) / 365.25;
        for (int k = 1; k <= FourierOrder; k++)
        {
            row[2 + WeekdayColumns + 2 * (k - 1)] = Math.Sin(k * yearAngle);
            row[3 + WeekdayColumns + 2 * (k - 1)] = Math.Cos(k * yearAngle);
        }
        foreach (var name in _calendar.NamesOn(date))
            if (_holidayColumn.TryGetValue(name, out int col)) row[col] = 1;
    }

    /// <summary>
    /// Ridge penalty per column. Intercept and trend are free; weekday and Fourier terms get a token penalty
    /// (numerical safety); holiday dummies get <paramref name="holidayLambda"/> because most are seen once or
    /// twice a year and would otherwise memorise that day's noise.
    /// </summary>
    public double Penalty(int column, double holidayLambda) =>
        column < 2 ? 0 : column < HolidayStart ? 1e-3 : holidayLambda;
}
