using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using OrderAnalytics.Data;
using OrderAnalytics.Data.Predictions;

namespace OrderAnalytics.Predictor;

public static class Extensions
{
    /// <summary>The service as the AppHost runs it: the order store (read) and model_runs (write), the scheduled worker, its health.</summary>
    public static IHostApplicationBuilder AddPredictor(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDataSource(OrderAnalyticsDbContext.ConnectionName);
        // one INSERT per stored run is not worth a log line
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);
        builder.Services.AddPredictorServices(builder.Configuration);
        builder.Services.AddHostedService<PredictionWorker>();
        builder.Services.AddHealthChecks().AddCheck<PredictorHealthCheck>("predictor");
        return builder;
    }

    /// <summary>
    /// Options (section Predictor, validated at start), the predictions context over the container's NpgsqlDataSource, and the
    /// trainer with its reader and store. Tests register their own data source and call <see cref="PredictionTrainer.RunCycleAsync"/>.
    /// </summary>
    public static IServiceCollection AddPredictorServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PredictorOptions>().Bind(configuration.GetSection(PredictorOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PredictorOptions>, PredictorOptionsValidation>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddDbContextFactory<PredictionsDbContext>((sp, o) => PredictionsDbContext.Configure(o, sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton<OrderStoreReader>();
        services.AddSingleton<PredictionStore>();
        services.AddSingleton<PredictionTrainer>();
        services.AddSingleton<PredictorStatus>();
        return services;
    }

    private sealed class PredictorOptionsValidation : IValidateOptions<PredictorOptions>
    {
        public ValidateOptionsResult Validate(string? name, PredictorOptions options)
        {
            // a missing recipe file is not checked here: it fails the inventory model alone, stored with its error
            var errors = options.Validate().ToList();
            return errors.Count > 0 ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
        }
    }
}
