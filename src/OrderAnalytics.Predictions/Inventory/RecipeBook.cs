using System.Globalization;

namespace OrderAnalytics.Predictions;

/// <summary>One ingredient line of a recipe: how much of it one unit of the menu item variant uses.</summary>
public sealed record RecipeLine(string MenuItem, string Variant, string Ingredient, double Quantity, string Unit);

/// <summary>
/// Recipes from CSV "menu_item,variant,ingredient,quantity,unit" ('#' lines are comments, fields may be
/// double-quoted). Variant "*" applies to every variant of the item without its own lines. Matching ignores
/// case and surrounding spaces, since menu names drift in case between the POS and the cleaned menu.
/// </summary>
public sealed class RecipeBook
{
    private readonly Dictionary<(string Item, string Variant), List<RecipeLine>> _lines;

    public RecipeBook(IEnumerable<RecipeLine> lines)
    {
        _lines = new Dictionary<(string, string), List<RecipeLine>>();
        foreach (var line in lines)
        {
            var key = Key(line.MenuItem, line.Variant);
            if (!_lines.TryGetValue(key, out var list)) _lines[key] = list = new List<RecipeLine>();
            list.Add(line);
        }
    }

    public IEnumerable<RecipeLine> Lines => _lines.Values.SelectMany(l => l);

    public int RecipeCount => _lines.Count;

    public static RecipeBook Load(string path)
    {
        using var reader = new StreamReader(path);
        return Parse(reader);
    }

    public static RecipeBook Parse(TextReader reader)
    {
        var lines = new List<RecipeLine>();
        string? raw;
        int lineNo = 0;
        bool header = true;
        while ((raw = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (raw.Trim().Length == 0 || raw.TrimStart().StartsWith('#')) continue;
            var fields = SplitCsv(raw);
            if (header)
            {
                header = false;
                if (fields[0].Trim().Equals("menu_item", StringComparison.OrdinalIgnoreCase)) continue;
            }
            if (fields.Count != 5)
                throw new FormatException($"Recipe line {lineNo}: expected 5 fields (menu_item,variant,ingredient,quantity,unit), got {fields.Count}.");
            if (!double.TryParse(fields[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var qty) || qty < 0)
                throw new FormatException($"Recipe line {lineNo}: quantity '{fields[3]}' is not a non-negative number.");
            lines.Add(new RecipeLine(fields[0].Trim(), fields[1].Trim(), fields[2].Trim(), qty, fields[4].Trim()));
        }
        return new RecipeBook(lines);
    }

    /// <summary>Ingredient lines for one unit of the item variant: its own lines, else the item's "*" lines, else none.</summary>
    public IReadOnlyList<RecipeLine> For(string item, string variant) =>
        _lines.TryGetValue(Key(item, variant), out var own) ? own
        : _lines.TryGetValue(Key(item, "*"), out var any) ? any
        : Array.Empty<RecipeLine>();

    public bool Has(string item, string variant) => For(item, variant).Count > 0;

    private static (string, string) Key(string item, string variant) =>
        (item.Trim().ToUpperInvariant(), variant.Trim().ToUpperInvariant());

    internal static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else current.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(current.ToString()); current.Clear(); }
            else current.Append(c);
        }
        fields.Add(current.ToString());
        return fields;
    }
}
