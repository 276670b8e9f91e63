using System.Buffers;

namespace OrderAnalytics.Orders;

/// <summary>Trims, strips control characters (a NUL cannot be stored in PostgreSQL text) and cuts long text.</summary>
internal static class TextSanitizer
{
    // C0 controls except TAB, LF, CR; DEL; C1 controls. Also lone surrogates are handled on cut.
    private static readonly SearchValues<char> Controls = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F");

    /// <summary>Returns the cleaned text (null when empty) and whether it was cut or had characters removed.</summary>
    public static string? Clean(string? value, int maxLength, out bool truncated, out bool stripped)
    {
        truncated = false;
        stripped = false;
        if (value is null) return null;

        ReadOnlySpan<char> span = value.AsSpan().Trim();
        if (span.IsEmpty) return null;

        string result;
        if (span.ContainsAny(Controls))
        {
            stripped = true;
            var buffer = new char[span.Length];
            var n = 0;
            foreach (var c in span)
            {
                if (!Controls.Contains(c)) buffer[n++] = c;
            }
            span = buffer.AsSpan(0, n).Trim();
            if (span.IsEmpty) return null;
        }

        if (span.Length > maxLength)
        {
            truncated = true;
            var cut = maxLength;
            // Do not split a surrogate pair.
            if (cut > 0 && char.IsHighSurrogate(span[cut - 1])) cut--;
            span = span[..cut].TrimEnd();
        }

        result = span.Length == value.Length ? value : new string(span);
        return result.Length == 0 ? null : result;
    }

    /// <summary>A short, single-line preview of a value for quarantine reasons.</summary>
    public static string Preview(string? value, int max = 40)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var clean = Clean(value, max, out var truncated, out _) ?? "";
        clean = clean.Replace('\n', ' ').Replace('\r', ' ').Replace('\'', '"');
        return truncated ? clean + "…" : clean;
    }
}
