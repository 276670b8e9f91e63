using System.Diagnostics;
using Npgsql;

/// <summary>
/// The same rows (landing table, customers, orders and their children) written by plain binary COPY into empty copies
/// of the tables, on the same database; the order tables are timed apart too.
/// </summary>
internal static class CopyBaseline
{
    private static readonly string[] Landing = ["raw_events", "customers"];
    private static readonly string[] OrderTables = ["orders", "order_items", "order_item_addons", "order_taxes", "order_discounts"];
    private static readonly string[] Tables = [.. Landing, .. OrderTables];

    public static async Task<(long Orders, double Seconds, double OrderTablesSeconds)> MeasureAsync(NpgsqlDataSource db)
    {
        var exported = new Dictionary<string, byte[]>();
        await using var connection = await db.OpenConnectionAsync();
        foreach (var table in Tables)
        {
            // Same columns, keys and indexes as the real table, so COPY pays the same index upkeep.
            await using (var create = new NpgsqlCommand($"DROP TABLE IF EXISTS copy_{table}; CREATE TABLE copy_{table} (LIKE {table} INCLUDING ALL)", connection))
                await create.ExecuteNonQueryAsync();
            if (table == "raw_events")
            {
                // LIKE copies column compression but not table storage parameters.
                await using var toast = new NpgsqlCommand("ALTER TABLE copy_raw_events SET (toast_tuple_target = 512)", connection);
                await toast.ExecuteNonQueryAsync();
            }
            using var buffer = new MemoryStream();
            await using (var export = await connection.BeginRawBinaryCopyAsync($"COPY {table} TO STDOUT (FORMAT BINARY)"))
                await export.CopyToAsync(buffer);
            exported[table] = buffer.ToArray();
        }

        var orderTables = await ImportAsync(connection, OrderTables, exported);
        var landing = await ImportAsync(connection, Landing, exported);

        await using var count = new NpgsqlCommand("SELECT count(*) FROM copy_orders", connection);
        var orders = (long)(await count.ExecuteScalarAsync())!;
        foreach (var table in Tables)
        {
            await using var drop = new NpgsqlCommand($"DROP TABLE copy_{table}", connection);
            await drop.ExecuteNonQueryAsync();
        }
        return (orders, orderTables + landing, orderTables);
    }

    private static async Task<double> ImportAsync(NpgsqlConnection connection, IEnumerable<string> tables, Dictionary<string, byte[]> exported)
    {
        var watch = Stopwatch.StartNew();
        await using var tx = await connection.BeginTransactionAsync();
        foreach (var table in tables)
        {
            await using var import = await connection.BeginRawBinaryCopyAsync($"COPY copy_{table} FROM STDIN (FORMAT BINARY)");
            await import.WriteAsync(exported[table]);
        }
        await tx.CommitAsync();
        return watch.Elapsed.TotalSeconds;
    }
}
