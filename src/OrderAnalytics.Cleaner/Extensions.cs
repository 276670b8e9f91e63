using MassTransit;
using OrderAnalytics.Data;
using OrderAnalytics.Matching;
using OrderAnalytics.Messaging;
using OrderAnalytics.Orders;

namespace OrderAnalytics.Cleaner;

public static class Extensions
{
    public static IHostApplicationBuilder AddCleaner(this IHostApplicationBuilder builder)
    {
        var menuPath = Path.Combine(AppContext.BaseDirectory, builder.Configuration["Menu:CsvPath"] ?? Path.Combine("data", "cleaned_menu.csv"));
        builder.AddNpgsqlDataSource(OrderAnalyticsDbContext.ConnectionName);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => new OrderEventProcessor(new OrderEventParser(), new OrderCleaner(sp.GetRequiredService<TimeProvider>())));
        builder.Services.AddSingleton(MenuCatalog.Load(menuPath));
        builder.Services.AddSingleton<MatcherProvider>();
        builder.Services.AddHostedService<MatcherRefresher>();
        builder.Services.AddSingleton<EventCleaning>();
        builder.AddMessageBus(bus =>
        {
            bus.AddConsumer<OrderEventsReceivedConsumer, OrderEventsReceivedConsumerDefinition>();
            bus.AddConsumer<ReprocessOrderEventsConsumer, ReprocessOrderEventsConsumerDefinition>();
        });
        return builder;
    }
}
