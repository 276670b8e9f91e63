using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace OrderAnalytics.Data.Predictions;

/// <summary>
/// The predictor's own tables (model_runs), in the order store's database but with their own migrations
/// (Predictions/Migrations) and their own history table, so they evolve apart from <see cref="OrderAnalyticsDbContext"/>.
/// The order store's tables are only read, with SQL, never through this context.
/// </summary>
public sealed class PredictionsDbContext(DbContextOptions<PredictionsDbContext> options) : DbContext(options)
{
    /// <summary>EF's migrations history for this context (the main schema keeps __EFMigrationsHistory).</summary>
    public const string MigrationsHistoryTable = "__predictions_migrations_history";

    public DbSet<ModelRun> ModelRuns => Set<ModelRun>();

    // Configured here, not by an IEntityTypeConfiguration: OrderAnalyticsDbContext applies every configuration of this
    // assembly, and model_runs must stay out of the main schema.
    protected override void OnModelCreating(ModelBuilder modelBuilder) => ModelRunConfiguration.Configure(modelBuilder.Entity<ModelRun>());

    /// <summary>Npgsql over the shared data source, this context's history table, snake_case names.</summary>
    public static void Configure(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options.UseNpgsql(dataSource, ConfigureNpgsql).UseSnakeCaseNamingConvention();

    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, ConfigureNpgsql).UseSnakeCaseNamingConvention();

    public static void ConfigureNpgsql(NpgsqlDbContextOptionsBuilder npgsql) => npgsql.MigrationsHistoryTable(MigrationsHistoryTable);

    /// <summary>Applies this context's migrations to the database (what the migrator calls after the main schema).</summary>
    public static async Task MigrateAsync(string connectionString, CancellationToken ct = default)
    {
        var options = new DbContextOptionsBuilder<PredictionsDbContext>();
        Configure(options, connectionString);
        await using var db = new PredictionsDbContext(options.Options);
        await db.Database.MigrateAsync(ct);
    }
}

internal static class ModelRunConfiguration
{
    public static void Configure(EntityTypeBuilder<ModelRun> b)
    {
        b.ToTable("model_runs", t => t.HasCheckConstraint("ck_model_runs_status",
            $"status IN ('{ModelRunStatus.Ok}', '{ModelRunStatus.InsufficientData}', '{ModelRunStatus.Failed}')"));
        b.HasKey(x => x.Id);
        b.Property(x => x.Model).HasMaxLength(64);
        b.Property(x => x.ModelVersion).HasMaxLength(64);
        b.Property(x => x.Status).HasMaxLength(32);
        b.Property(x => x.Metrics).HasColumnType("jsonb");
        b.Property(x => x.Results).HasColumnType("jsonb");
        // "the latest run of model M for restaurant R": an index-only walk from the newest entry
        b.HasIndex(x => new { x.Model, x.RestaurantId, x.TrainedAt }).IsDescending(false, false, true);
        b.HasIndex(x => x.CycleId);
    }
}

/// <summary>Lets `dotnet ef migrations add … --context PredictionsDbContext` build the model without a running database.</summary>
public sealed class PredictionsDesignTimeFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<PredictionsDbContext>
{
    public PredictionsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PredictionsDbContext>();
        PredictionsDbContext.Configure(options, "Host=localhost;Database=design_time_only");
        return new PredictionsDbContext(options.Options);
    }
}
