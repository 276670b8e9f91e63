using Microsoft.Extensions.Options;
using OrderAnalytics.Messaging;

namespace OrderAnalytics.WebhookReceiver;

public static class Extensions
{
    public static IHostApplicationBuilder AddWebhookReceiver(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebhookOptions>().Bind(builder.Configuration.GetSection("Webhook")).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<WebhookAuthenticator>();
        builder.AddMessageBus();
        return builder;
    }

    private sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
    {
        public ValidateOptionsResult Validate(string? name, WebhookOptions options) =>
            options.Validate().ToList() is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
