using System.Diagnostics;
using System.Globalization;
using OrderAnalytics.Matching;
using OrderAnalytics.Matching.Evaluation;

// Accuracy of the matcher on the hand-labelled set and the real name lists, then cold and cached throughput.
// Usage: dotnet run -c Release --project benchmarks/OrderAnalytics.Matching.Benchmarks [-- [<data dir>] [-v]]  (-v lists every typo miss)
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var data = args.FirstOrDefault(a => !a.StartsWith('-')) ?? DataDir.Find();
var menu = MenuCatalog.Load(Path.Combine(data, "cleaned_menu.csv"));
var labels = LabelledName.Load(Path.Combine(data, "eval", "item_names_labelled.csv"));
var items = RealNames.Load(Path.Combine(data, "order_item_names.tsv"));
var addons = RealNames.Load(Path.Combine(data, "addon_names.tsv"));
Console.WriteLine($"menu: {menu.Entries.Count} rows, {menu.Items.Count} names; labelled: {labels.Count}; real names: {items.Count} items + {addons.Count} addons");

Console.WriteLine();
Console.WriteLine("== Labelled set per fuzzy scorer: real names; the same with one synthetic typo; made-up new products ==");
var typoed = Synthetic.Typos(labels, seed: 42);
var novel = Synthetic.NovelProducts(labels);
Console.WriteLine($"(novel: {novel.Count} made-up products = a real product name plus a word like Shake or Sundae; none may be matched)");
foreach (var scorer in Enum.GetValues<FuzzyScorer>())
{
    var options = new MenuMatcherOptions { Scorer = scorer };
    Report.Eval($"{scorer,-9} real ", MatchEvaluation.Run(new MenuMatcher(menu, options: options), labels));
    Report.Eval($"{scorer,-9} typo ", MatchEvaluation.Run(new MenuMatcher(menu, options: options), typoed));
    Report.Eval($"{scorer,-9} novel", MatchEvaluation.Run(new MenuMatcher(menu, options: options), novel));
}

var matcher = new MenuMatcher(menu);
var eval = MatchEvaluation.Run(matcher, labels);
Console.WriteLine();
Console.WriteLine($"== Default options ({matcher.Options.Scorer}, match >= {matcher.Options.MatchThreshold}, review >= {matcher.Options.ReviewThreshold}) ==");
Report.Eval("labelled     ", eval);
foreach (var (label, r) in eval.WrongMatches)
    Console.WriteLine($"  WRONG  {label.RawName} -> {r.MenuItemName} / {r.Variant} (label {label.MenuItem} / {label.Variant})");
foreach (var (label, r) in eval.MissedMatches)
    Console.WriteLine($"  missed {label.RawName} -> {r.Decision} [{r.Reason}] {r.MenuItemName} / {r.Variant} {r.Score:0}");

var typoEval = MatchEvaluation.Run(new MenuMatcher(menu), typoed);
Console.WriteLine("  typo misses by reason: " + string.Join(", ", typoEval.MissedMatches
    .GroupBy(m => m.Result.Reason).OrderByDescending(g => g.Count()).Select(g => $"{g.Key}={g.Count()}")));
if (args.Contains("-v"))
    foreach (var (label, r) in typoEval.MissedMatches.Take(40))
        Console.WriteLine($"  miss (typo) {label.RawName} -> {r.Decision} [{r.Reason} {r.Score:0}] {string.Join(" | ", r.Suggestions.Select(s => $"{s.MenuItemName}/{s.Variant} {s.Score:0}"))}");
foreach (var (label, r) in typoEval.WrongMatches.Take(args.Contains("-v") ? int.MaxValue : 8))
    Console.WriteLine($"  WRONG (typo) {label.RawName} -> {r.MenuItemName} / {r.Variant} [{r.Reason} {r.Score:0}] (label {label.MenuItem} / {label.Variant})");

Console.WriteLine();
Console.WriteLine("== Real name lists (share of distinct names | share weighted by order count) ==");
Report.Shares("order items", matcher, items);
Report.Shares("addons     ", matcher, addons);

Console.WriteLine();
Console.WriteLine("== Throughput ==");
var names = items.Concat(addons).Select(n => n.Name).ToArray();
Throughput.Cold(menu, names);
Throughput.Cached(matcher, names, lookups: 5_000_000);

static class DataDir
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "data", "cleaned_menu.csv"))) return Path.Combine(dir.FullName, "data");
        throw new DirectoryNotFoundException("data/cleaned_menu.csv not found above " + AppContext.BaseDirectory);
    }
}

record RealName(int Count, string Name);

static class RealNames
{
    public static List<RealName> Load(string path) =>
        File.ReadLines(path).Skip(1).Where(l => l.Contains('\t'))
            .Select(l => l.Split('\t', 2)).Select(p => new RealName(int.Parse(p[0]), p[1])).ToList();
}

static class Synthetic
{
    /// <summary>One deleted, doubled or swapped letter in the product part of each matchable name.</summary>
    public static List<LabelledName> Typos(IEnumerable<LabelledName> labels, int seed)
    {
        var rng = new Random(seed);
        var result = new List<LabelledName>();
        foreach (var l in labels.Where(l => l.ExpectsMatch))
        {
            var s = l.RawName;
            var end = s.IndexOfAny(['(', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
            var letters = Enumerable.Range(0, end < 0 ? s.Length : end).Where(i => char.IsLetter(s[i])).ToList();
            if (letters.Count < 6) continue;   // too short to survive a typo honestly
            var i = letters[rng.Next(1, letters.Count - 1)];
            s = rng.Next(3) switch
            {
                0 => s.Remove(i, 1),
                1 => s.Insert(i, s[i].ToString()),
                _ => i + 1 < s.Length ? string.Concat(s.AsSpan(0, i), s[i + 1].ToString(), s[i].ToString(), s.AsSpan(i + 2)) : s,
            };
            result.Add(l with { RawName = s });
        }
        return result;
    }

    /// <summary>
    /// Products the menu does not have yet: a real name with a word added before its size notation
    /// ("Pistachio Ice Cream Sundae (Regular Scoop)"). A matcher that "matches" these would mislabel new launches.
    /// </summary>
    public static List<LabelledName> NovelProducts(IEnumerable<LabelledName> labels)
    {
        string[] words = ["Shake", "Sundae", "Sorbet", "Smoothie", "Frappe", "Popsicle", "Mousse", "Parfait"];
        return labels.Where(l => l.ExpectsMatch)
            .DistinctBy(l => l.MenuItem)
            .Select((l, i) =>
            {
                var cut = l.RawName.IndexOf('(');
                var name = cut < 0 ? l.RawName + " " + words[i % words.Length]
                    : l.RawName[..cut].TrimEnd() + " " + words[i % words.Length] + " " + l.RawName[cut..];
                return new LabelledName(name, null, null);
            })
            .ToList();
    }
}

static class Report
{
    public static void Eval(string title, MatchEvaluation e) => Console.WriteLine(
        $"{title} n={e.Total,3}  matched={e.Matched,3} wrong={e.WrongMatched,2} precision={e.Precision:P2}  " +
        $"coverage={e.Coverage:P1} ({e.MatchedCorrect}/{e.ExpectingMatch})  review={e.Review} " +
        $"(right one suggested {e.ReviewWithCorrectSuggestion})  unmatched={e.Unmatched}  non_product={e.NonProduct}");

    public static void Shares(string title, MenuMatcher m, List<RealName> names)
    {
        var results = names.Select(n => (n.Count, m.Match(n.Name).Decision)).ToList();
        double total = results.Count, weight = results.Sum(r => r.Count);
        string Share(string d) =>
            $"{d}={results.Count(r => r.Decision == d) / total:P1}|{results.Where(r => r.Decision == d).Sum(r => r.Count) / weight:P1}";
        Console.WriteLine($"{title}  {Share(MatchDecision.Matched)}  {Share(MatchDecision.Review)}  " +
                          $"{Share(MatchDecision.Unmatched)}  {Share(MatchDecision.NonProduct)}");
    }
}

static class Throughput
{
    public static void Cold(MenuCatalog menu, string[] names)
    {
        // Every round gets a fresh matcher, so each name is normalised, parsed and scored once.
        const int rounds = 20;
        var warm = new MenuMatcher(menu);
        foreach (var n in names) { warm.Match(n); warm.Match(n + " zq"); }   // warm-up (JIT, every tier), untimed
        var sw = new Stopwatch();
        for (var r = 0; r < rounds; r++)
        {
            var m = new MenuMatcher(menu);
            sw.Start();
            foreach (var n in names) m.Match(n);
            sw.Stop();
        }
        var perSec = rounds * names.Length / sw.Elapsed.TotalSeconds;
        Console.WriteLine($"cold   {perSec,12:N0} names/s  ({rounds} x {names.Length} distinct names, {sw.Elapsed.TotalMilliseconds / rounds:N1} ms per pass)");

        var fuzzyOnly = names.Select(n => n + " zq").ToArray();   // defeats every exact tier: worst case
        sw.Reset();
        for (var r = 0; r < 3; r++)
        {
            var m = new MenuMatcher(menu);
            sw.Start();
            foreach (var n in fuzzyOnly) m.Match(n);
            sw.Stop();
        }
        Console.WriteLine($"cold*  {3 * fuzzyOnly.Length / sw.Elapsed.TotalSeconds,12:N0} names/s  (all names forced through fuzzy scoring)");
    }

    public static void Cached(MenuMatcher m, string[] names, int lookups)
    {
        foreach (var n in names) m.Match(n);
        var sw = Stopwatch.StartNew();
        var sink = 0;
        for (var i = 0; i < lookups; i++) sink += m.Match(names[i % names.Length]).Decision.Length;
        sw.Stop();
        Console.WriteLine($"cached {lookups / sw.Elapsed.TotalSeconds,12:N0} names/s  ({lookups:N0} lookups, {sw.Elapsed.TotalMilliseconds:N0} ms, sink {sink})");
    }
}
