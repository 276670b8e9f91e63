using System.Text;

namespace OrderAnalytics.Matching;

/// <summary>Just enough RFC 4180 to read the menu and write results: quoted fields, doubled quotes, CRLF.</summary>
public static class Csv
{
    /// <summary>Splits CSV text into records; quoted fields may contain commas, quotes and newlines.</summary>
    public static IEnumerable<string[]> Read(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false, any = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            any = true;
            if (quoted)
            {
                if (ch != '"') { field.Append(ch); continue; }
                if (reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                else quoted = false;
                continue;
            }
            switch (ch)
            {
                case '"': quoted = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    fields.Add(field.ToString()); field.Clear();
                    yield return fields.ToArray();
                    fields.Clear(); any = false;
                    break;
                default: field.Append(ch); break;
            }
        }
        if (any) { fields.Add(field.ToString()); yield return fields.ToArray(); }
    }

    /// <summary>Quotes a field only when it needs it.</summary>
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"") + "\"";
    }

    public static string Line(params string?[] fields) => string.Join(',', fields.Select(Escape));
}
