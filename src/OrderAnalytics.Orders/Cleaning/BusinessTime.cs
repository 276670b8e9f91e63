namespace OrderAnalytics.Orders;

/// <summary>
/// India Standard Time (UTC+05:30, no daylight saving) and the cafe's business day, which runs 05:00–04:59 IST:
/// an order at 02:30 IST on the 9th belongs to the 8th.
/// </summary>
public static class BusinessTime
{
    public static readonly TimeSpan IstOffset = new(5, 30, 0);

    /// <summary>Hour (IST) at which a business day starts.</summary>
    public const int DayStartHour = 5;

    /// <summary>The business date of an instant.</summary>
    public static DateOnly BusinessDateOf(DateTimeOffset instant)
    {
        // IST wall clock minus the day-start hour, computed on ticks so the extremes cannot overflow
        var shifted = instant.UtcTicks + IstOffset.Ticks - TimeSpan.TicksPerHour * DayStartHour;
        if (shifted < 0) return DateOnly.MinValue;
        if (shifted > DateTime.MaxValue.Ticks) return DateOnly.MaxValue;
        return DateOnly.FromDateTime(new DateTime(shifted));
    }

    /// <summary>The instant as IST wall-clock time.</summary>
    public static DateTimeOffset ToIst(DateTimeOffset instant) => instant.ToOffset(IstOffset);

    /// <summary>
    /// Parses PetPooja's "yyyy-MM-dd HH:mm:ss" IST wall-clock time into a UTC instant (offset zero). Tolerates a
    /// "T" separator, '/' in the date, missing seconds, a fraction of a second, and an explicit "Z"/±hh:mm offset
    /// (honoured when present). No allocation; no culture dependence.
    /// </summary>
    public static bool TryParseIst(string? text, out DateTimeOffset utc) => TryParseIst(text.AsSpan(), out utc);

    public static bool TryParseIst(ReadOnlySpan<char> s, out DateTimeOffset utc)
    {
        utc = default;
        s = s.Trim();
        // yyyy-MM-dd HH:mm is the shortest accepted form.
        if (s.Length < 16 || s.Length > 40) return false;
        if (!Digits(s, 0, 4, out var year) || !IsDateSep(s[4]) || !Digits(s, 5, 2, out var month) || s[7] != s[4]
            || !Digits(s, 8, 2, out var day)) return false;
        if (s[10] != ' ' && s[10] != 'T' && s[10] != 't') return false;
        if (!Digits(s, 11, 2, out var hour) || s[13] != ':' || !Digits(s, 14, 2, out var minute)) return false;

        var i = 16;
        var second = 0;
        long ticks = 0;
        if (i < s.Length && s[i] == ':')
        {
            if (!Digits(s, i + 1, 2, out second)) return false;
            i += 3;
            if (i < s.Length && (s[i] == '.' || s[i] == ','))
            {
                i++;
                var start = i;
                long scale = TimeSpan.TicksPerSecond;
                while (i < s.Length && char.IsAsciiDigit(s[i]))
                {
                    if (scale > 1)
                    {
                        scale /= 10;
                        ticks += (s[i] - '0') * scale;
                    }
                    i++;
                }
                if (i == start) return false;
            }
        }

        var offset = IstOffset;
        if (i < s.Length)
        {
            var rest = s[i..].TrimStart();
            if (rest.Length == 1 && (rest[0] == 'Z' || rest[0] == 'z'))
            {
                offset = TimeSpan.Zero;
            }
            else if (rest.Length is 6 or 5 && (rest[0] == '+' || rest[0] == '-'))
            {
                // ±hh:mm or ±hhmm
                if (!Digits(rest, 1, 2, out var oh)) return false;
                var mPos = rest[3] == ':' ? 4 : 3;
                if (rest.Length != mPos + 2 || !Digits(rest, mPos, 2, out var om)) return false;
                if (oh > 14 || om > 59) return false;
                offset = new TimeSpan(oh, om, 0);
                if (rest[0] == '-') offset = -offset;
            }
            else
            {
                return false;
            }
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        if (hour > 23 || minute > 59 || second > 59) return false;

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(ticks);
        var utcTicks = local.Ticks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks) return false;
        utc = new DateTimeOffset(utcTicks, TimeSpan.Zero);
        return true;
    }

    /// <summary>Parses an ISO-8601 instant such as occurred_at ("2026-01-03T17:40:38.027940+00:00"); no offset = UTC.</summary>
    public static bool TryParseInstant(string? text, out DateTimeOffset utc)
    {
        utc = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64) return false;
        if (!DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AllowWhiteSpaces,
                out var parsed)) return false;
        utc = parsed.ToUniversalTime();
        return true;
    }

    private static bool IsDateSep(char c) => c is '-' or '/';

    private static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        if (start + count > s.Length) return false;
        for (var k = start; k < start + count; k++)
        {
            var c = s[k];
            if (!char.IsAsciiDigit(c)) return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
