using System.Globalization;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace OrderAnalytics.Insights.Tests;

[Collection(InsightsCollection.Name)]
public sealed class InsightsPageTests(InsightsFixture fx, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task Load_WithAnalystKey_RendersAllEightViewsWithData()
    {
        var (context, page) = await fx.NewPageAsync();
        await using var _ = context;
        var errors = Pages.CollectErrors(page, output);

        await page.GotoAsync("/");
        Assert.Equal("needs-key", await Pages.BodyStateAsync(page));
        await Pages.EnterKeyAsync(page, InsightsFixture.AnalystKey);
        await Pages.WaitForLoadAsync(page, 0);

        Assert.Equal("ready", await Pages.BodyStateAsync(page));
        var charts = await Pages.ChartsAsync(page);
        foreach (var c in charts) output.WriteLine($"{c.View}/{c.Chart}: {c.State}, {c.Points} points, total {c.Total}");
        Assert.Equal(Pages.Views.Order(), charts.Select(c => c.View).Distinct().Order());
        Assert.All(charts, c =>
        {
            Assert.True(c.State == "ready" && c.Points > 0 && c.SeriesPoints > 0 && c.HasCanvas,
                $"{c.Chart} of view {c.View} shows no data: {c}");
        });

        // The totals match the service: revenue over all dates, and the repeat rate.
        var daily = await fx.DataAsync("{ dailyRevenue { revenue } }");
        var revenue = daily.GetProperty("dailyRevenue").EnumerateArray().Sum(d => d.GetProperty("revenue").GetDecimal());
        Assert.Equal(Math.Round(revenue, 2), await KpiRevenueAsync(page));
        Assert.Equal(Math.Round(revenue, 2), charts.Single(c => c.Chart == "chart-revenue").Total);
        Assert.Equal(Math.Round(revenue, 2), charts.Single(c => c.Chart == "chart-payment-mix").Total);
        Assert.Empty(errors);

        await Pages.ScreenshotAsync(page, "insights", output);
    }

    [BrowserFact]
    public async Task ChannelFilter_PosOnly_ReloadsEveryViewWithPosFigures()
    {
        var (context, page) = await fx.NewPageAsync();
        await using var _ = context;
        var errors = Pages.CollectErrors(page, output);
        await page.GotoAsync("/");
        await Pages.EnterKeyAsync(page, InsightsFixture.AnalystKey);
        var generation = await Pages.WaitForLoadAsync(page, 0);
        var before = (await Pages.ChartsAsync(page)).ToDictionary(c => c.Chart);

        await page.SelectOptionAsync("#filter-channel", "POS");
        await Pages.WaitForLoadAsync(page, generation);

        Assert.Equal("ready", await Pages.BodyStateAsync(page));
        var after = await Pages.ChartsAsync(page);
        foreach (var c in after) output.WriteLine($"{c.View}/{c.Chart}: {c.State}, {c.Points} points, total {before[c.Chart].Total} → {c.Total}");
        // Every view was loaded with the filter, and what it shows changed (or it has nothing for POS).
        Assert.All(after, c => Assert.Contains("\"channel\":\"POS\"", c.Filters));
        Assert.All(after, c => Assert.True(c.State == "empty" || c.Total != before[c.Chart].Total,
            $"{c.Chart} did not change with the channel filter: {before[c.Chart].Total}"));
        Assert.Equal(1, after.Single(c => c.Chart == "chart-channel-mix").Points);
        foreach (var view in new[] { "revenue", "items", "aov", "peak", "payment", "retention" })
            Assert.All(after.Where(c => c.View == view), c => Assert.True(c.Points > 0, $"{c.Chart} is empty for POS"));

        var pos = await fx.DataAsync("""{ dailyRevenue(channel: "POS") { revenue } }""");
        var posRevenue = pos.GetProperty("dailyRevenue").EnumerateArray().Sum(d => d.GetProperty("revenue").GetDecimal());
        Assert.True(posRevenue > 0);
        Assert.Equal(Math.Round(posRevenue, 2), await KpiRevenueAsync(page));
        Assert.Contains("channel=POS", page.Url);
        Assert.Empty(errors);

        await Pages.ScreenshotAsync(page, "insights-pos", output);
    }

    [BrowserFact]
    public async Task KeyPrompt_KeyEntered_IsKeptInSessionStorageOnly()
    {
        var (context, page) = await fx.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync("/");
        await Pages.EnterKeyAsync(page, InsightsFixture.AnalystKey);
        await Pages.WaitForLoadAsync(page, 0);

        Assert.Equal(InsightsFixture.AnalystKey, await page.EvaluateAsync<string>("() => sessionStorage.getItem('orderAnalytics.apiKey')"));
        var local = await page.EvaluateAsync<string>("() => JSON.stringify(Object.entries(localStorage))");
        Assert.DoesNotContain(InsightsFixture.AnalystKey, local);
        Assert.DoesNotContain(InsightsFixture.AnalystKey, page.Url);
        Assert.DoesNotContain(InsightsFixture.AnalystKey, await page.EvaluateAsync<string>("() => document.cookie"));
        Assert.Equal("", await page.InputValueAsync("#api-key"));

        // "Forget" drops it, and the page asks again.
        await page.ClickAsync("#api-key-clear");
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('orderAnalytics.apiKey')"));
        Assert.Equal("needs-key", await Pages.BodyStateAsync(page));
    }

    [BrowserFact]
    public async Task Load_WithUnknownKey_SaysTheKeyWasRejected()
    {
        var (context, page) = await fx.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync("/");
        await Pages.EnterKeyAsync(page, "not-a-key-of-this-service-0000000");
        await Pages.WaitForLoadAsync(page, 0);

        Assert.Equal("unauthorized", await Pages.BodyStateAsync(page));
        Assert.Contains("rejected", await page.TextContentAsync("#api-key-status"));
        Assert.All(await Pages.ChartsAsync(page), c => Assert.Equal("error", c.State));
    }

    private static async Task<decimal> KpiRevenueAsync(IPage page) =>
        decimal.Parse(await page.EvaluateAsync<string>("() => document.getElementById('kpis').dataset.revenue"), CultureInfo.InvariantCulture);
}
