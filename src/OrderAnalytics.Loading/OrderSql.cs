using Npgsql;
using NpgsqlTypes;
using OrderAnalytics.Contracts;

namespace OrderAnalytics.Loading;

/// <summary>
/// Orders go through a staging table (binary COPY) and one INSERT … ON CONFLICT that only overwrites an order when
/// the incoming version is newer. RETURNING tells which orders this batch actually wrote: only their children are replaced.
/// </summary>
internal static class OrderSql
{
    private sealed record Row(long RestaurantId, long? CustomerId, OrderData O, long Version, DateTimeOffset ReceivedAt);

    private static readonly TimeSpan Ist = TimeSpan.FromMinutes(330);

    private static readonly CopyTable<Row> Orders = new("orders",
        new("restaurant_id", NpgsqlDbType.Bigint, r => r.RestaurantId),
        new("order_id", NpgsqlDbType.Text, r => r.O.OrderId),
        new("customer_id", NpgsqlDbType.Bigint, r => r.CustomerId),
        new("version", NpgsqlDbType.Bigint, r => r.Version),
        new("stream_id", NpgsqlDbType.Bigint, r => r.O.StreamId),
        new("event_id", NpgsqlDbType.Text, r => r.O.EventId),
        new("occurred_at", NpgsqlDbType.TimestampTz, r => (r.O.OccurredAt ?? r.ReceivedAt).ToUniversalTime()),
        new("created_on", NpgsqlDbType.Timestamp, r => r.O.CreatedAtUtc is { } utc ? DateTime.SpecifyKind((utc + Ist).DateTime, DateTimeKind.Unspecified) : null),
        new("created_at_utc", NpgsqlDbType.TimestampTz, r => r.O.CreatedAtUtc?.ToUniversalTime()),
        new("business_date", NpgsqlDbType.Date, r => r.O.BusinessDate),
        new("order_type", NpgsqlDbType.Text, r => r.O.OrderType),
        new("order_from", NpgsqlDbType.Text, r => r.O.OrderFrom),
        new("sub_order_type", NpgsqlDbType.Text, r => r.O.SubOrderType),
        new("order_status", NpgsqlDbType.Text, r => r.O.Status),
        new("payment_type", NpgsqlDbType.Text, r => r.O.PaymentType),
        new("biller", NpgsqlDbType.Text, r => r.O.Biller),
        new("order_from_id", NpgsqlDbType.Text, r => r.O.OrderFromId),
        new("customer_invoice_id", NpgsqlDbType.Text, r => r.O.CustomerInvoiceId),
        new("table_no", NpgsqlDbType.Text, r => r.O.TableNo),
        new("token_no", NpgsqlDbType.Text, r => r.O.TokenNo),
        new("assignee", NpgsqlDbType.Text, r => r.O.Assignee),
        new("no_of_persons", NpgsqlDbType.Integer, r => r.O.NoOfPersons),
        new("comment", NpgsqlDbType.Text, r => r.O.Comment),
        new("core_total", NpgsqlDbType.Numeric, r => r.O.CoreTotal),
        new("tax_total", NpgsqlDbType.Numeric, r => r.O.TaxTotal),
        new("discount_total", NpgsqlDbType.Numeric, r => r.O.DiscountTotal),
        new("delivery_charges", NpgsqlDbType.Numeric, r => r.O.DeliveryCharges),
        new("packaging_charge", NpgsqlDbType.Numeric, r => r.O.PackagingCharge),
        new("service_charge", NpgsqlDbType.Numeric, r => r.O.ServiceCharge),
        new("round_off", NpgsqlDbType.Numeric, r => r.O.RoundOff),
        new("total", NpgsqlDbType.Numeric, r => r.O.Total),
        new("dialect", NpgsqlDbType.Text, r => r.O.Dialect),
        new("is_test", NpgsqlDbType.Boolean, r => r.O.Flags.Any(f => f.Code == "test_order")),
        new("created_at", NpgsqlDbType.TimestampTz, r => DateTimeOffset.UtcNow),
        new("updated_at", NpgsqlDbType.TimestampTz, r => DateTimeOffset.UtcNow));

    private static readonly string UpdateSet = string.Join(",\n    ",
        Orders.Columns.Select(c => c.Name).Where(n => n is not ("restaurant_id" or "order_id" or "created_at"))
            .Select(n => $"{n} = EXCLUDED.{n}"));

    private static readonly string Upsert = $"""
        INSERT INTO orders ({Orders.ColumnList})
        SELECT {Orders.ColumnList} FROM stage_orders ORDER BY restaurant_id, order_id
        ON CONFLICT (restaurant_id, order_id) DO UPDATE SET
            {UpdateSet}
        WHERE orders.version < EXCLUDED.version
           OR ($1 AND orders.version = EXCLUDED.version)
           OR (orders.version = 0 AND EXCLUDED.version = 0 AND orders.occurred_at < EXCLUDED.occurred_at)
        RETURNING restaurant_id, order_id, (xmax = 0) AS inserted;
        """;

    /// <returns>The (restaurant id, order id) pairs this batch wrote, and which of them already existed.</returns>
    public static async Task<WrittenOrders> UpsertAsync(NpgsqlConnection c, IReadOnlyList<CleanedEvent> orders,
        IReadOnlyDictionary<string, long> restaurantIds, IReadOnlyDictionary<(long, string), long> customerIds,
        bool replay, DateTimeOffset now, CancellationToken ct)
    {
        var written = new WrittenOrders();
        if (orders.Count == 0) return written;

        await using (var stage = new NpgsqlCommand(
            "CREATE TEMP TABLE IF NOT EXISTS stage_orders (LIKE orders) ON COMMIT DELETE ROWS;", c))
        {
            await stage.ExecuteNonQueryAsync(ct);
        }

        var rows = orders.Select(e =>
        {
            var rid = restaurantIds[e.Order!.RestaurantRef];
            long? cid = e.Order.Customer?.CustomerKey is { } key ? customerIds[(rid, key)] : null;
            return new Row(rid, cid, e.Order, OrderVersion.Of(e), e.Raw.ReceivedAt);
        });
        await Orders.WriteAsync(c, rows, ct, intoTable: "stage_orders");

        await using var cmd = new NpgsqlCommand(Upsert, c);
        cmd.Parameters.Add(new() { Value = replay });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var key = (reader.GetInt64(0), reader.GetString(1));
            written.All.Add(key);
            if (!reader.GetBoolean(2)) written.Replaced.Add(key);
        }
        return written;
    }
}

internal sealed class WrittenOrders
{
    public HashSet<(long RestaurantId, string OrderId)> All { get; } = [];
    /// <summary>Orders that existed before this batch: their old children must go.</summary>
    public HashSet<(long RestaurantId, string OrderId)> Replaced { get; } = [];

    public bool Contains((long, string) key) => All.Contains(key);
}
