using OrderAnalytics.Migrator;

var builder = Host.CreateApplicationBuilder(args);
builder.AddServiceDefaults();
builder.AddMigrator();

await builder.Build().RunAsync();
