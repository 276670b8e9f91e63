using System.Text;
using Npgsql;

namespace OrderAnalytics.Analytics.Queries;

/// <summary>One stored order (its latest version). <see cref="RestaurantId"/> is internal; the API shows <see cref="Restaurant"/> (restID).</summary>
public sealed record OrderRow(
    long RestaurantId, string Restaurant, string OrderId, long? CustomerId, long? StreamId, DateOnly? BusinessDate, DateTime? CreatedOn,
    DateTimeOffset? CreatedAtUtc, string? OrderType, string? Channel, string? SubOrderType, string? Status, string? PaymentType,
    decimal CoreTotal, decimal DiscountTotal, decimal TaxTotal, decimal PackagingCharge, decimal DeliveryCharges, decimal ServiceCharge,
    decimal RoundOff, decimal Total, bool IsTest, string Dialect)
{
    public OrderKey Key => new(RestaurantId, OrderId);
}

public readonly record struct OrderKey(long RestaurantId, string OrderId);

public readonly record struct LineKey(long RestaurantId, string OrderId, int LineNo);

public sealed record OrderLine(
    long RestaurantId, string OrderId, int LineNo, string NameRaw, long? MenuItemId, string? MenuItemName, string? MenuItemType,
    string? Variant, string? MatchDecision, double? MatchScore, decimal Quantity, decimal UnitPrice, decimal TotalPrice,
    decimal DiscountAmount, decimal TaxAmount, string? CategoryName)
{
    public LineKey Key => new(RestaurantId, OrderId, LineNo);
}

public sealed record OrderLineAddon(string Name, string? Group, decimal Quantity, decimal Price);

public sealed record OrderTaxLine(string Title, string? Type, decimal Rate, decimal Amount);

public sealed record OrderDiscountLine(string Title, string? Type, decimal Rate, decimal Amount);

public sealed record OrderPartPaymentLine(string PaymentType, decimal Amount);

public sealed record OrderFlag(string Code, string Detail);

/// <summary>A customer as stored. Personal fields are only ever shown to admins (the GraphQL layer enforces it).</summary>
public sealed record CustomerRow(long CustomerId, string Pseudonym, string? Locality, string? Name, string? Phone, string? Address, string? Gstin);

/// <summary>Keyset position in the orders listing: (business date, created_on, restaurant id, order id).</summary>
public sealed record OrderCursor(DateOnly BusinessDate, DateTime CreatedOn, long RestaurantId, string OrderId)
{
    public string Encode() => Convert.ToBase64String(Encoding.UTF8.GetBytes(
        $"{BusinessDate.DayNumber}|{CreatedOn.Ticks}|{RestaurantId}|{OrderId}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static OrderCursor? TryDecode(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 400) return null;
        try
        {
            var b64 = text.Replace('-', '+').Replace('_', '/');
            b64 += new string('=', (4 - b64.Length % 4) % 4);
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(b64)).Split('|', 4);
            if (parts.Length != 4) return null;
            return new OrderCursor(DateOnly.FromDayNumber(int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture)),
                new DateTime(long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)),
                long.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture), parts[3]);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentOutOfRangeException or OverflowException)
        {
            return null;
        }
    }

    public static OrderCursor Of(OrderRow row) => new(row.BusinessDate!.Value, row.CreatedOn!.Value, row.RestaurantId, row.OrderId);
}

public sealed record OrderPage(IReadOnlyList<OrderRow> Orders, bool HasNextPage, AnalyticsFilter Filter, string? Status);

/// <summary>Single orders, the date-range listing (keyset paging) and the children of many orders at once (for batch loaders).</summary>
public sealed class OrderQueries(NpgsqlDataSource db)
{
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 20;

    private const string Columns = """
        o.restaurant_id, r.petpooja_restid, o.order_id, o.customer_id, o.stream_id, o.business_date, o.created_on, o.created_at_utc,
        o.order_type, o.order_from, o.sub_order_type, o.order_status, o.payment_type, o.core_total, o.discount_total, o.tax_total,
        o.packaging_charge, o.delivery_charges, o.service_charge, o.round_off, o.total, o.is_test, o.dialect
        """;

    /// <summary>The orders with this PetPooja order id (one per restaurant that has it), optionally in one restaurant.</summary>
    public async Task<IReadOnlyList<OrderRow>> FindAsync(string orderId, string? restaurant, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand();
        cmd.CommandText = $"""
            SELECT {Columns}
            FROM restaurants r JOIN orders o ON o.restaurant_id = r.restaurant_id AND o.order_id = {cmd.Param(orderId)}
            {(restaurant is null ? "" : $"WHERE r.petpooja_restid = {cmd.Param(restaurant)}")}
            ORDER BY r.petpooja_restid
            """;
        return await ReadOrdersAsync(cmd, ct);
    }

    /// <summary>Orders in scope (all statuses unless <paramref name="status"/>) by business date and time, after <paramref name="after"/>.</summary>
    public async Task<OrderPage> PageAsync(AnalyticsFilter filter, string? status, int first, OrderCursor? after, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand();
        var where = new StringBuilder(OrderFacts.Scope(filter, cmd)).Append(" AND o.created_on IS NOT NULL");
        if (status is not null) where.Append(" AND o.order_status = ").Append(cmd.Param(status));
        if (after is not null)
            where.Append($" AND (o.business_date, o.created_on, o.restaurant_id, o.order_id) > ({cmd.Param(after.BusinessDate)}, " +
                         $"{cmd.Param(after.CreatedOn)}, {cmd.Param(after.RestaurantId)}, {cmd.Param(after.OrderId)})");
        cmd.CommandText = $"""
            SELECT {Columns}
            FROM orders o JOIN restaurants r ON r.restaurant_id = o.restaurant_id
            WHERE {where}
            ORDER BY o.business_date, o.created_on, o.restaurant_id, o.order_id
            LIMIT {cmd.Param(first + 1)}
            """;
        var rows = await ReadOrdersAsync(cmd, ct);
        return new OrderPage(rows.Take(first).ToList(), rows.Count > first, filter, status);
    }

    public async Task<long> CountAsync(AnalyticsFilter filter, string? status, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand();
        var where = OrderFacts.Scope(filter, cmd) + " AND o.created_on IS NOT NULL"
            + (status is null ? "" : $" AND o.order_status = {cmd.Param(status)}");
        cmd.CommandText = $"SELECT count(*) FROM orders o WHERE {where}";
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    public async Task<ILookup<OrderKey, OrderLine>> LinesAsync(IReadOnlyCollection<OrderKey> keys, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand();
        cmd.CommandText = $"""
            SELECT i.restaurant_id, i.order_id, i.line_no, i.name_raw, m.menu_item_id, m.name, m.type, m.variant, i.match_decision,
                   i.match_score, i.quantity, i.unit_price, i.total_price, i.discount_amount, i.tax_amount, i.category_name
            FROM {KeysTable(cmd, keys)}
            JOIN order_items i ON i.restaurant_id = k.r AND i.order_id = k.o
            LEFT JOIN menu_aliases al ON al.normalised_name = i.normalised_name
            LEFT JOIN menu_items m ON m.menu_item_id = {ItemQueries.EffectiveMenuItem}
            ORDER BY i.restaurant_id, i.order_id, i.line_no
            """;
        var rows = new List<OrderLine>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            rows.Add(new OrderLine(r.GetInt64(0), r.GetString(1), r.GetInt32(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetInt64(4),
                r.GetNullableString(5), r.GetNullableString(6), r.GetNullableString(7), r.GetNullableString(8), r.IsDBNull(9) ? null : r.GetDouble(9),
                r.GetDecimal(10), r.GetDecimal(11), r.GetDecimal(12), r.GetDecimal(13), r.GetDecimal(14), r.GetNullableString(15)));
        return rows.ToLookup(l => new OrderKey(l.RestaurantId, l.OrderId));
    }

    public async Task<ILookup<LineKey, OrderLineAddon>> AddonsAsync(IReadOnlyCollection<LineKey> keys, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand();
        cmd.CommandText = $"""
            SELECT a.restaurant_id, a.order_id, a.line_no, a.addon_name, a.group_name, a.quantity, a.price
            FROM unnest({cmd.Param(keys.Select(k => k.RestaurantId).ToArray())}, {cmd.Param(keys.Select(k => k.OrderId).ToArray())},
                        {cmd.Param(keys.Select(k => k.LineNo).ToArray())}) AS k(r, o, l)
            JOIN order_item_addons a ON a.restaurant_id = k.r AND a.order_id = k.o AND a.line_no = k.l
            ORDER BY a.restaurant_id, a.order_id, a.line_no, a.addon_line_no
            """;
        var rows = new List<(LineKey Key, OrderLineAddon Addon)>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            rows.Add((new LineKey(r.GetInt64(0), r.GetString(1), r.GetInt32(2)),
                new OrderLineAddon(r.GetString(3), r.GetNullableString(4), r.GetDecimal(5), r.GetDecimal(6))));
        return rows.ToLookup(x => x.Key, x => x.Addon);
    }

    public Task<ILookup<OrderKey, OrderTaxLine>> TaxesAsync(IReadOnlyCollection<OrderKey> keys, CancellationToken ct) =>
        ChildrenAsync(keys, "SELECT c.restaurant_id, c.order_id, c.tax_title, c.tax_type, c.tax_rate, c.tax_amount", "order_taxes", "c.line_no",
            r => new OrderTaxLine(r.GetString(2), r.GetNullableString(3), r.GetDecimal(4), r.GetDecimal(5)), ct);

    public Task<ILookup<OrderKey, OrderDiscountLine>> DiscountsAsync(IReadOnlyCollection<OrderKey> keys, CancellationToken ct) =>
        ChildrenAsync(keys, "SELECT c.restaurant_id, c.order_id, c.discount_title, c.discount_type, c.discount_rate, c.discount_amount",
            "order_discounts", "c.line_no", r => new OrderDiscountLine(r.GetString(2), r.GetNullableString(3), r.GetDecimal(4), r.GetDecimal(5)), ct);

    public Task<ILookup<OrderKey, OrderPartPaymentLine>> PartPaymentsAsync(IReadOnlyCollection<OrderKey> keys, CancellationToken ct) =>
        ChildrenAsync(keys, "SELECT c.restaurant_id, c.order_id, c.payment_type, c.amount", "order_part_payments", "c.line_no",
            r => new OrderPartPaymentLine(r.GetString(2), r.GetDecimal(3)), ct);

    public Task<ILookup<OrderKey, OrderFlag>> FlagsAsync(IReadOnlyCollection<OrderKey> keys, CancellationToken ct) =>
        ChildrenAsync(keys, "SELECT c.restaurant_id, c.order_id, c.code, c.detail", "order_quality_flags", "c.code",
            r => new OrderFlag(r.GetString(2), r.GetString(3)), ct);

    public async Task<IReadOnlyDictionary<long, CustomerRow>> CustomersAsync(IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand();
        cmd.CommandText = $"""
            SELECT customer_id, pseudonym, locality, name, phone, address, gstin FROM customers WHERE customer_id = ANY({cmd.Param(ids.ToArray())})
            """;
        var rows = new Dictionary<long, CustomerRow>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            rows[r.GetInt64(0)] = new CustomerRow(r.GetInt64(0), r.GetString(1), r.GetNullableString(2), r.GetNullableString(3),
                r.GetNullableString(4), r.GetNullableString(5), r.GetNullableString(6));
        return rows;
    }

    private async Task<ILookup<OrderKey, T>> ChildrenAsync<T>(IReadOnlyCollection<OrderKey> keys, string select, string table, string order,
        Func<NpgsqlDataReader, T> read, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand();
        cmd.CommandText = $"""
            {select}
            FROM {KeysTable(cmd, keys)} JOIN {table} c ON c.restaurant_id = k.r AND c.order_id = k.o
            ORDER BY c.restaurant_id, c.order_id, {order}
            """;
        var rows = new List<(OrderKey Key, T Value)>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) rows.Add((new OrderKey(r.GetInt64(0), r.GetString(1)), read(r)));
        return rows.ToLookup(x => x.Key, x => x.Value);
    }

    private static string KeysTable(NpgsqlCommand cmd, IReadOnlyCollection<OrderKey> keys) =>
        $"unnest({cmd.Param(keys.Select(k => k.RestaurantId).ToArray())}, {cmd.Param(keys.Select(k => k.OrderId).ToArray())}) AS k(r, o)";

    private static async Task<IReadOnlyList<OrderRow>> ReadOrdersAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        var rows = new List<OrderRow>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            rows.Add(new OrderRow(r.GetInt64(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetInt64(3),
                r.IsDBNull(4) ? null : r.GetInt64(4), r.IsDBNull(5) ? null : r.GetFieldValue<DateOnly>(5),
                r.IsDBNull(6) ? null : r.GetDateTime(6), r.IsDBNull(7) ? null : r.GetFieldValue<DateTimeOffset>(7),
                r.GetNullableString(8), r.GetNullableString(9), r.GetNullableString(10), r.GetNullableString(11), r.GetNullableString(12),
                r.GetDecimal(13), r.GetDecimal(14), r.GetDecimal(15), r.GetDecimal(16), r.GetDecimal(17), r.GetDecimal(18), r.GetDecimal(19),
                r.GetDecimal(20), r.GetBoolean(21), r.GetString(22)));
        return rows;
    }
}
