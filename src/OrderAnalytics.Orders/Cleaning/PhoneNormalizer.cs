using PhoneNumbers;

namespace OrderAnalytics.Orders;

/// <summary>
/// Normalises customer phones to E.164 with libphonenumber (default region India). Handles "+91 98…", "098…",
/// "98…", "91-98…", "0091…" and a list of numbers ("98… / 97…": the first valid one wins). Thread-safe.
/// </summary>
public sealed class PhoneNormalizer
{
    private const int MaxSegmentLength = 40;
    private static readonly char[] ListSeparators = ['/', ',', ';', '|'];
    private readonly PhoneNumberUtil _util = PhoneNumberUtil.GetInstance();

    public PhoneNormalizer(string defaultRegion = "IN")
    {
        DefaultRegion = defaultRegion;
    }

    public string DefaultRegion { get; }

    /// <summary>The E.164 form ("+919876543210"), or null when the text is empty or holds no valid number.</summary>
    public string? ToE164(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        if (raw.IndexOfAny(ListSeparators) < 0) return TryOne(raw.AsSpan().Trim());

        foreach (var range in raw.AsSpan().SplitAny(ListSeparators))
        {
            var e164 = TryOne(raw.AsSpan(range).Trim());
            if (e164 is not null) return e164;
        }
        return null;
    }

    private string? TryOne(ReadOnlySpan<char> segment)
    {
        if (segment.IsEmpty || segment.Length > MaxSegmentLength) return null;
        var digits = 0;
        foreach (var c in segment)
        {
            if (char.IsAsciiDigit(c)) digits++;
            else if (char.IsLetter(c)) return null; // masked ("xxxxxx3210") or words; libphonenumber would read letters as digits
        }
        if (digits < 6) return null;
        try
        {
            var number = _util.Parse(segment.ToString(), DefaultRegion);
            return _util.IsValidNumber(number) ? _util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
