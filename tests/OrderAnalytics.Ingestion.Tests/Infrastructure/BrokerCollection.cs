using OrderAnalytics.Testing;

namespace OrderAnalytics.Ingestion.Tests.Infrastructure;

/// <summary>One real RabbitMQ and PostgreSQL for the tests that need them; those tests run one at a time (one broker).</summary>
public sealed class IngestionInfrastructure : IAsyncLifetime
{
    public RabbitMqServer Rabbit { get; } = new();
    public PostgresServer Postgres { get; } = new();

    /// <summary>A migrated database, shared: each test uses its own Fetcher:Source (checkpoint row).</summary>
    public string Database { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await Task.WhenAll(Rabbit.InitializeAsync(), Postgres.InitializeAsync());
        Database = await Postgres.CreateDatabaseAsync(seedMenu: false);
    }

    public async Task DisposeAsync()
    {
        await Rabbit.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrokerCollection : ICollectionFixture<IngestionInfrastructure>
{
    public const string Name = "broker";
}
