namespace OrderAnalytics.Matching;

/// <summary>The cleaned menu: entries as given plus the distinct items with their variants.</summary>
public sealed class MenuCatalog
{
    private readonly Dictionary<string, MenuItem> _byName;

    public MenuCatalog(IEnumerable<MenuEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Entries = entries
            .Where(e => !string.IsNullOrWhiteSpace(e.Name) && !string.IsNullOrWhiteSpace(e.Variant))
            .Select(e => e with { Name = e.Name.Trim(), Type = e.Type.Trim(), Variant = e.Variant.Trim() })
            .Distinct()
            .ToList();
        Items = Entries
            .GroupBy(e => e.Name, StringComparer.Ordinal)
            .Select(g => new MenuItem(g.Key, g.First().Type, g.Select(e => e.Variant).Distinct().ToList()))
            .ToList();
        _byName = Items.ToDictionary(i => i.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<MenuEntry> Entries { get; }
    public IReadOnlyList<MenuItem> Items { get; }

    public MenuItem? Find(string name) => _byName.GetValueOrDefault(name);

    public bool Contains(string name, string variant) => Find(name)?.Variants.Contains(variant) == true;

    public static MenuCatalog Load(string path)
    {
        using var reader = new StreamReader(path);
        return Parse(reader);
    }

    /// <summary>Reads CSV with a header holding at least name, type, variant (any order, extra columns ignored).</summary>
    public static MenuCatalog Parse(TextReader reader)
    {
        using var rows = Csv.Read(reader).GetEnumerator();
        if (!rows.MoveNext()) throw new FormatException("Menu CSV is empty.");
        var header = rows.Current.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList();
        int name = header.IndexOf("name"), type = header.IndexOf("type"), variant = header.IndexOf("variant");
        if (name < 0 || type < 0 || variant < 0)
            throw new FormatException("Menu CSV header must contain name, type and variant columns.");

        var entries = new List<MenuEntry>();
        while (rows.MoveNext())
        {
            var r = rows.Current;
            if (r.Length == 1 && string.IsNullOrWhiteSpace(r[0])) continue;   // blank line
            string At(int i) => i < r.Length ? r[i] : "";
            entries.Add(new MenuEntry(At(name), At(type), At(variant)));
        }
        return new MenuCatalog(entries);
    }
}
