using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using OrderAnalytics.Contracts;

namespace OrderAnalytics.Orders;

/// <summary>
/// Per-parse state: the options, the text flags raised so far, nested documents to dispose, and the
/// lenient readers that absorb PetPooja's type drift ("1" vs 1, "" for 0, int vs string ids) and turn
/// anything else into a <see cref="QuarantineException"/> naming the field.
/// </summary>
internal sealed class JsonReadContext(OrderParserOptions options) : IDisposable
{
    private List<JsonDocument>? _nested;
    private List<byte[]>? _rented;
    private List<QualityFlag>? _flags;

    public OrderParserOptions Options { get; } = options;
    public bool PullDialect { get; set; }

    public IReadOnlyList<QualityFlag> Flags => _flags is null ? [] : _flags;

    public void Dispose()
    {
        if (_nested is not null)
        {
            foreach (var d in _nested) d.Dispose();
            _nested = null;
        }
        if (_rented is not null)
        {
            foreach (var b in _rented) ArrayPool<byte>.Shared.Return(b);
            _rented = null;
        }
    }

    /// <summary>
    /// Parses a JSON string value that holds a JSON document: unescapes its UTF-8 bytes straight into a pooled
    /// buffer (no intermediate .NET string) and parses that.
    /// </summary>
    private JsonDocument? ParseNested(JsonElement v, string path)
    {
        var raw = JsonMarshal.GetRawUtf8Value(v); // the quoted, escaped literal
        if (raw.Length - 2 > Options.MaxPayloadChars) throw Fail(path, $"too large ({raw.Length - 2} bytes)");
        var reader = new Utf8JsonReader(raw);
        reader.Read();
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, raw.Length));
        (_rented ??= []).Add(buffer);
        int length;
        try
        {
            length = reader.CopyString(buffer);
        }
        catch (InvalidOperationException)
        {
            throw Fail(path, InvalidText);
        }
        if (buffer.AsSpan(0, length).Trim(" \t\r\n"u8).IsEmpty) return null;

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(buffer.AsMemory(0, length), DocumentOptions(Options));
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw Fail(path, $"not valid JSON ({ShortMessage(ex)})");
        }
        (_nested ??= []).Add(doc);
        return doc;
    }

    public static QuarantineException Fail(string path, string problem) => new($"{path}: {problem}");

    public static string Path(Parent parent, string name)
    {
        var p = parent.ToString();
        return p.Length == 0 ? name : p + "." + name;
    }

    public static string Describe(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    /// <summary>
    /// An object that may arrive as the object itself or as a JSON string holding it (raw_event does).
    /// Returns false when the value is null/absent/empty string.
    /// </summary>
    public bool TryResolveObject(JsonElement v, string path, out JsonElement obj)
    {
        obj = default;
        switch (v.ValueKind)
        {
            case JsonValueKind.Object:
                obj = v;
                return true;
            case JsonValueKind.Undefined:
            case JsonValueKind.Null:
                return false;
            case JsonValueKind.String:
                if (v.ValueEquals(ReadOnlySpan<byte>.Empty)) return false;
                var doc = ParseNested(v, path);
                if (doc is null) return false;
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                    throw Fail(path, $"expected a JSON object, got {Describe(doc.RootElement)}");
                obj = doc.RootElement;
                return true;
            default:
                throw Fail(path, $"expected an object, got {Describe(v)}");
        }
    }

    /// <summary>Elements of an array; null, absent, "" and {} count as empty. Anything else is quarantined.</summary>
    public JsonElement.ArrayEnumerator? Array(JsonElement v, string path, out int count)
    {
        count = 0;
        switch (v.ValueKind)
        {
            case JsonValueKind.Array:
                count = v.GetArrayLength();
                if (count > Options.MaxLines) throw Fail(path, $"too many entries ({count} > {Options.MaxLines})");
                return v.EnumerateArray();
            case JsonValueKind.Undefined:
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.String when v.ValueEquals(""):
                return null;
            case JsonValueKind.Object when !v.EnumerateObject().MoveNext():
                return null;
            default:
                throw Fail(path, $"expected an array, got {Describe(v)}");
        }
    }

    /// <summary>Free text: strings, numbers and booleans become text; null/"" become null; long text is cut and flagged.</summary>
    public string? Text(JsonElement v, Parent parent, string name, int? maxLength = null)
    {
        string? raw;
        switch (v.ValueKind)
        {
            case JsonValueKind.String:
                raw = GetString(v, parent, name);
                break;
            case JsonValueKind.Number:
                raw = NumberText(v);
                break;
            case JsonValueKind.True:
                return "true";
            case JsonValueKind.False:
                return "false";
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
                return null;
            default:
                throw Fail(Path(parent, name), $"expected text, got {Describe(v)}");
        }

        var max = maxLength ?? Options.MaxTextLength;
        var clean = TextSanitizer.Clean(raw, max, out var truncated, out var stripped);
        if (truncated || stripped)
        {
            var path = Path(parent, name);
            var detail = truncated
                ? $"{path}: {raw!.Length} chars cut to {max}"
                : $"{path}: control characters removed";
            (_flags ??= []).Add(new QualityFlag(QualityFlagCodes.TextTruncated, detail));
        }
        return clean;
    }

    /// <summary>An identifier (orderID, restID): int or string; integral floats lose their ".0"; too long is quarantined.</summary>
    public string? Id(JsonElement v, Parent parent, string name)
    {
        string? raw;
        switch (v.ValueKind)
        {
            case JsonValueKind.String:
                raw = GetString(v, parent, name);
                break;
            case JsonValueKind.Number:
                raw = NumberText(v);
                break;
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
                return null;
            default:
                throw Fail(Path(parent, name), $"expected an id, got {Describe(v)}");
        }

        var clean = TextSanitizer.Clean(raw, int.MaxValue, out _, out var stripped);
        if (clean is null) return null;
        if (stripped) throw Fail(Path(parent, name), "contains control characters");
        if (clean.Length > Options.MaxIdLength)
            throw Fail(Path(parent, name), $"too long ({clean.Length} chars > {Options.MaxIdLength})");
        return clean;
    }

    /// <summary>Money: number or numeric string; null/""/absent = 0; NaN, text, booleans and absurd values are quarantined.</summary>
    public decimal Money(JsonElement v, Parent parent, string name) =>
        Decimal(v, parent, name, Options.MaxAbsAmount) ?? 0m;

    public decimal Quantity(JsonElement v, Parent parent, string name) =>
        Decimal(v, parent, name, Options.MaxAbsQuantity) ?? 0m;

    public decimal? Decimal(JsonElement v, Parent parent, string name, decimal maxAbs)
    {
        decimal d;
        switch (v.ValueKind)
        {
            case JsonValueKind.Number:
                if (!v.TryGetDecimal(out d))
                    throw Fail(Path(parent, name), $"out of range ({TextSanitizer.Preview(v.GetRawText())})");
                break;
            case JsonValueKind.String:
                var s = GetString(v, parent, name);
                var span = s.AsSpan().Trim();
                if (span.IsEmpty) return null;
                if (!decimal.TryParse(span, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out d))
                {
                    if (double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out var dbl))
                    {
                        throw Fail(Path(parent, name), double.IsFinite(dbl)
                            ? $"out of range ('{TextSanitizer.Preview(s)}')"
                            : $"not a finite number ('{TextSanitizer.Preview(s)}')");
                    }
                    throw Fail(Path(parent, name), $"not a number ('{TextSanitizer.Preview(s)}')");
                }
                break;
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
                return null;
            default:
                throw Fail(Path(parent, name), $"expected a number, got {Describe(v)}");
        }

        if (Math.Abs(d) > maxAbs)
            throw Fail(Path(parent, name), $"out of range ({d.ToString(CultureInfo.InvariantCulture)} exceeds {maxAbs.ToString(CultureInfo.InvariantCulture)})");
        return d;
    }

    /// <summary>A whole number (no_of_persons, stream_id); "" and null = null; fractions are quarantined.</summary>
    public long? Integer(JsonElement v, Parent parent, string name, long min, long max)
    {
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var direct))
        {
            if (direct < min || direct > max) throw Fail(Path(parent, name), $"out of range ({direct})");
            return direct;
        }
        var d = Decimal(v, parent, name, decimal.MaxValue);
        if (d is null) return null;
        if (d.Value != decimal.Truncate(d.Value))
            throw Fail(Path(parent, name), $"not a whole number ({d.Value.ToString(CultureInfo.InvariantCulture)})");
        if (d.Value < min || d.Value > max)
            throw Fail(Path(parent, name), $"out of range ({d.Value.ToString(CultureInfo.InvariantCulture)})");
        return (long)d.Value;
    }

    private const string InvalidText = "not valid text (unpaired surrogate escape)";

    /// <summary>GetString throws on escaped lone surrogates ("\ud800"); that becomes a quarantine naming the field.</summary>
    private static string? GetString(JsonElement v, Parent parent, string name)
    {
        try
        {
            return v.GetString();
        }
        catch (InvalidOperationException)
        {
            throw Fail(Path(parent, name), InvalidText);
        }
    }

    /// <summary>Text of a JSON number; integral values are written without a fraction (110.0 → "110").</summary>
    private static string NumberText(JsonElement v)
    {
        if (v.TryGetInt64(out var l)) return l.ToString(CultureInfo.InvariantCulture);
        if (v.TryGetDecimal(out var d) && d == decimal.Truncate(d) && Math.Abs(d) < 1e18m)
            return ((long)d).ToString(CultureInfo.InvariantCulture);
        return v.GetRawText();
    }

    public static JsonDocumentOptions DocumentOptions(OrderParserOptions options) => new()
    {
        MaxDepth = options.MaxDepth,
        AllowDuplicateProperties = false,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    public static string ShortMessage(Exception ex)
    {
        var m = ex.Message;
        return m.Length <= 200 ? m : m[..200] + "…";
    }
}

/// <summary>
/// Where a value sits ("properties.OrderItem[2].addon[0]"), kept as parts so the text is only built when a
/// reason needs it.
/// </summary>
internal readonly struct Parent(string root, int index = -1, string? child = null, int childIndex = -1)
{
    public static implicit operator Parent(string root) => new(root);

    public override string ToString()
    {
        var s = root ?? "";
        if (index >= 0) s += $"[{index}]";
        if (child is not null) s += "." + child;
        if (childIndex >= 0) s += $"[{childIndex}]";
        return s;
    }
}
