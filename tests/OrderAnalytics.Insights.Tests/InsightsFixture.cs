using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Npgsql;
using OrderAnalytics.Analytics.Tests;
using OrderAnalytics.Simulation;
using OrderAnalytics.Testing;

namespace OrderAnalytics.Insights.Tests;

/// <summary>
/// 60 simulated days of two outlets served by the analytics service with the committed wwwroot (<see cref="AnalyticsHost"/>,
/// as the analytics tests have it), and one headless Chromium.
/// </summary>
public sealed class InsightsFixture : IAsyncLifetime
{
    public const string AnalystKey = "insights-tests-analyst-key-0123456789";
    public const string AdminKey = "insights-tests-admin-key-01234567890";

    public static readonly SimulationOptions Simulation = new() { Days = 60, Restaurants = 2, Seed = 7 };

    public static string WebRoot { get; } = Path.Combine(Repository.Root, "src", "OrderAnalytics.Analytics", "wwwroot");

    private AnalyticsHost? _host;
    private IPlaywright? _playwright;
    private Task<IBrowser>? _launch;
    private bool _disposed;

    public OrderStream Stream { get; } = new(Simulation);
    public NpgsqlDataSource DataSource => _host!.DataSource;
    public Uri BaseAddress => _host!.BaseAddress;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (ChromiumBrowser.SkipReason is not null) return;   // the tests skip; start nothing
        if (!File.Exists(Path.Combine(WebRoot, "index.html")) || !File.Exists(Path.Combine(WebRoot, "graphiql", "index.html")))
            throw new InvalidOperationException($"The built pages are missing from {WebRoot}: run `npm ci && npm run build` in web/.");

        try
        {
            await StartAsync();
        }
        catch
        {
            await DisposeAsync();   // no browser or server left behind when the setup fails
            throw;
        }
    }

    private async Task StartAsync()
    {
        // The browser starts while the store fills.
        _launch = LaunchBrowserAsync();
        _host = await AnalyticsHost.StartAsync(Stream, AdminKey, AnalystKey, WebRoot);
        Browser = await _launch;
    }

    private async Task<IBrowser> LaunchBrowserAsync()
    {
        if (!File.Exists(ChromiumBrowser.Path))
            throw new InvalidOperationException($"Chromium is missing at {ChromiumBrowser.Path}; CI installs it with OA_NEED_BROWSER=1 eng/prereqs.sh.");
        _playwright = await Playwright.CreateAsync();
        return await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumBrowser.Path,
            Headless = true,
            Args = ChromiumBrowser.Args,
            Timeout = 60_000,
        });
    }

    /// <summary>A fresh browser context (empty localStorage and sessionStorage) with one page.</summary>
    public async Task<(IBrowserContext Context, IPage Page)> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 1000 },
            Locale = "en-IN",
            TimezoneId = "Asia/Kolkata",
        });
        context.SetDefaultTimeout(30_000);
        return (context, await context.NewPageAsync());
    }

    /// <summary>Runs a query straight against the service (the reference the pages are checked against).</summary>
    public async Task<JsonElement> DataAsync(string query, object? variables = null)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-API-Key", AnalystKey);
        using var response = await client.PostAsJsonAsync("graphql", new { query, variables });
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        Assert.True(response.IsSuccessStatusCode && !body.TryGetProperty("errors", out _), body.ToString());
        return body.GetProperty("data");
    }

    public async Task DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        if (_launch is not null)
        {
            try { await (await _launch).DisposeAsync(); }
            catch (Exception) { }   // it did not start; the setup's own error is the one reported
        }
        _playwright?.Dispose();
        if (_host is not null) await _host.DisposeAsync();
    }
}

/// <summary>Debian's Chromium (eng/prereqs.sh installs it when OA_NEED_BROWSER=1); Playwright downloads no browser.</summary>
public static class ChromiumBrowser
{
    /// <summary>/usr/bin/chromium, or OA_CHROMIUM_PATH for a developer whose Chromium is elsewhere.</summary>
    public static string Path { get; } = Environment.GetEnvironmentVariable("OA_CHROMIUM_PATH") is { Length: > 0 } p ? p : "/usr/bin/chromium";

    public static readonly string[] Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    /// <summary>
    /// Why the browser tests cannot run here, or null. Only a developer's machine may lack Chromium: under CI
    /// (CI=true) a missing browser is a failure, not a skip.
    /// </summary>
    public static string? SkipReason { get; } =
        File.Exists(Path) || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            ? null
            : $"Chromium is not installed at {Path}: run `OA_NEED_BROWSER=1 eng/prereqs.sh` (or `apt-get install chromium`). CI installs it.";
}

/// <summary>A fact that needs Chromium: skipped with the reason when a developer's machine has none.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (ChromiumBrowser.SkipReason is { } reason) Skip = reason;
    }
}
