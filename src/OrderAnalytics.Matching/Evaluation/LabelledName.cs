namespace OrderAnalytics.Matching.Evaluation;

/// <summary>
/// One hand-labelled raw name. Empty <see cref="MenuItem"/>: must not be matched (non-product line).
/// <see cref="MenuItem"/> without <see cref="Variant"/>: the name does not say which size, so only review is right.
/// </summary>
public sealed record LabelledName(string RawName, string? MenuItem, string? Variant)
{
    public bool ExpectsMatch => MenuItem is not null && Variant is not null;

    /// <summary>Reads a CSV with header raw_name,menu_item,variant.</summary>
    public static IReadOnlyList<LabelledName> Load(string path)
    {
        using var reader = new StreamReader(path);
        var rows = Csv.Read(reader).ToList();
        if (rows.Count == 0 || !rows[0].Take(3).SequenceEqual(["raw_name", "menu_item", "variant"]))
            throw new FormatException($"{path}: header must be raw_name,menu_item,variant.");
        static string? Blank(string s) => string.IsNullOrWhiteSpace(s) ? null : s;
        return rows.Skip(1)
            .Where(r => r.Length >= 3)
            .Select(r => new LabelledName(r[0], Blank(r[1]), Blank(r[2])))
            .ToList();
    }
}
