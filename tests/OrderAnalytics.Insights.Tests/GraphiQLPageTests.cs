using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace OrderAnalytics.Insights.Tests;

[Collection(InsightsCollection.Name)]
public sealed partial class GraphiQLPageTests(InsightsFixture fx, ITestOutputHelper output)
{
    private const string Query = "{ ingestionStatus { orders } }";

    [BrowserFact]
    public async Task Run_IngestionStatusWithKey_ShowsTheOrderCount()
    {
        var (context, page) = await fx.NewPageAsync();
        await using var _ = context;
        var errors = Pages.CollectErrors(page, output);

        await page.GotoAsync("/graphiql");   // redirected to /graphiql/ (relative asset URLs need the slash)
        Assert.EndsWith("/graphiql/", page.Url);
        // With the key, GraphiQL fetches the schema again (Docs pane, completion).
        var introspection = await page.RunAndWaitForResponseAsync(
            () => Pages.EnterKeyAsync(page, InsightsFixture.AnalystKey),
            r => r.Url.EndsWith("/graphql", StringComparison.Ordinal) && r.Request.Headers.ContainsKey("x-api-key")
                 && (r.Request.PostData ?? "").Contains("__schema", StringComparison.Ordinal),
            new PageRunAndWaitForResponseOptions { Timeout = 60_000 });
        Assert.Equal(200, introspection.Status);
        var editor = page.Locator(".graphiql-query-editor .monaco-editor").First;
        await editor.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });

        // Replace the default query (inserted as text: Monaco would auto-close typed braces).
        await editor.ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.PressAsync("Delete");
        await page.Keyboard.InsertTextAsync(Query);
        var response = await page.RunAndWaitForResponseAsync(
            () => page.ClickAsync(".graphiql-execute-button"),
            r => r.Url.EndsWith("/graphql", StringComparison.Ordinal) && r.Request.Method == "POST"
                 && (r.Request.PostData ?? "").Contains("ingestionStatus { orders }", StringComparison.Ordinal),
            new PageRunAndWaitForResponseOptions { Timeout = 60_000 });

        Assert.Equal(200, response.Status);
        Assert.Equal(InsightsFixture.AnalystKey, await response.Request.HeaderValueAsync("x-api-key"));
        var expected = fx.Stream.Truth().DistinctOrders;
        var body = await response.JsonAsync();
        Assert.Equal(expected, body!.Value.GetProperty("data").GetProperty("ingestionStatus").GetProperty("orders").GetInt64());

        // And GraphiQL shows it.
        var shown = page.Locator(".graphiql-response .view-lines");
        await Assertions.Expect(shown).ToContainTextAsync("orders", new LocatorAssertionsToContainTextOptions { Timeout = 30_000 });
        var text = Whitespace().Replace((await shown.TextContentAsync() ?? "").Replace('\u00a0', ' '), " ");
        output.WriteLine($"GraphiQL response: {text}");
        Assert.Contains($"\"orders\": {expected}", text);

        Assert.DoesNotContain(InsightsFixture.AnalystKey, await page.EvaluateAsync<string>("() => JSON.stringify(Object.entries(localStorage))"));
        Assert.Empty(errors);
        await Pages.ScreenshotAsync(page, "graphiql", output);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
