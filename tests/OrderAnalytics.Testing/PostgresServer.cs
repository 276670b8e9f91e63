using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using OrderAnalytics.Data;
using Xunit;

namespace OrderAnalytics.Testing;

/// <summary>
/// A real PostgreSQL (the machine's binaries, via eng/infra/postgres.sh) on a free port with its data in a temp
/// folder. Use as a class or collection fixture; every test can have its own freshly migrated database.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "oa-test-pg-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string _password = Repository.NewSecret();
    private ServerProcess? _server;

    public int Port { get; } = Repository.FreePort();

    public string ConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = Port, Username = "postgres", Password = _password, Database = database,
            Pooling = true, MaxPoolSize = 50,
        }.ConnectionString;

    public async Task InitializeAsync()
    {
        _server = ServerProcess.Start("bash", [Repository.InfraScript("postgres.sh")], new Dictionary<string, string>
        {
            ["OA_PG_DATA"] = _dataDir,
            ["OA_PG_PORT"] = Port.ToString(),
            ["OA_PG_PASSWORD"] = _password,
        }, Path.GetTempPath());

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                await using var c = new NpgsqlConnection(ConnectionString());
                await c.OpenAsync();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline && !_server.HasExited)
            {
                await Task.Delay(250);
            }
            catch (Exception ex)
            {
                throw new InvalidOperationException($"PostgreSQL did not start: {ex.Message}\n{_server.Output}", ex);
            }
        }
    }

    /// <summary>A new database with the current schema (or the one of <paramref name="migration"/>) and the cafe's menu seeded.</summary>
    public async Task<string> CreateDatabaseAsync(string? name = null, bool seedMenu = true, string? migration = null)
    {
        name ??= "t_" + Guid.NewGuid().ToString("N")[..12];
        var cs = ConnectionString(name);
        await MigrateAsync(cs, migration);
        if (seedMenu) await SeedMenuAsync(cs);
        return cs;
    }

    /// <summary>Applies the EF migrations up to <paramref name="migration"/> (all when null), as the migrator does.</summary>
    public static async Task MigrateAsync(string connectionString, string? migration = null)
    {
        var options = new DbContextOptionsBuilder<OrderAnalyticsDbContext>().UseNpgsql(connectionString);
        OrderAnalyticsDbContext.Configure(options);
        await using var db = new OrderAnalyticsDbContext(options.Options);
        await db.GetService<IMigrator>().MigrateAsync(migration);
    }

    private static async Task SeedMenuAsync(string connectionString)
    {
        var rows = File.ReadAllLines(Path.Combine(Repository.Root, "data", "cleaned_menu.csv")).Skip(1)
            .Where(l => l.Length > 0).Select(l => l.Split(',')).DistinctBy(f => (f[0], f[2])).ToList();
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO menu_items (name, type, variant, is_active)
            SELECT n, t, v, true FROM unnest($1::text[], $2::text[], $3::text[]) AS u(n, t, v) ON CONFLICT DO NOTHING
            """, c);
        cmd.Parameters.Add(new() { Value = rows.Select(r => r[0]).ToArray() });
        cmd.Parameters.Add(new() { Value = rows.Select(r => r[1]).ToArray() });
        cmd.Parameters.Add(new() { Value = rows.Select(r => r[2]).ToArray() });
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
