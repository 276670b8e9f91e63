using Npgsql;
using OrderAnalytics.Contracts;
using OrderAnalytics.Testing;

namespace OrderAnalytics.Loading.Tests;

/// <summary>One PostgreSQL server for every test class; each test takes its own fresh database.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}

/// <summary>A freshly migrated database with a writer over it, as the loader service wires them.</summary>
public sealed class LoaderDatabase : IAsyncDisposable
{
    public static readonly byte[] PseudonymKey = "loader-tests-pseudonym-key-32by"u8.ToArray();

    private LoaderDatabase(NpgsqlDataSource dataSource)
    {
        DataSource = dataSource;
        Writer = NewWriter();
    }

    public NpgsqlDataSource DataSource { get; }

    public OrderBatchWriter Writer { get; }

    public static async Task<LoaderDatabase> CreateAsync(PostgresServer server) =>
        new(NpgsqlDataSource.Create(await server.CreateDatabaseAsync()));

    /// <summary>A writer over an existing database (e.g. one migrated only part of the way).</summary>
    public static LoaderDatabase Open(string connectionString) => new(NpgsqlDataSource.Create(connectionString));

    /// <summary>A second writer with its own cache, as a second loader instance would have.</summary>
    public OrderBatchWriter NewWriter() => new(DataSource, new ReferenceCache(DataSource), PseudonymKey);

    public Task<BatchWriteResult> WriteAsync(params CleanedEvent[] events) => Writer.WriteAsync(events, replay: false, CancellationToken.None);

    public async Task WriteInBatchesAsync(IReadOnlyList<CleanedEvent> events, int batchSize, OrderBatchWriter? writer = null)
    {
        for (var i = 0; i < events.Count; i += batchSize)
            await (writer ?? Writer).WriteAsync(events.Skip(i).Take(batchSize).ToList(), replay: false, CancellationToken.None);
    }

    /// <summary>The events in order, in batches of 1 to 119 of them drawn from <paramref name="random"/>.</summary>
    public async Task WriteInRandomBatchesAsync(IReadOnlyList<CleanedEvent> events, Random random)
    {
        for (var i = 0; i < events.Count;)
        {
            var size = random.Next(1, 120);
            await WriteAsync([.. events.Skip(i).Take(size)]);
            i += size;
        }
    }

    public async Task<T?> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        foreach (var p in parameters) cmd.Parameters.Add(new() { Value = p });
        var value = await cmd.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    /// <summary>Rows as "a|b|c" strings, in the order the query gives.</summary>
    public async Task<List<string>> RowsAsync(string sql, params object[] parameters)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        foreach (var p in parameters) cmd.Parameters.Add(new() { Value = p });
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<string>();
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
            rows.Add(string.Join("|", values.Select(v => v is DBNull ? "∅" : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))));
        }
        return rows;
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
