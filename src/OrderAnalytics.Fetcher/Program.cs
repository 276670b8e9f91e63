using OrderAnalytics.Fetcher;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddFetcher();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapFetcherEndpoints();
app.Run();
