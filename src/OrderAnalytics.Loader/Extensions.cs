using MassTransit;
using OrderAnalytics.Data;
using OrderAnalytics.Loading;
using OrderAnalytics.Messaging;

namespace OrderAnalytics.Loader;

public static class Extensions
{
    public static IHostApplicationBuilder AddLoader(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDataSource(OrderAnalyticsDbContext.ConnectionName);
        builder.Services.AddSingleton<ReferenceCache>();
        builder.Services.AddSingleton(sp => new OrderBatchWriter(
            sp.GetRequiredService<Npgsql.NpgsqlDataSource>(),
            sp.GetRequiredService<ReferenceCache>(),
            PseudonymKey.From(builder.Configuration)));
        builder.AddMessageBus(bus =>
        {
            bus.AddConsumer<OrderEventsCleanedConsumer, OrderEventsCleanedConsumerDefinition>();
            bus.AddConsumer<FaultConsumer>();
        });
        return builder;
    }
}
