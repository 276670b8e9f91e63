using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OrderAnalytics.Ingestion.Tests.Infrastructure;

/// <summary>
/// A service host started the way its Program.cs does (AddServiceDefaults, Add…(), MapDefaultEndpoints, Map…()),
/// on 127.0.0.1 with a free port, with test configuration on top, its logs going to the test's output.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    private readonly string[] _folders;

    private TestApp(WebApplication app, string[] folders)
    {
        App = app;
        _folders = folders;
        Client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
    }

    public WebApplication App { get; }

    /// <summary>Where the started app listens (the port Kestrel picked).</summary>
    public Uri BaseAddress => Client.BaseAddress!;
    public HttpClient Client { get; }
    public IServiceProvider Services => App.Services;

    public static async Task<TestApp> StartAsync(IDictionary<string, string?> settings, Action<WebApplicationBuilder> add,
        Action<WebApplication> map, ITestOutputHelper? output = null, LogLevel level = LogLevel.Warning, string? ownedFolder = null)
    {
        // An empty content root: no appsettings.json of whichever project happened to be copied next to the tests.
        var contentRoot = Directory.CreateTempSubdirectory("oa-test-app-").FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing",
            ContentRootPath = contentRoot,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(level);
        if (output is not null) builder.Logging.AddProvider(new TestOutputLoggerProvider(output));
        builder.AddServiceDefaults();
        add(builder);
        var app = builder.Build();
        app.MapDefaultEndpoints();
        map(app);
        var started = new TestApp(app, ownedFolder is null ? [contentRoot] : [contentRoot, ownedFolder]);
        try
        {
            await app.StartAsync();
            started.Client.BaseAddress = new Uri(app.Urls.First());
        }
        catch
        {
            // A host that failed to start cannot be stopped, only disposed.
            started.Client.Dispose();
            await app.DisposeAsync();
            started.DeleteFolders();
            throw;
        }
        return started;
    }

    public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try { await App.StopAsync(stop.Token); } catch (OperationCanceledException) { }
        await App.DisposeAsync();
        DeleteFolders();
    }

    private void DeleteFolders()
    {
        foreach (var folder in _folders)
        {
            try { if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }
}

/// <summary>Service logs in the test's output, so a failure shows what the service said.</summary>
public sealed class TestOutputLoggerProvider(ITestOutputHelper output) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(output, categoryName);

    public void Dispose() { }

    private sealed class Logger(ITestOutputHelper output, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            try
            {
                output.WriteLine($"[{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}] {formatter(state, exception)}"
                                 + (exception is null ? "" : $" | {exception.GetType().Name}: {exception.Message}"));
            }
            catch (InvalidOperationException) { }   // the test has finished; its output is closed
        }
    }
}
