using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace OrderAnalytics.Insights.Tests;

[CollectionDefinition(Name)]
public sealed class InsightsCollection : ICollectionFixture<InsightsFixture>
{
    public const string Name = "insights";
}

/// <summary>What one chart element says about itself after a load (data-* attributes and its ECharts option).</summary>
public sealed record ChartState(string View, string Chart, string State, int Points, decimal Total, string Filters, int SeriesPoints, bool HasCanvas);

/// <summary>Steps shared by the page tests.</summary>
public static class Pages
{
    public static readonly string[] Views = ["revenue", "items", "aov", "mix", "peak", "payment", "retention", "areas"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Types the key into the key bar and presses "Use key".</summary>
    public static async Task EnterKeyAsync(IPage page, string key)
    {
        await page.FillAsync("#api-key", key);
        await page.ClickAsync("#api-key-save");
    }

    /// <summary>Waits until the insights page has finished a load after <paramref name="generation"/>; returns the new generation.</summary>
    public static async Task<int> WaitForLoadAsync(IPage page, int generation)
    {
        await page.WaitForFunctionAsync(
            "g => document.body.dataset.state !== 'loading' && Number(document.body.dataset.generation) > g",
            generation, new PageWaitForFunctionOptions { Timeout = 60_000 });
        return int.Parse(await page.EvaluateAsync<string>("() => document.body.dataset.generation"));
    }

    public static Task<string> BodyStateAsync(IPage page) => page.EvaluateAsync<string>("() => document.body.dataset.state");

    public static async Task<IReadOnlyList<ChartState>> ChartsAsync(IPage page)
    {
        var json = await page.EvaluateAsync<string>("""
            () => JSON.stringify(Array.from(document.querySelectorAll('[data-view]')).flatMap(section =>
              Array.from(section.querySelectorAll('[data-chart]')).map(el => {
                const option = window.oaInsights?.chart(el.id)?.getOption();
                const seriesPoints = option ? (option.series ?? []).reduce((n, s) => n + (s.data?.length ?? 0), 0) : 0;
                return {
                  view: section.dataset.view, chart: el.id, state: el.dataset.state ?? '', points: Number(el.dataset.points ?? 0),
                  total: Number(el.dataset.total ?? 0), filters: section.dataset.filters ?? '', seriesPoints,
                  hasCanvas: el.querySelector('canvas') !== null,
                };
              })))
            """);
        return JsonSerializer.Deserialize<List<ChartState>>(json, Json)!;
    }

    /// <summary>Saves a full-page PNG under the test's output folder and writes its path to the test output.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name, ITestOutputHelper output)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", name + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.WaitForTimeoutAsync(400);   // let the last chart animation settle
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"Screenshot: {path}");
        return path;
    }

    /// <summary>Collects uncaught page errors (a broken bundle shows up here).</summary>
    public static List<string> CollectErrors(IPage page, ITestOutputHelper output)
    {
        var errors = new List<string>();
        page.PageError += (_, error) => { lock (errors) errors.Add(error); };
        page.Console += (_, message) =>
        {
            if (message.Type == "error") output.WriteLine($"console error: {message.Text}");
        };
        return errors;
    }
}
