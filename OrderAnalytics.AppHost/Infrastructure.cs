using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace OrderAnalytics.AppHost;

/// <summary>The order store and the broker, however they are provided, and what services must wait for.</summary>
internal sealed record Infrastructure(
    IResourceBuilder<IResourceWithConnectionString> OrdersDb,
    IResourceBuilder<IResourceWithConnectionString> Messaging,
    IReadOnlyList<IResourceBuilder<IResource>> StartFirst,
    string Mode);

internal static class InfrastructureExtensions
{
    public const string OrdersDb = "ordersdb";
    public const string Messaging = "messaging";
    public const string DatabaseName = "order_analytics";

    /// <summary>
    /// Infrastructure:Mode = auto (containers when a container runtime answers, else executables), containers
    /// (AddPostgres/AddRabbitMQ), executables (this machine's PostgreSQL and rabbitmq-server, data under
    /// Infrastructure:DataDir) or external (ConnectionStrings:ordersdb and ConnectionStrings:messaging).
    /// </summary>
    public static Infrastructure AddInfrastructure(this IDistributedApplicationBuilder builder)
    {
        var mode = (builder.Configuration["Infrastructure:Mode"] ?? "auto").Trim().ToLowerInvariant();
        if (mode == "auto") mode = ContainerRuntimeIsHealthy() ? "containers" : "executables";
        return mode switch
        {
            "containers" => AddContainers(builder),
            "executables" => AddExecutables(builder),
            "external" => new Infrastructure(builder.AddConnectionString(OrdersDb), builder.AddConnectionString(Messaging), [], mode),
            _ => throw new InvalidOperationException($"Infrastructure:Mode '{mode}' is not one of auto, containers, executables, external."),
        };
    }

    private static Infrastructure AddContainers(IDistributedApplicationBuilder builder)
    {
        var pgPassword = builder.AddGeneratedSecret("postgres-password");
        var rmqPassword = builder.AddGeneratedSecret("rabbitmq-password");
        var postgres = builder.AddPostgres("postgres", password: pgPassword).WithDataVolume("order-analytics-postgres");
        var db = postgres.AddDatabase(OrdersDb, DatabaseName);
        var rabbit = builder.AddRabbitMQ(Messaging, password: rmqPassword).WithDataVolume("order-analytics-rabbitmq");
        return new Infrastructure(db, rabbit, [db, rabbit], "containers");
    }

    private static Infrastructure AddExecutables(IDistributedApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var repoRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));
        var dataDir = Path.GetFullPath(config["Infrastructure:DataDir"] is { Length: > 0 } d ? d : Path.Combine(repoRoot, ".data"));
        int pgPort = config.GetValue("Infrastructure:PostgresPort", 15432),
            rmqPort = config.GetValue("Infrastructure:RabbitMqPort", 15673),
            epmdPort = config.GetValue("Infrastructure:EpmdPort", 14369);
        var scripts = Path.Combine(repoRoot, "eng", "infra");
        Directory.CreateDirectory(dataDir);   // epmd's working folder; DCP will not start a process in a missing one

        var pgPassword = builder.AddGeneratedSecret("postgres-password");
        var rmqPassword = builder.AddGeneratedSecret("rabbitmq-password");

        var pgConnection = ReferenceExpression.Create(
            $"Host=127.0.0.1;Port={pgPort.ToString()};Username=postgres;Password={pgPassword};Database={DatabaseName}");
        builder.Services.AddHealthChecks().AddCheck("postgres-ready",
            new PostgresReadyCheck(ct => pgConnection.GetValueAsync(ct).AsTask()));
        var postgres = builder.AddExecutable("postgres", "bash", scripts, Path.Combine(scripts, "postgres.sh"))
            .WithEnvironment("OA_PG_DATA", Path.Combine(dataDir, "postgres"))
            .WithEnvironment("OA_PG_PORT", pgPort.ToString())
            .WithEnvironment("OA_PG_PASSWORD", pgPassword)
            .WithHealthCheck("postgres-ready");

        // epmd is its own resource: rabbitmq-server runs with -start_epmd false, so stopping the AppHost stops both.
        var epmd = builder.AddExecutable("epmd", "epmd", dataDir, "-port", epmdPort.ToString())
            .WithEnvironment("ERL_EPMD_PORT", epmdPort.ToString());
        builder.Services.AddHealthChecks().AddCheck("rabbitmq-ready", new AmqpReadyCheck("127.0.0.1", rmqPort));
        var rabbit = builder.AddExecutable("rabbitmq", "bash", scripts, Path.Combine(scripts, "rabbitmq.sh"))
            .WithEnvironment("OA_RMQ_DATA", Path.Combine(dataDir, "rabbitmq"))
            .WithEnvironment("OA_RMQ_PORT", rmqPort.ToString())
            .WithEnvironment("OA_RMQ_DIST_PORT", (rmqPort + 1).ToString())
            .WithEnvironment("OA_RMQ_USER", "orderanalytics")
            .WithEnvironment("OA_RMQ_PASSWORD", rmqPassword)
            .WithEnvironment("ERL_EPMD_PORT", epmdPort.ToString())
            .WithEnvironment("OA_RMQ_LOG_LEVEL", config["Infrastructure:RabbitMqLogLevel"] is { Length: > 0 } level ? level : "warning")
            .WithHealthCheck("rabbitmq-ready")
            .WaitFor(epmd);

        var db = builder.AddConnectionString(OrdersDb, pgConnection);
        var messaging = builder.AddConnectionString(Messaging,
            ReferenceExpression.Create($"amqp://orderanalytics:{rmqPassword}@127.0.0.1:{rmqPort.ToString()}/"));
        return new Infrastructure(db, messaging, [postgres, rabbit], "executables");
    }

    /// <summary>A generated password, kept in the AppHost's user-secrets so data folders stay usable across runs.</summary>
    public static IResourceBuilder<ParameterResource> AddGeneratedSecret(this IDistributedApplicationBuilder builder, string name) =>
        builder.AddParameter(name, new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);

    private static bool ContainerRuntimeIsHealthy()
    {
        var runtime = Environment.GetEnvironmentVariable("ASPIRE_CONTAINER_RUNTIME") ?? "docker";
        try
        {
            using var process = Process.Start(new ProcessStartInfo(runtime, "info --format {{.ServerVersion}}")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null) return false;
            if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }
            return process.ExitCode == 0;
        }
        catch (Exception)
        {
            return false;   // not installed
        }
    }

    /// <summary>References the store and the broker, and starts the resource only once both are healthy.</summary>
    public static IResourceBuilder<T> WithInfrastructure<T>(this IResourceBuilder<T> resource, Infrastructure infra,
        bool database = true, bool broker = true) where T : IResourceWithEnvironment, IResourceWithWaitSupport
    {
        if (database) resource.WithReference(infra.OrdersDb);
        if (broker) resource.WithReference(infra.Messaging);
        foreach (var dependency in infra.StartFirst) resource.WaitFor(dependency);
        return resource;
    }
}
