using System.Diagnostics;
using System.Globalization;
using OrderAnalytics.Matching;

namespace OrderAnalytics.Cli.Commands;

/// <summary>Matches a list of raw names (one per line, or a count/name TSV) against the menu and writes a CSV.</summary>
public sealed class MatchCommand : ICliCommand
{
    public const string Header = "raw_name,decision,menu_item,variant,score";

    public string Name => "match";
    public string Usage => "match --menu <menu.csv> --input <names.txt|names.tsv> --output <result.csv>";

    public int Run(CliArgs args, TextWriter stdout, TextWriter stderr)
    {
        var menuPath = CliArgs.ExistingFile(args.Required("menu"), "menu");
        var inputPath = CliArgs.ExistingFile(args.Required("input"), "input");
        var outputPath = args.Required("output");
        args.RejectUnknown();

        MenuCatalog menu;
        try { menu = MenuCatalog.Load(menuPath); }
        catch (FormatException e) { throw new UsageException($"menu {menuPath}: {e.Message}"); }
        if (menu.Entries.Count == 0) throw new UsageException($"menu {menuPath} has no rows");

        var sw = Stopwatch.StartNew();
        var matcher = new MenuMatcher(menu);
        var counts = new Dictionary<string, int> { ["matched"] = 0, ["review"] = 0, ["unmatched"] = 0 };
        var nonProduct = 0;

        if (Path.GetDirectoryName(Path.GetFullPath(outputPath)) is { } dir) Directory.CreateDirectory(dir);
        using (var writer = new StreamWriter(outputPath))
        {
            writer.WriteLine(Header);
            foreach (var raw in ReadNames(inputPath))
            {
                var r = matcher.Match(raw);
                if (r.Decision == MatchDecision.NonProduct) nonProduct++;
                var (decision, item, variant) = ForCsv(r);
                counts[decision]++;
                writer.WriteLine(Csv.Line(raw, decision, item, variant, r.Score.ToString("0.##", CultureInfo.InvariantCulture)));
            }
        }
        stderr.WriteLine($"match: {counts.Values.Sum()} names: matched={counts["matched"]} review={counts["review"]} " +
                         $"unmatched={counts["unmatched"]} (non_product lines={nonProduct}) in {sw.ElapsedMilliseconds} ms -> {outputPath}");
        return CliApp.Ok;
    }

    /// <summary>
    /// The CSV has three decisions. A non-product line counts as matched only when it found its Extra/Service row
    /// on the menu; otherwise there is nothing to point at and it is unmatched.
    /// </summary>
    internal static (string Decision, string? Item, string? Variant) ForCsv(MatchResult r) => r.Decision switch
    {
        MatchDecision.NonProduct when r.MenuItemName is not null => (MatchDecision.Matched, r.MenuItemName, r.Variant),
        MatchDecision.NonProduct or MatchDecision.Unmatched => (MatchDecision.Unmatched, null, null),
        _ => (r.Decision, r.MenuItemName, r.Variant),   // review: best suggestion
    };

    /// <summary>One raw name per line, or a TSV whose header is count&lt;TAB&gt;name (the name column is used).</summary>
    internal static IEnumerable<string> ReadNames(string path)
    {
        using var reader = new StreamReader(path);
        var first = reader.ReadLine();
        if (first is null) yield break;
        var header = first.TrimStart('\uFEFF').Split('\t');
        var nameColumn = Array.FindIndex(header, h => h.Trim().Equals("name", StringComparison.OrdinalIgnoreCase));
        var isTsv = header.Length > 1 && nameColumn >= 0;
        if (!isTsv && !string.IsNullOrWhiteSpace(first)) yield return first.TrimStart('\uFEFF');

        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            if (!isTsv) { yield return line; continue; }
            // The name is the last column in practice; split no further so a stray tab stays in the name.
            var cells = line.Split('\t', header.Length);
            if (nameColumn < cells.Length && cells[nameColumn].Length > 0) yield return cells[nameColumn];
        }
    }
}
