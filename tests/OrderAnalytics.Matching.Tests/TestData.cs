using OrderAnalytics.Matching;

namespace OrderAnalytics.Matching.Tests;

/// <summary>The repository's data folder (real menu, real name lists, labelled set), found by walking up.</summary>
internal static class TestData
{
    public static readonly string Dir = Find();

    private static readonly Lazy<MenuCatalog> LazyMenu = new(() => MenuCatalog.Load(Path("cleaned_menu.csv")));
    private static readonly Lazy<MenuMatcher> LazyMatcher = new(() => new MenuMatcher(Menu));

    public static MenuCatalog Menu => LazyMenu.Value;

    /// <summary>Shared matcher over the real menu (thread-safe, so tests may share it).</summary>
    public static MenuMatcher Matcher => LazyMatcher.Value;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Dir, .. parts]);

    public static MenuCatalog SmallMenu(params (string Name, string Type, string Variant)[] rows) =>
        new(rows.Select(r => new MenuEntry(r.Name, r.Type, r.Variant)));

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var data = System.IO.Path.Combine(dir.FullName, "data");
            if (File.Exists(System.IO.Path.Combine(data, "cleaned_menu.csv"))) return data;
        }
        throw new DirectoryNotFoundException("data/cleaned_menu.csv not found above " + AppContext.BaseDirectory);
    }
}
