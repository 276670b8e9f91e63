using Npgsql;
using NpgsqlTypes;
using OrderAnalytics.Contracts;

namespace OrderAnalytics.Loading;

/// <summary>
/// The orders of a batch in one INSERT … ON CONFLICT that only overwrites a stored order when the incoming version
/// is newer. It returns the orders it wrote, and whether each replaced a stored one (xmax is 0 on a freshly inserted
/// row and set on one that ON CONFLICT locked and updated): only those need their old children deleted.
/// </summary>
internal static class OrderSql
{
    private sealed record Row(long RestaurantId, OrderData O, long Version, DateTimeOffset ReceivedAt);

    private static readonly TimeSpan Ist = TimeSpan.FromMinutes(330);

    private static readonly UnnestRows<Row> Orders = new UnnestRows<Row>()
        .Column("restaurant_id", NpgsqlDbType.Bigint, r => r.RestaurantId)
        .Column("order_id", NpgsqlDbType.Text, r => r.O.OrderId)
        .Column("customer_key", NpgsqlDbType.Text, r => r.O.Customer?.CustomerKey)
        // The locality of this order's own address (not the customer's latest): a replay in any order gives the same rows.
        .Column("locality", NpgsqlDbType.Text, r => r.O.Customer?.Locality)
        .Column("version", NpgsqlDbType.Bigint, r => r.Version)
        .Column("stream_id", NpgsqlDbType.Bigint, r => r.O.StreamId)
        .Column("event_id", NpgsqlDbType.Text, r => r.O.EventId)
        // timestamptz takes only UTC offsets in Npgsql; created_on is the IST wall clock (timestamp without time zone).
        .Column("occurred_at", NpgsqlDbType.TimestampTz, r => (r.O.OccurredAt ?? r.ReceivedAt).ToUniversalTime())
        .Column("created_on", NpgsqlDbType.Timestamp, r => r.O.CreatedAtUtc is { } utc ? DateTime.SpecifyKind((utc + Ist).DateTime, DateTimeKind.Unspecified) : (DateTime?)null)
        .Column("created_at_utc", NpgsqlDbType.TimestampTz, r => r.O.CreatedAtUtc?.ToUniversalTime())
        .Column("business_date", NpgsqlDbType.Date, r => r.O.BusinessDate)
        .Column("order_type", NpgsqlDbType.Text, r => r.O.OrderType)
        .Column("order_from", NpgsqlDbType.Text, r => r.O.OrderFrom)
        .Column("sub_order_type", NpgsqlDbType.Text, r => r.O.SubOrderType)
        .Column("order_status", NpgsqlDbType.Text, r => r.O.Status)
        .Column("payment_type", NpgsqlDbType.Text, r => r.O.PaymentType)
        .Column("biller", NpgsqlDbType.Text, r => r.O.Biller)
        .Column("order_from_id", NpgsqlDbType.Text, r => r.O.OrderFromId)
        .Column("customer_invoice_id", NpgsqlDbType.Text, r => r.O.CustomerInvoiceId)
        .Column("table_no", NpgsqlDbType.Text, r => r.O.TableNo)
        .Column("token_no", NpgsqlDbType.Text, r => r.O.TokenNo)
        .Column("assignee", NpgsqlDbType.Text, r => r.O.Assignee)
        .Column("no_of_persons", NpgsqlDbType.Integer, r => r.O.NoOfPersons)
        .Column("comment", NpgsqlDbType.Text, r => r.O.Comment)
        .Column("core_total", NpgsqlDbType.Numeric, r => r.O.CoreTotal)
        .Column("tax_total", NpgsqlDbType.Numeric, r => r.O.TaxTotal)
        .Column("discount_total", NpgsqlDbType.Numeric, r => r.O.DiscountTotal)
        .Column("delivery_charges", NpgsqlDbType.Numeric, r => r.O.DeliveryCharges)
        .Column("packaging_charge", NpgsqlDbType.Numeric, r => r.O.PackagingCharge)
        .Column("service_charge", NpgsqlDbType.Numeric, r => r.O.ServiceCharge)
        .Column("round_off", NpgsqlDbType.Numeric, r => r.O.RoundOff)
        .Column("total", NpgsqlDbType.Numeric, r => r.O.Total)
        .Column("dialect", NpgsqlDbType.Text, r => r.O.Dialect)
        .Column("is_test", NpgsqlDbType.Boolean, r => r.O.Flags.Any(f => f.Code == "test_order"));

    private static readonly string[] Stored = [.. Orders.Names.Where(n => n != "customer_key")];
    private static readonly int Now = Orders.Names.Count() + 1, Replay = Now + 1;

    private static readonly string Upsert = $"""
        INSERT INTO orders ({string.Join(", ", Stored)}, customer_id, created_at, updated_at)
        SELECT {string.Join(", ", Stored.Select(n => "u." + n))},
               (SELECT c.customer_id FROM customers c WHERE c.restaurant_id = u.restaurant_id AND c.customer_key = u.customer_key),
               ${Now}, ${Now}
        FROM {Orders.From()}
        ON CONFLICT (restaurant_id, order_id) DO UPDATE SET
            {string.Join(",\n    ", Stored.Append("customer_id").Append("updated_at")
                .Where(n => n is not ("restaurant_id" or "order_id")).Select(n => $"{n} = EXCLUDED.{n}"))}
        WHERE orders.version < EXCLUDED.version
           OR (${Replay} AND orders.version = EXCLUDED.version)
           OR (orders.version = 0 AND EXCLUDED.version = 0 AND orders.occurred_at < EXCLUDED.occurred_at)
        RETURNING restaurant_id, order_id, xmax <> 0
        """;

    /// <summary>Adds the upsert; its result rows are (restaurant_id, order_id, replaced) of the orders written.</summary>
    /// <param name="orders">One event per order, in key order (the lock order of concurrent batches).</param>
    public static NpgsqlBatchCommand AddUpsert(NpgsqlBatch batch, IReadOnlyList<CleanedEvent> orders,
        IReadOnlyDictionary<string, long> restaurantIds, bool replay, DateTimeOffset now)
    {
        var command = new NpgsqlBatchCommand(Upsert);
        Orders.AddParameters(command, orders.Select(e =>
            new Row(restaurantIds[e.Order!.RestaurantRef], e.Order, OrderVersion.Of(e), e.Raw.ReceivedAt)).ToList());
        command.Parameters.Add(new() { Value = now.ToUniversalTime() });
        command.Parameters.Add(new() { Value = replay });
        batch.BatchCommands.Add(command);
        return command;
    }
}
