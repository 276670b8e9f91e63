using Microsoft.Extensions.Configuration;

namespace OrderAnalytics.AppHost;

/// <summary>Secrets the services share. Generated on first run and kept in the AppHost's user-secrets; set your own there.</summary>
internal sealed record ServiceSecrets(
    IResourceBuilder<ParameterResource> UpstreamKey,
    IResourceBuilder<ParameterResource> WebhookKey,
    IResourceBuilder<ParameterResource> AdminKey,
    IResourceBuilder<ParameterResource> AnalystKey,
    IResourceBuilder<ParameterResource> PseudonymKey);

internal static class ServiceExtensions
{
    public static ServiceSecrets AddServiceSecrets(this IDistributedApplicationBuilder builder) => new(
        builder.AddGeneratedSecret("upstream-api-key"),
        builder.AddGeneratedSecret("webhook-api-key"),
        builder.AddGeneratedSecret("analytics-admin-key"),
        builder.AddGeneratedSecret("analytics-analyst-key"),
        builder.AddGeneratedSecret("pseudonym-key"));

    /// <summary>
    /// A pipeline service: store and broker referenced, started after the migrator finished, health-checked, and the
    /// AppHost's Messaging section (retry budget, prefetch) passed on, so one setting tunes every service alike.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddService<TProject>(this IDistributedApplicationBuilder builder, string name,
        Infrastructure infra, IResourceBuilder<ProjectResource> migrator, string? portKey = null)
        where TProject : IProjectMetadata, new() =>
        builder.AddProject<TProject>(name)
            .WithPort(portKey)
            .WithInfrastructure(infra)
            .WaitForCompletion(migrator)
            .WithHttpHealthCheck("/health")
            .WithConfigurationSection("Messaging");

    /// <summary>Passes the AppHost's configuration section (e.g. Simulator:Stream:Days) on to the service as environment.</summary>
    public static IResourceBuilder<ProjectResource> WithConfigurationSection(this IResourceBuilder<ProjectResource> project, string section)
    {
        foreach (var (key, value) in project.ApplicationBuilder.Configuration.GetSection(section).AsEnumerable(makePathsRelative: true))
        {
            if (value is not null) project.WithEnvironment($"{section}__{key.Replace(":", "__")}", value);
        }
        return project;
    }

    /// <summary>Fixed, documented ports for what people open (Ports:{key}); 0 or absent = any free port (tests).</summary>
    public static IResourceBuilder<ProjectResource> WithPort(this IResourceBuilder<ProjectResource> project, string? portKey)
    {
        var config = project.ApplicationBuilder.Configuration;
        int? port = portKey is not null && config.GetValue<int?>($"Ports:{portKey}") is > 0 and var p ? p : null;
        return project.WithHttpEndpoint(port: port, name: "http");
    }
}
