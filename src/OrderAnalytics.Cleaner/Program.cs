using OrderAnalytics.Cleaner;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddCleaner();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
