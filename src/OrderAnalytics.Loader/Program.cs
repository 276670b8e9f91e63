using OrderAnalytics.Loader;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddLoader();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
