namespace OrderAnalytics.Predictions;

/// <summary>
/// A gap-free daily series. <see cref="Length"/> may be shorter than the array so rolling-origin code can
/// take prefixes ("everything known at the origin") without copying.
/// </summary>
internal readonly record struct DailySeries(DateOnly Start, double[] Values, int Length)
{
    public DailySeries(DateOnly start, double[] values) : this(start, values, values.Length) { }

    public DateOnly DateAt(int index) => Start.AddDays(index);
    public DateOnly End => Start.AddDays(Length - 1);
    public double this[int index] => Values[index];
    public DailySeries Prefix(int length) => this with { Length = length };

    /// <summary>
    /// Sums values per date and fills the dates missing between the first and last with zero:
    /// a day with no rows in the order data is a day with no sales (closed, or nothing of that item sold).
    /// </summary>
    public static DailySeries FromPoints(IEnumerable<(DateOnly Date, double Value)> points, DateOnly? start = null, DateOnly? end = null)
    {
        var sums = new Dictionary<DateOnly, double>();
        foreach (var (date, value) in points)
        {
            sums.TryGetValue(date, out var s);
            sums[date] = s + value;
        }
        if (sums.Count == 0 && (start is null || end is null)) return new DailySeries(default, Array.Empty<double>());
        var first = start ?? sums.Keys.Min();
        var last = end ?? sums.Keys.Max();
        if (last < first) return new DailySeries(first, Array.Empty<double>());
        var values = new double[last.DayNumber - first.DayNumber + 1];
        foreach (var (date, value) in sums)
        {
            int i = date.DayNumber - first.DayNumber;
            if (i >= 0 && i < values.Length) values[i] = value;
        }
        return new DailySeries(first, values);
    }
}
