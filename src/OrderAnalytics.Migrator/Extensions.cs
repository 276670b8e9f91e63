using OrderAnalytics.Data;

namespace OrderAnalytics.Migrator;

public static class Extensions
{
    public static IHostApplicationBuilder AddMigrator(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<OrderAnalyticsDbContext>(OrderAnalyticsDbContext.ConnectionName,
            configureDbContextOptions: OrderAnalyticsDbContext.Configure);
        builder.Services.Configure<MenuSeedOptions>(builder.Configuration.GetSection("Menu"));
        builder.Services.AddHostedService<MigrationWorker>();
        return builder;
    }
}
