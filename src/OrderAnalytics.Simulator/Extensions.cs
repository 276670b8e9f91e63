namespace OrderAnalytics.Simulator;

public static class Extensions
{
    public static IHostApplicationBuilder AddSimulator(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<SimulatorOptions>(builder.Configuration.GetSection("Simulator"));
        builder.Services.AddSingleton<OrderSource>();
        // The live feed retries by itself, with its own pacing.
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental; it is the documented way to opt out.
        builder.Services.AddHttpClient("webhook").RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        builder.Services.AddHostedService<LiveFeed>();
        return builder;
    }
}
