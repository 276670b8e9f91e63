using OrderAnalytics.Simulator;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddSimulator();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapSimulatorEndpoints();
app.Run();
