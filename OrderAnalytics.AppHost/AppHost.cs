using OrderAnalytics.AppHost;

var builder = DistributedApplication.CreateBuilder(args);

var infra = builder.AddInfrastructure();
var secrets = builder.AddServiceSecrets();

var migrator = builder.AddProject<Projects.OrderAnalytics_Migrator>("migrator")
    .WithInfrastructure(infra, broker: false);

var webhook = builder.AddService<Projects.OrderAnalytics_WebhookReceiver>("webhook", infra, migrator, "Webhook")
    .WithEnvironment("Webhook__ApiKeys__0", secrets.WebhookKey);

var simulator = builder.AddProject<Projects.OrderAnalytics_Simulator>("simulator")
    .WithPort("Simulator")
    .WithHttpHealthCheck("/health")
    .WithEnvironment("Simulator__ApiKey", secrets.UpstreamKey)
    .WithEnvironment("Simulator__Live__WebhookKey", secrets.WebhookKey)
    .WithEnvironment("Simulator__Live__WebhookUrl", ReferenceExpression.Create($"{webhook.GetEndpoint("http")}/webhooks/petpooja"))
    .WithConfigurationSection("Simulator");

// The simulator is the default source; setting Upstream:BaseUrl (and the upstream-api-key parameter) points at production.
var upstreamBaseUrl = builder.Configuration["Upstream:BaseUrl"] is { Length: > 0 } configured
    ? ReferenceExpression.Create($"{configured}")
    : ReferenceExpression.Create($"{simulator.GetEndpoint("http")}/analytics");

builder.AddService<Projects.OrderAnalytics_Fetcher>("fetcher", infra, migrator, "Fetcher")
    .WithEnvironment("Upstream__BaseUrl", upstreamBaseUrl)
    .WithEnvironment("Upstream__ApiKey", secrets.UpstreamKey)
    .WithEnvironment("Fetcher__AdminKeys__0", secrets.AdminKey)
    .WithEnvironment("Fetcher__ArchiveFolder", Path.Combine(builder.AppHostDirectory, "..", ".data", "archive"))
    .WithConfigurationSection("Fetcher")
    .WaitFor(simulator);

builder.AddService<Projects.OrderAnalytics_Cleaner>("cleaner", infra, migrator)
    .WithConfigurationSection("Cleaner");

builder.AddService<Projects.OrderAnalytics_Loader>("loader", infra, migrator)
    .WithEnvironment("Privacy__PseudonymKey", secrets.PseudonymKey)
    .WithConfigurationSection("Loader");

builder.AddService<Projects.OrderAnalytics_Predictor>("predictor", infra, migrator);

builder.AddService<Projects.OrderAnalytics_Analytics>("analytics", infra, migrator, "Analytics")
    .WithEnvironment("Privacy__PseudonymKey", secrets.PseudonymKey)
    .WithEnvironment("Analytics__Auth__AdminKeys__0", secrets.AdminKey)
    .WithEnvironment("Analytics__Auth__AnalystKeys__0", secrets.AnalystKey);

builder.Build().Run();
