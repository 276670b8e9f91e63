using Npgsql;
using NpgsqlTypes;
using OrderAnalytics.Contracts;

namespace OrderAnalytics.Loading;

/// <summary>
/// Children of the orders a batch wrote: old rows deleted, new rows inserted — replaced, never appended (the mistake
/// that made the earlier Python tooling double-count re-sent orders). Both only touch orders the upsert returned as
/// written, in the same transaction; an order that lost to a stored newer version keeps its children. That is also why
/// the child tables need no foreign key to orders: a child row is only ever written beside its row-locked order.
/// </summary>
internal static class ChildSql
{
    private sealed record Item(long R, OrderData O, OrderItemData I, long? MenuItemId);
    private sealed record ItemAddon(long R, OrderData O, OrderItemData I, int AddonLineNo, AddonData A, long AddonId);
    private sealed record Line<T>(long R, OrderData O, int LineNo, T Value);

    private static readonly UnnestRows<Item> Items = new UnnestRows<Item>()
        .Column("restaurant_id", NpgsqlDbType.Bigint, x => x.R)
        .Column("order_id", NpgsqlDbType.Text, x => x.O.OrderId)
        .Column("line_no", NpgsqlDbType.Integer, x => x.I.LineNo)
        .Column("menu_item_id", NpgsqlDbType.Bigint, x => x.MenuItemId)
        .Column("petpooja_itemid", NpgsqlDbType.Text, x => x.I.PetpoojaItemId)
        .Column("itemcode", NpgsqlDbType.Text, x => x.I.ItemCode)
        .Column("name_raw", NpgsqlDbType.Text, x => x.I.NameRaw)
        .Column("quantity", NpgsqlDbType.Numeric, x => x.I.Quantity)
        .Column("unit_price", NpgsqlDbType.Numeric, x => x.I.UnitPrice)
        .Column("total_price", NpgsqlDbType.Numeric, x => x.I.TotalPrice)
        .Column("tax_amount", NpgsqlDbType.Numeric, x => x.I.TaxAmount)
        .Column("discount_amount", NpgsqlDbType.Numeric, x => x.I.DiscountAmount)
        .Column("category_name", NpgsqlDbType.Text, x => x.I.CategoryName)
        .Column("category_id", NpgsqlDbType.Text, x => x.I.CategoryId)
        .Column("specialnotes", NpgsqlDbType.Text, x => x.I.SpecialNotes)
        .Column("sap_code", NpgsqlDbType.Text, x => x.I.SapCode)
        .Column("vendoritemcode", NpgsqlDbType.Text, x => x.I.VendorItemCode)
        .Column("match_decision", NpgsqlDbType.Text, x => x.I.Match?.Decision)
        .Column("match_score", NpgsqlDbType.Double, x => x.I.Match?.Score)
        .Column("normalised_name", NpgsqlDbType.Text, x => x.I.Match?.NormalisedName);

    private static readonly UnnestRows<ItemAddon> Addons = new UnnestRows<ItemAddon>()
        .Column("restaurant_id", NpgsqlDbType.Bigint, x => x.R)
        .Column("order_id", NpgsqlDbType.Text, x => x.O.OrderId)
        .Column("line_no", NpgsqlDbType.Integer, x => x.I.LineNo)
        .Column("addon_line_no", NpgsqlDbType.Integer, x => x.AddonLineNo)
        .Column("addon_id", NpgsqlDbType.Bigint, x => x.AddonId)
        .Column("petpooja_addonid", NpgsqlDbType.Text, x => x.A.PetpoojaAddonId)
        .Column("addon_name", NpgsqlDbType.Text, x => x.A.Name)
        .Column("group_name", NpgsqlDbType.Text, x => x.A.GroupName)
        .Column("group_id", NpgsqlDbType.Text, x => x.A.GroupId)
        .Column("quantity", NpgsqlDbType.Numeric, x => x.A.Quantity)
        .Column("price", NpgsqlDbType.Numeric, x => x.A.Price)
        .Column("addon_sap_code", NpgsqlDbType.Text, x => x.A.SapCode);

    private static readonly UnnestRows<Line<TaxData>> Taxes = new UnnestRows<Line<TaxData>>()
        .Column("restaurant_id", NpgsqlDbType.Bigint, x => x.R)
        .Column("order_id", NpgsqlDbType.Text, x => x.O.OrderId)
        .Column("line_no", NpgsqlDbType.Integer, x => x.LineNo)
        .Column("tax_title", NpgsqlDbType.Text, x => x.Value.Title)
        .Column("tax_id", NpgsqlDbType.Text, x => x.Value.TaxId)
        .Column("tax_rate", NpgsqlDbType.Numeric, x => x.Value.Rate)
        .Column("tax_type", NpgsqlDbType.Text, x => x.Value.Type)
        .Column("tax_amount", NpgsqlDbType.Numeric, x => x.Value.Amount);

    private static readonly UnnestRows<Line<DiscountData>> Discounts = new UnnestRows<Line<DiscountData>>()
        .Column("restaurant_id", NpgsqlDbType.Bigint, x => x.R)
        .Column("order_id", NpgsqlDbType.Text, x => x.O.OrderId)
        .Column("line_no", NpgsqlDbType.Integer, x => x.LineNo)
        .Column("discount_title", NpgsqlDbType.Text, x => x.Value.Title)
        .Column("discount_id", NpgsqlDbType.Text, x => x.Value.DiscountId)
        .Column("discount_type", NpgsqlDbType.Text, x => x.Value.Type)
        .Column("discount_rate", NpgsqlDbType.Numeric, x => x.Value.Rate)
        .Column("discount_amount", NpgsqlDbType.Numeric, x => x.Value.Amount);

    private static readonly UnnestRows<Line<PartPaymentData>> PartPayments = new UnnestRows<Line<PartPaymentData>>()
        .Column("restaurant_id", NpgsqlDbType.Bigint, x => x.R)
        .Column("order_id", NpgsqlDbType.Text, x => x.O.OrderId)
        .Column("line_no", NpgsqlDbType.Integer, x => x.LineNo)
        .Column("payment_type", NpgsqlDbType.Text, x => x.Value.PaymentType)
        .Column("amount", NpgsqlDbType.Numeric, x => x.Value.Amount);

    private static readonly UnnestRows<Line<QualityFlag>> Flags = new UnnestRows<Line<QualityFlag>>()
        .Column("restaurant_id", NpgsqlDbType.Bigint, x => x.R)
        .Column("order_id", NpgsqlDbType.Text, x => x.O.OrderId)
        .Column("code", NpgsqlDbType.Text, x => x.Value.Code)
        .Column("detail", NpgsqlDbType.Text, x => x.Value.Detail);

    /// <summary>Every child table: none has a foreign key that would cascade (see OrderConfigurations), so each is deleted here.</summary>
    private static readonly string[] Tables =
        ["order_items", "order_taxes", "order_discounts", "order_part_payments", "order_quality_flags"];

    /// <summary>
    /// One statement deleting the old children of the replaced orders. It must run after the upsert, as a statement of its
    /// own: a statement sees the rows committed before it started, and the upsert may have waited for a concurrent batch
    /// that committed this order with children of its own.
    /// </summary>
    /// <remarks>
    /// The addons go first, in a statement of their own: the trigger keeping addon_sales_daily subtracts a deleted addon
    /// under its item line (whose quantity multiplies it), which a statement deleting both would no longer find.
    /// </remarks>
    private static readonly string DeleteAddons = """
        DELETE FROM order_item_addons x USING unnest($1::bigint[], $2::text[]) AS u(restaurant_id, order_id)
        WHERE x.restaurant_id = u.restaurant_id AND x.order_id = u.order_id
        """;

    private static readonly string Delete = $"""
        WITH {string.Join(",\n", Tables.Select((t, i) => $"""
            d{i} AS (DELETE FROM {t} x USING unnest($1::bigint[], $2::text[]) AS u(restaurant_id, order_id)
                     WHERE x.restaurant_id = u.restaurant_id AND x.order_id = u.order_id)
            """))}
        SELECT 1
        """;

    /// <summary>Adds the deletes (replaced orders only) and inserts (every written order).</summary>
    /// <param name="written">The orders the upsert wrote, with their events.</param>
    public static void AddReplace(NpgsqlBatch batch, IReadOnlyList<(long RestaurantId, CleanedEvent Event, bool Replaced)> written,
        IReadOnlyDictionary<(string Name, string Variant), long> menu, IReadOnlyDictionary<(string Name, string Group), long> addonIds)
    {
        var replaced = written.Where(w => w.Replaced).ToList();
        if (replaced.Count > 0)
        {
            var restaurantIds = replaced.Select(x => x.RestaurantId).ToArray();
            var orderIds = replaced.Select(x => x.Event.Order!.OrderId).ToArray();
            foreach (var sql in new[] { DeleteAddons, Delete })
            {
                var delete = new NpgsqlBatchCommand(sql);
                delete.Parameters.Add(new() { Value = restaurantIds });
                delete.Parameters.Add(new() { Value = orderIds });
                batch.BatchCommands.Add(delete);
            }
        }

        var rows = written.Select(w => (R: w.RestaurantId, O: w.Event.Order!)).ToList();
        AddInsert(batch, "order_items", Items,
            rows.SelectMany(x => x.O.Items.Select(i => new Item(x.R, x.O, i, MenuItemId(menu, i.Match)))).ToList());
        AddInsert(batch, "order_item_addons", Addons, rows.SelectMany(x => x.O.Items.SelectMany(i => i.Addons.Select((a, n) =>
            new ItemAddon(x.R, x.O, i, n + 1, a, addonIds[(a.Name, a.GroupName ?? "")])))).ToList());
        AddInsert(batch, "order_taxes", Taxes, Lines(rows, o => o.Taxes));
        AddInsert(batch, "order_discounts", Discounts, Lines(rows, o => o.Discounts));
        AddInsert(batch, "order_part_payments", PartPayments, Lines(rows, o => o.PartPayments));
        // One flag row per code (the table's key); several findings of one code are joined.
        AddInsert(batch, "order_quality_flags", Flags, rows.SelectMany(x => x.O.Flags.GroupBy(f => f.Code)
            .Select(g => new Line<QualityFlag>(x.R, x.O, 0, new QualityFlag(g.Key, string.Join("; ", g.Select(f => f.Detail)))))).ToList());
    }

    private static void AddInsert<T>(NpgsqlBatch batch, string table, UnnestRows<T> columns, IReadOnlyList<T> rows)
    {
        if (rows.Count == 0) return;
        var names = string.Join(", ", columns.Names);
        var insert = new NpgsqlBatchCommand($"INSERT INTO {table} ({names}) SELECT {names} FROM {columns.From()}");
        columns.AddParameters(insert, rows);
        batch.BatchCommands.Add(insert);
    }

    private static long? MenuItemId(IReadOnlyDictionary<(string, string), long> menu, MenuMatch? match) =>
        match is { MenuItemName: { } name, Variant: { } variant } && menu.TryGetValue((name, variant), out var id) ? id : null;

    private static List<Line<T>> Lines<T>(List<(long R, OrderData O)> orders, Func<OrderData, IReadOnlyList<T>> select) =>
        orders.SelectMany(x => select(x.O).Select((v, n) => new Line<T>(x.R, x.O, n + 1, v))).ToList();
}
