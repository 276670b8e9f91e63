using Npgsql;
using NpgsqlTypes;

namespace OrderAnalytics.Loading;

/// <summary>
/// Rows sent as one typed array per column and expanded by unnest() in SQL. Unlike COPY, such a statement can share
/// a batch (one round trip) with the upserts and deletes around it, and each column is one array, not a boxed value per cell.
/// </summary>
internal sealed class UnnestRows<T>
{
    private readonly List<(string Name, NpgsqlDbType Type, Func<IReadOnlyList<T>, object> Array)> _columns = [];

    public UnnestRows<T> Column<TValue>(string name, NpgsqlDbType type, Func<T, TValue> value)
    {
        _columns.Add((name, type, rows =>
        {
            var array = new TValue[rows.Count];
            for (var i = 0; i < array.Length; i++) array[i] = value(rows[i]);
            return array;
        }));
        return this;
    }

    public IEnumerable<string> Names => _columns.Select(c => c.Name);

    /// <summary>"unnest($1::bigint[], …) AS u(restaurant_id, …)", parameters numbered from <paramref name="first"/>.</summary>
    public string From(int first = 1) =>
        $"unnest({string.Join(", ", _columns.Select((c, i) => $"${first + i}::{SqlType(c.Type)}[]"))}) AS u({string.Join(", ", Names)})";

    public void AddParameters(NpgsqlBatchCommand command, IReadOnlyList<T> rows)
    {
        foreach (var c in _columns)
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | c.Type, Value = c.Array(rows) });
    }

    private static string SqlType(NpgsqlDbType type) => type switch
    {
        NpgsqlDbType.Bigint => "bigint",
        NpgsqlDbType.Integer => "integer",
        NpgsqlDbType.Text => "text",
        NpgsqlDbType.Numeric => "numeric",
        NpgsqlDbType.Double => "double precision",
        NpgsqlDbType.Boolean => "boolean",
        NpgsqlDbType.Date => "date",
        NpgsqlDbType.Timestamp => "timestamp",
        NpgsqlDbType.TimestampTz => "timestamptz",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "no SQL name mapped"),
    };
}
