using System.Collections.Concurrent;
using System.Text.Json;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using OrderAnalytics.Analytics.Predictions;
using OrderAnalytics.Contracts;
using OrderAnalytics.Data.Predictions;
using OrderAnalytics.Loading;
using OrderAnalytics.Matching;
using OrderAnalytics.Orders;
using OrderAnalytics.Simulation;
using OrderAnalytics.Testing;
using MatchingCatalog = OrderAnalytics.Matching.MenuCatalog;

namespace OrderAnalytics.Predictor.Tests;

/// <summary>
/// One PostgreSQL; one database with the main schema and the predictions schema, filled with 120 simulated days of one
/// outlet through the real parser, matcher and loader; one training cycle run on it. Tests needing other data create
/// their own database on the same server.
/// </summary>
public sealed class PredictorFixture : IAsyncLifetime
{
    public static readonly SimulationOptions Simulation = new() { Days = 120, Seed = 11 };

    public PostgresServer Server { get; } = new();
    public NpgsqlDataSource DataSource { get; private set; } = null!;
    public string ConnectionString { get; private set; } = null!;
    public ServiceProvider Services { get; private set; } = null!;
    public TrainingCycleReport Cycle { get; private set; } = null!;
    public ListLogger Logs { get; } = new();

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        (ConnectionString, DataSource) = await CreateStoreWithConnectionStringAsync(Simulation);
        // The simulator draws items independently, so no pair reaches the default 20% confidence; 5% exercises the rules.
        Services = BuildServices(DataSource, Logs, new Dictionary<string, string?> { ["Predictor:BasketMinConfidence"] = "0.05" });
        Cycle = await Services.GetRequiredService<PredictionTrainer>().RunCycleAsync(CancellationToken.None);
    }

    /// <summary>A new database with both schemas, loaded with the simulated days (none when <paramref name="simulation"/> is null).</summary>
    public async Task<NpgsqlDataSource> CreateStoreAsync(SimulationOptions? simulation) =>
        (await CreateStoreWithConnectionStringAsync(simulation)).DataSource;

    public async Task<(string ConnectionString, NpgsqlDataSource DataSource)> CreateStoreWithConnectionStringAsync(SimulationOptions? simulation)
    {
        var cs = await Server.CreateDatabaseAsync();
        await PredictionsDbContext.MigrateAsync(cs);
        var ds = NpgsqlDataSource.Create(cs);
        if (simulation is not null)
        {
            await SimulatedStore.LoadAsync(ds, new OrderStream(simulation));
            await using var analyze = ds.CreateCommand("ANALYZE");
            await analyze.ExecuteNonQueryAsync();
        }
        return (cs, ds);
    }

    /// <summary>The predictor's services (as AddPredictor registers them, without the scheduled worker) plus the analytics side.</summary>
    public static ServiceProvider BuildServices(NpgsqlDataSource dataSource, ListLogger? logs = null, IDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddLogging(b =>
        {
            b.SetMinimumLevel(LogLevel.Information).AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);
            if (logs is not null) b.AddProvider(logs);
        });
        services.AddSingleton(dataSource);
        services.AddPredictorServices(configuration);
        services.AddPredictionQueries();
        // the analytics service's GraphQL setup (auto CLR mappings, limits) with only the prediction fields on the root query
        services.AddGraphQL(graphql => graphql
            .AddSchema(sp =>
            {
                var query = new ObjectGraphType { Name = "Query" };
                query.AddPredictionFields();
                return new Schema(sp) { Query = query };
            })
            .AddAutoClrMappings()
            .AddSystemTextJson()
            .AddComplexityAnalyzer(o =>
            {
                o.MaxDepth = 15;
                o.MaxComplexity = 20000;
            })
            .AddGraphTypes(typeof(PredictionFields).Assembly));
        return services.BuildServiceProvider();
    }

    /// <summary>Runs a GraphQL query against <paramref name="services"/>; returns the serialized response.</summary>
    public static async Task<JsonElement> GraphQLAsync(IServiceProvider services, string query)
    {
        var executer = services.GetRequiredService<IDocumentExecuter>();
        var result = await executer.ExecuteAsync(o =>
        {
            o.Schema = services.GetRequiredService<ISchema>();
            o.Query = query;
            o.RequestServices = services;
        });
        var json = services.GetRequiredService<IGraphQLTextSerializer>().Serialize(result);
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    public async Task<T?> ScalarAsync<T>(string sql, NpgsqlDataSource? db = null)
    {
        await using var cmd = (db ?? DataSource).CreateCommand(sql);
        var value = await cmd.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task DisposeAsync()
    {
        if (Services is not null) await Services.DisposeAsync();
        if (DataSource is not null) await DataSource.DisposeAsync();
        await Server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PredictorCollection : ICollectionFixture<PredictorFixture>
{
    public const string Name = "predictor";
}

/// <summary>Fills an order store as the pipeline would: simulator → parser and cleaner → menu matcher → batch writer.</summary>
public static class SimulatedStore
{
    public static readonly byte[] PseudonymKey = "predictor-tests-pseudonym-key-32"u8.ToArray();

    private static readonly DateTimeOffset Received = new(2026, 1, 10, 0, 0, 0, TimeSpan.Zero);

    public static async Task LoadAsync(NpgsqlDataSource db, OrderStream stream, int batchSize = 1000)
    {
        var processor = new OrderEventProcessor();
        var matcher = new MenuMatcher(MatchingCatalog.Load(Path.Combine(Repository.Root, "data", "cleaned_menu.csv")));
        var writer = new OrderBatchWriter(db, new ReferenceCache(db), PseudonymKey);
        foreach (var chunk in stream.ReadAll().Chunk(batchSize))
        {
            var cleaned = new CleanedEvent[chunk.Length];
            Parallel.For(0, chunk.Length, i => cleaned[i] = Clean(processor, matcher, chunk[i]));
            await writer.WriteAsync(cleaned, replay: false, CancellationToken.None);
        }
    }

    private static CleanedEvent Clean(OrderEventProcessor processor, MenuMatcher matcher, SimulatedEvent e)
    {
        var cleaned = processor.Process(new RawOrderEvent($"stream:{e.StreamId}", e.StreamId, EventSources.Backfill, Received, e.Json));
        if (cleaned.Order is not { } order) return cleaned;
        var items = order.Items.Select(i => i with { Match = matcher.Match(i.NameRaw, i.PetpoojaItemId).ToContract() }).ToList();
        return cleaned with { Order = order with { Items = items } };
    }
}

/// <summary>Collects every log line (formatted) so tests can print the figures and check that nothing personal is logged.</summary>
public sealed class ListLogger : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose() { }

    private sealed class Logger(ListLogger owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Lines.Enqueue($"{logLevel}: {formatter(state, exception)}{(exception is null ? "" : " | " + exception.Message)}");
    }
}
