using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using OrderAnalytics.Data;
using OrderAnalytics.Data.Predictions;

namespace OrderAnalytics.Migrator;

/// <summary>Migrates the schema, seeds the menu, and stops the application (exit code 0 on success, 1 on failure).</summary>
internal sealed class MigrationWorker(
    IServiceProvider services,
    IHostApplicationLifetime lifetime,
    IOptions<MenuSeedOptions> menu,
    ILogger<MigrationWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Activity = new("OrderAnalytics");

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var activity = Activity.StartActivity("Migrate order store");
        try
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OrderAnalyticsDbContext>();
            await WaitForDatabaseServerAsync(db, ct);
            await db.Database.MigrateAsync(ct);
            // The predictor owns its tables through its own context (and migration history); one migrator applies both.
            await PredictionsDbContext.MigrateAsync(db.Database.GetConnectionString()!, ct);
            var seeded = await MenuSeeder.SeedAsync(db, Path.Combine(AppContext.BaseDirectory, menu.Value.CsvPath), ct);
            logger.LogInformation("Schema is current; menu has {MenuItems} items", seeded);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Migration failed");
            Environment.ExitCode = 1;
        }
        lifetime.StopApplication();
    }

    /// <summary>The server may still be starting (executables mode); EF's own retries cover only transient errors.</summary>
    private async Task WaitForDatabaseServerAsync(OrderAnalyticsDbContext db, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Database = "postgres" };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                await connection.OpenAsync(ct);
                return;
            }
            catch (NpgsqlException ex) when (attempt < 60)
            {
                logger.LogInformation("Waiting for PostgreSQL ({Attempt}): {Message}", attempt, ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
        }
    }
}

public sealed class MenuSeedOptions
{
    /// <summary>The cleaned menu CSV (header name,type,variant), relative to the application folder.</summary>
    public string CsvPath { get; set; } = Path.Combine("data", "cleaned_menu.csv");
}
