using OrderAnalytics.Predictor;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPredictor();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
