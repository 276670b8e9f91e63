// Latency of the Task-5 GraphQL questions beside the same questions in plain SQL.
//
//   dotnet run -c Release                           own PostgreSQL, ≈300K simulated orders (Scale 30, 365 days), 50 warm runs
//   dotnet run -c Release -- --scale 5 --runs 20    smaller and quicker
//   dotnet run -c Release -- --connection "Host=…"  an already loaded store (skips starting PostgreSQL and loading)
//   dotnet run -c Release -- --connection "…" --load   load into that (empty, migrated) store, then measure
//   dotnet run -c Release -- --hold 3600            keep the loaded PostgreSQL for an hour afterwards (for EXPLAIN);
//                                                   its connection string goes to $TMPDIR/oa-analytics-bench.connection (mode 600)
//   dotnet run -c Release -- --only "5.2"           only the questions whose name contains this
//
// Each question runs through the real schema and executer (validation, complexity analysis, resolvers, batch loaders and
// JSON serialisation included) as an admin, over the migrated schema (rollups included), and its plain-SQL twin over the
// normalized tables (orders, order_items, …) through Npgsql reading every row. Both run warm; the ratio is GraphQL / SQL.
using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrderAnalytics.Analytics;
using OrderAnalytics.Analytics.Benchmarks;
using OrderAnalytics.Analytics.Tests;
using OrderAnalytics.Simulation;
using OrderAnalytics.Testing;

var options = BenchmarkOptions.Parse(args);
var simulation = new SimulationOptions { Scale = options.Scale, Days = options.Days, IncludeStatusEvents = false };
PostgresServer? server = null;
string connectionString;
if (options.Connection is null)
{
    server = new PostgresServer();
    await server.InitializeAsync();
    connectionString = await server.CreateDatabaseAsync();
}
else
{
    connectionString = options.Connection;
}

try
{
    await using var dataSource = NpgsqlDataSource.Create(connectionString);
    if (options.Connection is null || options.Load)
    {
        var stream = new OrderStream(simulation);
        Console.WriteLine($"Loading {stream.TotalEvents:N0} events (scale {options.Scale}, {options.Days} days, status events off)…");
        var started = Stopwatch.StartNew();
        var events = await SimulatedStore.LoadAsync(dataSource, stream, Path.Combine(Repository.Root, "data", "cleaned_menu.csv"), 2000,
            n => { if (n % 100_000 < 2000) Console.WriteLine($"  {n:N0} events, {started.Elapsed.TotalSeconds:N0} s"); });
        Console.WriteLine($"Loaded {events:N0} events in {started.Elapsed.TotalSeconds:N1} s");
        await using var vacuum = dataSource.CreateCommand("VACUUM ANALYZE");
        vacuum.CommandTimeout = 0;
        await vacuum.ExecuteNonQueryAsync();
    }

    await using (var stats = dataSource.CreateCommand("""
        SELECT (SELECT count(*) FROM orders), (SELECT count(*) FROM order_items), (SELECT count(*) FROM customers),
               (SELECT min(business_date) FROM orders WHERE NOT is_test), (SELECT max(business_date) FROM orders)
        """))
    await using (var reader = await stats.ExecuteReaderAsync())
    {
        await reader.ReadAsync();
        Console.WriteLine($"Store: {reader.GetInt64(0):N0} orders, {reader.GetInt64(1):N0} item lines, {reader.GetInt64(2):N0} customers, " +
                          $"business dates {reader.GetFieldValue<DateOnly>(3):yyyy-MM-dd} … {reader.GetFieldValue<DateOnly>(4):yyyy-MM-dd}");
    }

    var services = new ServiceCollection();
    services.AddLogging();
    services.AddSingleton(dataSource);
    services.AddAnalyticsApi(new ConfigurationBuilder().Build());
    await using var provider = services.BuildServiceProvider();
    var runner = new Runner(provider, dataSource, options.Runs);

    var last = simulation.Start.AddDays(simulation.Days - 1);
    var cases = Cases.All(last.AddDays(-89), last, simulation.Start, last, await Cases.SampleOrderAsync(dataSource));
    if (options.Only is { } only) cases = cases.Where(c => c.Name.Contains(only, StringComparison.OrdinalIgnoreCase)).ToList();

    Console.WriteLine();
    Console.WriteLine($"Load average at start: {LoadAverage()} (2 cores; other work on the machine inflates every figure)");
    Console.WriteLine($"{"question",-44} {"GraphQL p50",11} {"p95",8} {"SQL p50",9} {"p95",8} {"ratio p50",9} {"p95",6}  target");
    var results = new List<(Case Case, Runner.Timing GraphQL, Runner.Timing Sql)>();
    foreach (var c in cases)
    {
        var gql = await runner.GraphQLAsync(c.GraphQL);
        var sql = await runner.SqlAsync(c.Sql);
        results.Add((c, gql, sql));
        Console.WriteLine($"{c.Name,-44} {gql.P50,11:N1} {gql.P95,8:N1} {sql.P50,9:N1} {sql.P95,8:N1} {gql.P50 / sql.P50,9:N2} {gql.P95 / sql.P95,6:N2}  " +
                          (gql.P95 <= 50 ? "ok" : "SLOW (p95 > 50 ms)"));
    }
    Console.WriteLine($"Load average at end: {LoadAverage()}");
    Console.WriteLine();
    Console.WriteLine($"{results.Count(r => r.GraphQL.P95 <= 50)} of {results.Count} questions at p95 ≤ 50 ms (ms, {options.Runs} warm runs each).");

    if (server is not null && options.HoldSeconds > 0)
    {
        var file = Path.Combine(Path.GetTempPath(), "oa-analytics-bench.connection");
        await File.WriteAllTextAsync(file, "");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await File.WriteAllTextAsync(file, connectionString);
        Console.WriteLine($"Holding the store for {options.HoldSeconds} s; connection string in {file}.");
        await Task.Delay(TimeSpan.FromSeconds(options.HoldSeconds));
        File.Delete(file);
    }
}
finally
{
    if (server is not null) await server.DisposeAsync();
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

namespace OrderAnalytics.Analytics.Benchmarks
{
    internal sealed record BenchmarkOptions(double Scale, int Days, int Runs, string? Connection, bool Load, string? Only, int HoldSeconds)
    {
        public static BenchmarkOptions Parse(string[] args)
        {
            var o = new BenchmarkOptions(30, 365, 50, null, false, null, 0);
            for (var i = 0; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
                o = args[i] switch
                {
                    "--scale" => o with { Scale = double.Parse(Next(), CultureInfo.InvariantCulture) },
                    "--days" => o with { Days = int.Parse(Next(), CultureInfo.InvariantCulture) },
                    "--runs" => o with { Runs = int.Parse(Next(), CultureInfo.InvariantCulture) },
                    "--connection" => o with { Connection = Next() },
                    "--load" => o with { Load = true },
                    "--only" => o with { Only = Next() },
                    "--hold" => o with { HoldSeconds = int.Parse(Next(), CultureInfo.InvariantCulture) },
                    _ => throw new ArgumentException($"unknown option {args[i]}"),
                };
            }
            return o;
        }
    }

    internal sealed class Runner(IServiceProvider provider, NpgsqlDataSource db, int runs)
    {
        public sealed record Timing(double P50, double P95);

        private const int Warmup = 5;
        private readonly IDocumentExecuter _executer = provider.GetRequiredService<IDocumentExecuter>();
        private readonly ISchema _schema = provider.GetRequiredService<ISchema>();
        private readonly IGraphQLTextSerializer _serializer = provider.GetRequiredService<IGraphQLTextSerializer>();
        private readonly ClaimsPrincipal _admin = new(new ClaimsIdentity(
            [new Claim(ClaimTypes.Role, Roles.Admin), new Claim(ClaimTypes.Role, Roles.Analyst)], "benchmark"));

        public Task<Timing> GraphQLAsync(string query) => MeasureAsync(async () =>
        {
            await using var scope = provider.CreateAsyncScope();
            var result = await _executer.ExecuteAsync(new ExecutionOptions
            {
                Schema = _schema, Query = query, RequestServices = scope.ServiceProvider, User = _admin,
            });
            if (result.Errors is { Count: > 0 } errors)
                throw new InvalidOperationException($"GraphQL errors: {string.Join("; ", errors.Select(e => e.Message + " " + e.InnerException?.Message))}\n{query}");
            using var sink = new MemoryStream();
            await _serializer.WriteAsync(sink, result);
        });

        public Task<Timing> SqlAsync(string sql) => MeasureAsync(async () =>
        {
            await using var cmd = db.CreateCommand(sql);
            await using var reader = await cmd.ExecuteReaderAsync();
            var values = new object[reader.FieldCount];
            while (await reader.ReadAsync()) reader.GetValues(values);
        });

        private async Task<Timing> MeasureAsync(Func<Task> run)
        {
            for (var i = 0; i < Warmup; i++) await run();
            var ms = new double[runs];
            for (var i = 0; i < runs; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await run();
                ms[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
            Array.Sort(ms);
            return new Timing(Percentile(ms, 0.50), Percentile(ms, 0.95));
        }

        private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }
}
