using OrderAnalytics.WebhookReceiver;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddWebhookReceiver();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapWebhookEndpoints();
app.Run();
