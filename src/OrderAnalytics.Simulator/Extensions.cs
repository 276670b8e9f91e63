using Microsoft.Extensions.Options;
using OrderAnalytics.Simulation;

namespace OrderAnalytics.Simulator;

public static class Extensions
{
    public static IHostApplicationBuilder AddSimulator(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SimulatorOptions>()
            .Bind(builder.Configuration.GetSection("Simulator"))
            .Validate(o => !string.IsNullOrEmpty(o.ApiKey), "Simulator:ApiKey is not set: clients must present it as X-API-Key.")
            .ValidateOnStart();
        // The backfill (generated on demand, day by day) plus the live events appended as they happen: one gap-free stream.
        builder.Services.AddSingleton(sp => new OrderStream(sp.GetRequiredService<IOptions<SimulatorOptions>>().Value.Stream));
        builder.Services.AddSingleton(sp => new UpstreamFeed(sp.GetRequiredService<OrderStream>()));
        builder.Services.AddSingleton<FaultInjector>();
        // The live feed retries by itself, with its own pacing.
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental; it is the documented way to opt out.
        builder.Services.AddHttpClient("webhook").RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        builder.Services.AddHostedService<LiveFeed>();
        return builder;
    }
}
