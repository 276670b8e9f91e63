using Npgsql;
using NpgsqlTypes;
using OrderAnalytics.Contracts;

namespace OrderAnalytics.Loading.Benchmarks;

/// <summary>
/// The yardstick: the rows the loader ends up with — every raw event in the landing table, each customer once, and the
/// final version of each order with its items, addons, taxes and discounts — written by plain binary COPY (one
/// connection, typed writes, no staging, no upsert) into empty copies of the loader's tables (same columns, indexes,
/// constraints except foreign keys, and storage settings). The landing and customers are timed apart, so the ratio can
/// be given against the order tables alone as well.
/// </summary>
internal sealed class CopyBaseline(NpgsqlDataSource dataSource, byte[] pseudonymKey)
{
    private static readonly string[] Tables = ["raw_events", "customers", "orders", "order_items", "order_item_addons", "order_taxes", "order_discounts"];
    private readonly HashSet<(long, string)> _customersCopied = [];
    private static readonly TimeSpan Ist = TimeSpan.FromMinutes(330);

    public static async Task CreateTablesAsync(NpgsqlDataSource dataSource)
    {
        foreach (var t in Tables)
        {
            await using var cmd = dataSource.CreateCommand($"CREATE TABLE copy_{t} (LIKE {t} INCLUDING ALL)");
            await cmd.ExecuteNonQueryAsync();
        }
        // LIKE copies column compression but not table storage parameters.
        await using var toast = dataSource.CreateCommand("ALTER TABLE copy_raw_events SET (toast_tuple_target = 512)");
        await toast.ExecuteNonQueryAsync();
    }

    /// <summary>Every event of the chunk into the landing table, and the customers not copied before.</summary>
    public async Task CopyLandingAsync(IReadOnlyList<CleanedEvent> events, Ids ids)
    {
        await using var c = await dataSource.OpenConnectionAsync();
        await using var tx = await c.BeginTransactionAsync();
        var now = DateTimeOffset.UtcNow;
        using (var w = await c.BeginBinaryImportAsync("""
            COPY copy_raw_events (event_id, stream_id, source, received_at, payload, outcome, reason, restaurant_ref, order_id, processed_at)
            FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var e in events)
            {
                w.StartRow();
                w.Write(e.Raw.EventId, NpgsqlDbType.Text);
                Value(w, e.Raw.StreamId, NpgsqlDbType.Bigint);
                w.Write(e.Raw.Source, NpgsqlDbType.Text);
                w.Write(e.Raw.ReceivedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
                w.Write(e.Raw.Payload, NpgsqlDbType.Text);
                w.Write(e.Outcome, NpgsqlDbType.Text);
                Text(w, e.Reason);
                Text(w, e.Order?.RestaurantRef ?? e.Status?.RestaurantRef);
                Text(w, e.Order?.OrderId ?? e.Status?.OrderId);
                w.Write(now, NpgsqlDbType.TimestampTz);
            }
            await w.CompleteAsync();
        }
        using (var w = await c.BeginBinaryImportAsync("""
            COPY copy_customers (restaurant_id, customer_key, pseudonym, name, phone, address, locality, gstin, created_at, updated_at)
            FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var o in events.Select(e => e.Order).OfType<OrderData>())
            {
                if (o.Customer is not { CustomerKey: { } key } customer) continue;
                var r = ids.Restaurants[o.RestaurantRef];
                if (!_customersCopied.Add((r, key))) continue;
                w.StartRow();
                w.Write(r, NpgsqlDbType.Bigint);
                w.Write(key, NpgsqlDbType.Text);
                w.Write(OrderAnalytics.Orders.PersonalData.Pseudonym(key, pseudonymKey), NpgsqlDbType.Text);
                Text(w, customer.Name);
                Text(w, customer.PhoneE164);
                Text(w, customer.Address);
                Text(w, customer.Locality);
                Text(w, customer.Gstin);
                w.Write(now, NpgsqlDbType.TimestampTz);
                w.Write(now, NpgsqlDbType.TimestampTz);
            }
            await w.CompleteAsync();
        }
        await tx.CommitAsync();
    }

    /// <summary>Ids the COPY rows refer to, read from what the loader registered (not timed).</summary>
    public sealed record Ids(Dictionary<string, long> Restaurants, Dictionary<(long, string), long> Customers, Dictionary<(string, string), long> Addons);

    public async Task<Ids> ReadIdsAsync()
    {
        var ids = new Ids(new(), new(), new());
        await using var c = await dataSource.OpenConnectionAsync();
        await using (var r = await new NpgsqlCommand("SELECT petpooja_restid, restaurant_id FROM restaurants", c).ExecuteReaderAsync())
            while (await r.ReadAsync()) ids.Restaurants[r.GetString(0)] = r.GetInt64(1);
        await using (var r = await new NpgsqlCommand("SELECT restaurant_id, customer_key, customer_id FROM customers", c).ExecuteReaderAsync())
            while (await r.ReadAsync()) ids.Customers[(r.GetInt64(0), r.GetString(1))] = r.GetInt64(2);
        await using (var r = await new NpgsqlCommand("SELECT name, group_name, addon_id FROM addons", c).ExecuteReaderAsync())
            while (await r.ReadAsync()) ids.Addons[(r.GetString(0), r.GetString(1))] = r.GetInt64(2);
        return ids;
    }

    public async Task CopyAsync(IReadOnlyList<OrderData> orders, Ids ids)
    {
        await using var c = await dataSource.OpenConnectionAsync();
        await using var tx = await c.BeginTransactionAsync();
        var now = DateTimeOffset.UtcNow;
        long R(OrderData o) => ids.Restaurants[o.RestaurantRef];

        using (var w = await c.BeginBinaryImportAsync("""
            COPY copy_orders (restaurant_id, order_id, customer_id, version, stream_id, event_id, occurred_at, created_on, created_at_utc,
                business_date, order_type, order_from, sub_order_type, order_status, payment_type, biller, order_from_id,
                customer_invoice_id, table_no, token_no, assignee, no_of_persons, comment, core_total, tax_total, discount_total,
                delivery_charges, packaging_charge, service_charge, round_off, total, dialect, is_test, created_at, updated_at, locality) FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var o in orders)
            {
                var r = R(o);
                w.StartRow();
                w.Write(r, NpgsqlDbType.Bigint);
                w.Write(o.OrderId, NpgsqlDbType.Text);
                Value<long>(w, o.Customer?.CustomerKey is { } k ? ids.Customers[(r, k)] : null, NpgsqlDbType.Bigint);
                w.Write(o.StreamId ?? 0, NpgsqlDbType.Bigint);
                Value(w, o.StreamId, NpgsqlDbType.Bigint);
                Text(w, o.EventId);
                Value(w, o.OccurredAt?.ToUniversalTime(), NpgsqlDbType.TimestampTz);
                Value<DateTime>(w, o.CreatedAtUtc is { } utc ? DateTime.SpecifyKind((utc + Ist).DateTime, DateTimeKind.Unspecified) : null, NpgsqlDbType.Timestamp);
                Value(w, o.CreatedAtUtc?.ToUniversalTime(), NpgsqlDbType.TimestampTz);
                Value(w, o.BusinessDate, NpgsqlDbType.Date);
                foreach (var s in new[] { o.OrderType, o.OrderFrom, o.SubOrderType, o.Status, o.PaymentType, o.Biller, o.OrderFromId,
                             o.CustomerInvoiceId, o.TableNo, o.TokenNo, o.Assignee }) Text(w, s);
                Value(w, o.NoOfPersons, NpgsqlDbType.Integer);
                Text(w, o.Comment);
                foreach (var m in new[] { o.CoreTotal, o.TaxTotal, o.DiscountTotal, o.DeliveryCharges, o.PackagingCharge, o.ServiceCharge,
                             o.RoundOff, o.Total }) w.Write(m, NpgsqlDbType.Numeric);
                w.Write(o.Dialect, NpgsqlDbType.Text);
                w.Write(o.Flags.Any(f => f.Code == "test_order"), NpgsqlDbType.Boolean);
                w.Write(now, NpgsqlDbType.TimestampTz);
                w.Write(now, NpgsqlDbType.TimestampTz);
                Text(w, o.Customer?.Locality);
            }
            await w.CompleteAsync();
        }

        using (var w = await c.BeginBinaryImportAsync("""
            COPY copy_order_items (restaurant_id, order_id, line_no, menu_item_id, petpooja_itemid, itemcode, name_raw, quantity, unit_price,
                total_price, tax_amount, discount_amount, category_name, category_id, specialnotes, sap_code, vendoritemcode, match_decision, match_score,
                normalised_name) FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var o in orders)
            foreach (var i in o.Items)
            {
                w.StartRow();
                w.Write(R(o), NpgsqlDbType.Bigint);
                w.Write(o.OrderId, NpgsqlDbType.Text);
                w.Write(i.LineNo, NpgsqlDbType.Integer);
                w.WriteNull();
                Text(w, i.PetpoojaItemId);
                Text(w, i.ItemCode);
                w.Write(i.NameRaw, NpgsqlDbType.Text);
                foreach (var m in new[] { i.Quantity, i.UnitPrice, i.TotalPrice, i.TaxAmount, i.DiscountAmount }) w.Write(m, NpgsqlDbType.Numeric);
                foreach (var s in new[] { i.CategoryName, i.CategoryId, i.SpecialNotes, i.SapCode, i.VendorItemCode, i.Match?.Decision }) Text(w, s);
                Value(w, i.Match?.Score, NpgsqlDbType.Double);
                Text(w, i.Match?.NormalisedName);
            }
            await w.CompleteAsync();
        }

        using (var w = await c.BeginBinaryImportAsync("""
            COPY copy_order_item_addons (restaurant_id, order_id, line_no, addon_line_no, addon_id, petpooja_addonid, addon_name, group_name,
                group_id, quantity, price, addon_sap_code) FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var o in orders)
            foreach (var i in o.Items)
            for (var n = 0; n < i.Addons.Count; n++)
            {
                var a = i.Addons[n];
                w.StartRow();
                w.Write(R(o), NpgsqlDbType.Bigint);
                w.Write(o.OrderId, NpgsqlDbType.Text);
                w.Write(i.LineNo, NpgsqlDbType.Integer);
                w.Write(n + 1, NpgsqlDbType.Integer);
                w.Write(ids.Addons[(a.Name, a.GroupName ?? "")], NpgsqlDbType.Bigint);
                Text(w, a.PetpoojaAddonId);
                w.Write(a.Name, NpgsqlDbType.Text);
                Text(w, a.GroupName);
                Text(w, a.GroupId);
                w.Write(a.Quantity, NpgsqlDbType.Numeric);
                w.Write(a.Price, NpgsqlDbType.Numeric);
                Text(w, a.SapCode);
            }
            await w.CompleteAsync();
        }

        await CopyLinesAsync(c, "copy_order_taxes (restaurant_id, order_id, line_no, tax_title, tax_id, tax_type, tax_rate, tax_amount)",
            orders, o => o.Taxes.Select(t => (t.Title, t.TaxId, t.Type, t.Rate, t.Amount)), R);
        await CopyLinesAsync(c, "copy_order_discounts (restaurant_id, order_id, line_no, discount_title, discount_id, discount_type, discount_rate, discount_amount)",
            orders, o => o.Discounts.Select(d => (d.Title, d.DiscountId, d.Type, d.Rate, d.Amount)), R);
        await tx.CommitAsync();
    }

    private static async Task CopyLinesAsync(NpgsqlConnection c, string target, IReadOnlyList<OrderData> orders,
        Func<OrderData, IEnumerable<(string Title, string? Id, string? Type, decimal Rate, decimal Amount)>> lines, Func<OrderData, long> restaurant)
    {
        using var w = await c.BeginBinaryImportAsync($"COPY {target} FROM STDIN (FORMAT BINARY)");
        foreach (var o in orders)
        {
            var n = 0;
            foreach (var line in lines(o))
            {
                w.StartRow();
                w.Write(restaurant(o), NpgsqlDbType.Bigint);
                w.Write(o.OrderId, NpgsqlDbType.Text);
                w.Write(++n, NpgsqlDbType.Integer);
                w.Write(line.Title, NpgsqlDbType.Text);
                Text(w, line.Id);
                Text(w, line.Type);
                w.Write(line.Rate, NpgsqlDbType.Numeric);
                w.Write(line.Amount, NpgsqlDbType.Numeric);
            }
        }
        await w.CompleteAsync();
    }

    public async Task<(long Orders, long Items)> CountAsync()
    {
        await using var cmd = dataSource.CreateCommand("SELECT (SELECT count(*) FROM copy_orders), (SELECT count(*) FROM copy_order_items)");
        await using var r = await cmd.ExecuteReaderAsync();
        await r.ReadAsync();
        return (r.GetInt64(0), r.GetInt64(1));
    }

    private static void Text(NpgsqlBinaryImporter w, string? value)
    {
        if (value is null) w.WriteNull();
        else w.Write(value, NpgsqlDbType.Text);
    }

    private static void Value<T>(NpgsqlBinaryImporter w, T? value, NpgsqlDbType type) where T : struct
    {
        if (value is { } v) w.Write(v, type);
        else w.WriteNull();
    }
}
