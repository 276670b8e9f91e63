using Npgsql;
using NpgsqlTypes;
using OrderAnalytics.Predictions;

namespace OrderAnalytics.Predictor;

/// <summary>Inclusive business dates the models are trained on.</summary>
public sealed record DataWindow(DateOnly From, DateOnly To)
{
    public int Days => To.DayNumber - From.DayNumber + 1;
}

/// <summary>An item sales row with the menu type it belongs to (Ice Cream, Dessert, Extra…).</summary>
public sealed record MenuLineSales(string Type, ItemSales Sales);

/// <summary>
/// Reads the model inputs from the order store with set-based SQL, read-only. Scope: Success orders that are not test
/// orders, with a business date in the window, of one restaurant or of all (restaurantId null). Customers appear by
/// pseudonym only: names, phones and addresses are never selected.
/// </summary>
public sealed class OrderStoreReader(NpgsqlDataSource db)
{
    private static readonly TimeSpan IstOffset = new(5, 30, 0);

    private const string Scope = """
        o.order_status = 'Success' AND NOT o.is_test
        AND o.business_date BETWEEN $2 AND $3
        AND ($1::bigint IS NULL OR o.restaurant_id = $1)
        """;

    /// <summary>The menu item an order line counts for: a confident match, else a verified alias (as the analytics API counts it).</summary>
    private const string MenuLines = """
        JOIN order_items i ON i.restaurant_id = o.restaurant_id AND i.order_id = o.order_id
        LEFT JOIN menu_aliases al ON al.normalised_name = i.normalised_name
        JOIN menu_items m ON m.menu_item_id =
            CASE WHEN i.match_decision = 'matched' AND i.menu_item_id IS NOT NULL THEN i.menu_item_id ELSE al.menu_item_id END
        """;

    /// <summary>Restaurants with at least one Success order, by id.</summary>
    public async Task<IReadOnlyList<long>> RestaurantsAsync(CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            SELECT r.restaurant_id FROM restaurants r
            WHERE EXISTS (SELECT 1 FROM orders o WHERE o.restaurant_id = r.restaurant_id AND o.order_status = 'Success' AND NOT o.is_test)
            ORDER BY r.restaurant_id
            """);
        var ids = new List<long>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) ids.Add(r.GetInt64(0));
        return ids;
    }

    /// <summary>The latest business date with a Success order in scope, or null when there is none.</summary>
    public async Task<DateOnly?> LastBusinessDateAsync(long? restaurantId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            SELECT max(o.business_date) FROM orders o
            WHERE o.order_status = 'Success' AND NOT o.is_test AND ($1::bigint IS NULL OR o.restaurant_id = $1)
            """);
        cmd.Parameters.Add(Restaurant(restaurantId));
        var value = await cmd.ExecuteScalarAsync(ct);
        return value is DateOnly d ? d : null;
    }

    /// <summary>Success orders and revenue (Σ order total) per business day; days without orders are absent.</summary>
    public async Task<IReadOnlyList<DailyPoint>> DailyAsync(long? restaurantId, DataWindow window, CancellationToken ct)
    {
        await using var cmd = Command($"""
            SELECT o.business_date, count(*), coalesce(sum(o.total), 0)
            FROM orders o
            WHERE {Scope}
            GROUP BY o.business_date
            ORDER BY o.business_date
            """, restaurantId, window);
        var points = new List<DailyPoint>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            points.Add(new DailyPoint(r.GetFieldValue<DateOnly>(0), r.GetInt64(1), (double)r.GetDecimal(2)));
        return points;
    }

    /// <summary>Success orders and revenue per business day and IST clock hour of created_on.</summary>
    public async Task<IReadOnlyList<HourlyPoint>> HourlyAsync(long? restaurantId, DataWindow window, CancellationToken ct)
    {
        await using var cmd = Command($"""
            SELECT o.business_date, extract(hour FROM o.created_on)::int, count(*), coalesce(sum(o.total), 0)
            FROM orders o
            WHERE {Scope} AND o.created_on IS NOT NULL
            GROUP BY 1, 2
            ORDER BY 1, 2
            """, restaurantId, window);
        var points = new List<HourlyPoint>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            points.Add(new HourlyPoint(r.GetFieldValue<DateOnly>(0), r.GetInt32(1), r.GetInt64(2), (double)r.GetDecimal(3)));
        return points;
    }

    /// <summary>
    /// Units sold per menu item variant, business day and list unit price, with the discounts allocated to those lines.
    /// One row per price keeps the effective price (Σ price × qty − discount) / Σ qty exact for the elasticity model.
    /// </summary>
    public async Task<IReadOnlyList<MenuLineSales>> ItemSalesAsync(long? restaurantId, DataWindow window, CancellationToken ct)
    {
        await using var cmd = Command($"""
            SELECT m.type, m.name, m.variant, o.business_date, i.unit_price, sum(i.quantity), sum(i.discount_amount)
            FROM orders o
            {MenuLines}
            WHERE {Scope} AND i.quantity > 0
            GROUP BY m.type, m.name, m.variant, o.business_date, i.unit_price
            ORDER BY o.business_date
            """, restaurantId, window);
        var rows = new List<MenuLineSales>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            rows.Add(new MenuLineSales(r.GetString(0),
                new ItemSales(r.GetString(1), r.GetString(2), r.GetFieldValue<DateOnly>(3), r.GetDecimal(4), r.GetDecimal(5), r.GetDecimal(6))));
        return rows;
    }

    /// <summary>One row per Success order of an identified customer: pseudonym (the customer key), business date, total.</summary>
    public async Task<IReadOnlyList<CustomerTransaction>> CustomerTransactionsAsync(long? restaurantId, DataWindow window, CancellationToken ct)
    {
        await using var cmd = Command($"""
            SELECT c.pseudonym, o.business_date, o.total
            FROM orders o
            JOIN customers c ON c.customer_id = o.customer_id
            WHERE {Scope}
            ORDER BY o.business_date
            """, restaurantId, window);
        var rows = new List<CustomerTransaction>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            rows.Add(new CustomerTransaction(r.GetString(0), r.GetFieldValue<DateOnly>(1), r.GetDecimal(2)));
        return rows;
    }

    /// <summary>The distinct menu item names of each Success order, non-product lines (delivery charges, packaging, cups) left out.</summary>
    public async Task<IReadOnlyList<Basket>> BasketsAsync(long? restaurantId, DataWindow window, IReadOnlyCollection<string> nonProductTypes,
        CancellationToken ct)
    {
        await using var cmd = Command($"""
            SELECT o.restaurant_id, o.order_id, o.business_date, array_agg(DISTINCT m.name ORDER BY m.name)
            FROM orders o
            {MenuLines}
            WHERE {Scope} AND m.type <> ALL($4)
            GROUP BY o.restaurant_id, o.order_id, o.business_date
            """, restaurantId, window);
        cmd.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = nonProductTypes.ToArray() });
        var rows = new List<Basket>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            rows.Add(new Basket($"{r.GetInt64(0)}:{r.GetString(1)}", r.GetFieldValue<string[]>(3), r.GetFieldValue<DateOnly>(2)));
        return rows;
    }

    /// <summary>
    /// Delivered Success orders with their status-callback timeline (accepted 1/2/3, food ready 5, dispatched 4,
    /// delivered 10) in IST wall clock, the customer's locality, the units ordered and the order total.
    /// </summary>
    public async Task<IReadOnlyList<DeliveryObservation>> DeliveriesAsync(long? restaurantId, DataWindow window, CancellationToken ct)
    {
        await using var cmd = Command($"""
            WITH timeline AS (
                SELECT e.restaurant_id, e.order_id,
                       min(e.at) FILTER (WHERE e.status_code IN (1, 2, 3)) AS accepted_at,
                       min(e.at) FILTER (WHERE e.status_code = 5) AS food_ready_at,
                       min(e.at) FILTER (WHERE e.status_code = 4) AS dispatched_at,
                       max(e.at) FILTER (WHERE e.status_code = 10) AS delivered_at
                FROM order_status_events e
                WHERE ($1::bigint IS NULL OR e.restaurant_id = $1) AND e.at >= $4
                GROUP BY e.restaurant_id, e.order_id
            )
            SELECT o.order_id, t.accepted_at, t.food_ready_at, t.dispatched_at, t.delivered_at, coalesce(c.locality, ''),
                   (SELECT coalesce(sum(i.quantity), 0) FROM order_items i WHERE i.restaurant_id = o.restaurant_id AND i.order_id = o.order_id),
                   o.total
            FROM timeline t
            JOIN orders o ON o.restaurant_id = t.restaurant_id AND o.order_id = t.order_id
            LEFT JOIN customers c ON c.customer_id = o.customer_id
            WHERE {Scope} AND t.accepted_at IS NOT NULL AND t.delivered_at IS NOT NULL
            ORDER BY t.accepted_at
            """, restaurantId, window);
        // status callbacks of orders in the window cannot be older than the day before its first business date
        cmd.Parameters.Add(new NpgsqlParameter<DateTimeOffset>
        {
            TypedValue = new DateTimeOffset(window.From.AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
        });
        var rows = new List<DeliveryObservation>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            rows.Add(new DeliveryObservation(
                r.GetString(0),
                Ist(r.GetFieldValue<DateTimeOffset>(1)),
                r.IsDBNull(2) ? null : Ist(r.GetFieldValue<DateTimeOffset>(2)),
                r.IsDBNull(3) ? null : Ist(r.GetFieldValue<DateTimeOffset>(3)),
                Ist(r.GetFieldValue<DateTimeOffset>(4)),
                r.GetString(5),
                (int)Math.Round(r.GetDecimal(6)),
                r.GetDecimal(7)));
        return rows;
    }

    private static DateTime Ist(DateTimeOffset instant) => DateTime.SpecifyKind(instant.UtcDateTime + IstOffset, DateTimeKind.Unspecified);

    private NpgsqlCommand Command(string sql, long? restaurantId, DataWindow window)
    {
        var cmd = db.CreateCommand(sql);
        cmd.Parameters.Add(Restaurant(restaurantId));
        cmd.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = window.From });
        cmd.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = window.To });
        return cmd;
    }

    private static NpgsqlParameter Restaurant(long? restaurantId) =>
        new() { NpgsqlDbType = NpgsqlDbType.Bigint, Value = restaurantId is { } id ? id : DBNull.Value };
}
