using OrderAnalytics.Messaging;

namespace OrderAnalytics.WebhookReceiver;

public static class Extensions
{
    public static IHostApplicationBuilder AddWebhookReceiver(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<WebhookOptions>(builder.Configuration.GetSection("Webhook"));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<WebhookAuthenticator>();
        builder.AddMessageBus();
        return builder;
    }
}
