using Npgsql;
using NpgsqlTypes;
using OrderAnalytics.Contracts;

namespace OrderAnalytics.Loading;

/// <summary>
/// Children of the orders a batch wrote: old rows deleted (only for orders that existed), new rows by binary COPY.
/// Replaced, never appended — the mistake that made the earlier Python tooling double-count re-sent orders.
/// </summary>
internal static class ChildSql
{
    private sealed record Item(long R, OrderData O, OrderItemData I, long? MenuItemId);
    private sealed record ItemAddon(long R, OrderData O, OrderItemData I, int AddonLineNo, AddonData A, long AddonId);
    private sealed record Line<T>(long R, OrderData O, int LineNo, T Value);

    private static readonly CopyTable<Item> Items = new("order_items",
        new("restaurant_id", NpgsqlDbType.Bigint, x => x.R),
        new("order_id", NpgsqlDbType.Text, x => x.O.OrderId),
        new("line_no", NpgsqlDbType.Integer, x => x.I.LineNo),
        new("menu_item_id", NpgsqlDbType.Bigint, x => x.MenuItemId),
        new("petpooja_itemid", NpgsqlDbType.Text, x => x.I.PetpoojaItemId),
        new("itemcode", NpgsqlDbType.Text, x => x.I.ItemCode),
        new("name_raw", NpgsqlDbType.Text, x => x.I.NameRaw),
        new("quantity", NpgsqlDbType.Numeric, x => x.I.Quantity),
        new("unit_price", NpgsqlDbType.Numeric, x => x.I.UnitPrice),
        new("total_price", NpgsqlDbType.Numeric, x => x.I.TotalPrice),
        new("tax_amount", NpgsqlDbType.Numeric, x => x.I.TaxAmount),
        new("discount_amount", NpgsqlDbType.Numeric, x => x.I.DiscountAmount),
        new("category_name", NpgsqlDbType.Text, x => x.I.CategoryName),
        new("specialnotes", NpgsqlDbType.Text, x => x.I.SpecialNotes),
        new("sap_code", NpgsqlDbType.Text, x => x.I.SapCode),
        new("vendoritemcode", NpgsqlDbType.Text, x => x.I.VendorItemCode),
        new("match_decision", NpgsqlDbType.Text, x => x.I.Match?.Decision),
        new("match_score", NpgsqlDbType.Double, x => x.I.Match?.Score),
        new("normalised_name", NpgsqlDbType.Text, x => x.I.Match?.NormalisedName));

    private static readonly CopyTable<ItemAddon> Addons = new("order_item_addons",
        new("restaurant_id", NpgsqlDbType.Bigint, x => x.R),
        new("order_id", NpgsqlDbType.Text, x => x.O.OrderId),
        new("line_no", NpgsqlDbType.Integer, x => x.I.LineNo),
        new("addon_line_no", NpgsqlDbType.Integer, x => x.AddonLineNo),
        new("addon_id", NpgsqlDbType.Bigint, x => x.AddonId),
        new("petpooja_addonid", NpgsqlDbType.Text, x => x.A.PetpoojaAddonId),
        new("addon_name", NpgsqlDbType.Text, x => x.A.Name),
        new("group_name", NpgsqlDbType.Text, x => x.A.GroupName),
        new("quantity", NpgsqlDbType.Numeric, x => x.A.Quantity),
        new("price", NpgsqlDbType.Numeric, x => x.A.Price),
        new("addon_sap_code", NpgsqlDbType.Text, x => x.A.SapCode));

    private static readonly CopyTable<Line<TaxData>> Taxes = new("order_taxes",
        new("restaurant_id", NpgsqlDbType.Bigint, x => x.R),
        new("order_id", NpgsqlDbType.Text, x => x.O.OrderId),
        new("line_no", NpgsqlDbType.Integer, x => x.LineNo),
        new("tax_title", NpgsqlDbType.Text, x => x.Value.Title),
        new("tax_rate", NpgsqlDbType.Numeric, x => x.Value.Rate),
        new("tax_type", NpgsqlDbType.Text, x => x.Value.Type),
        new("tax_amount", NpgsqlDbType.Numeric, x => x.Value.Amount));

    private static readonly CopyTable<Line<DiscountData>> Discounts = new("order_discounts",
        new("restaurant_id", NpgsqlDbType.Bigint, x => x.R),
        new("order_id", NpgsqlDbType.Text, x => x.O.OrderId),
        new("line_no", NpgsqlDbType.Integer, x => x.LineNo),
        new("discount_title", NpgsqlDbType.Text, x => x.Value.Title),
        new("discount_type", NpgsqlDbType.Text, x => x.Value.Type),
        new("discount_rate", NpgsqlDbType.Numeric, x => x.Value.Rate),
        new("discount_amount", NpgsqlDbType.Numeric, x => x.Value.Amount));

    private static readonly CopyTable<Line<PartPaymentData>> PartPayments = new("order_part_payments",
        new("restaurant_id", NpgsqlDbType.Bigint, x => x.R),
        new("order_id", NpgsqlDbType.Text, x => x.O.OrderId),
        new("line_no", NpgsqlDbType.Integer, x => x.LineNo),
        new("payment_type", NpgsqlDbType.Text, x => x.Value.PaymentType),
        new("amount", NpgsqlDbType.Numeric, x => x.Value.Amount));

    private static readonly CopyTable<Line<QualityFlag>> Flags = new("order_quality_flags",
        new("restaurant_id", NpgsqlDbType.Bigint, x => x.R),
        new("order_id", NpgsqlDbType.Text, x => x.O.OrderId),
        new("code", NpgsqlDbType.Text, x => x.Value.Code),
        new("detail", NpgsqlDbType.Text, x => x.Value.Detail));

    private static readonly string[] ChildTables =
        ["order_item_addons", "order_items", "order_taxes", "order_discounts", "order_part_payments", "order_quality_flags"];

    public static async Task ReplaceAsync(NpgsqlConnection c, IReadOnlyList<CleanedEvent> winners,
        IReadOnlyDictionary<string, long> restaurantIds, ISet<(long RestaurantId, string OrderId)> replaced,
        ReferenceCache references, CancellationToken ct)
    {
        if (winners.Count == 0) return;
        if (replaced.Count > 0) await DeleteChildrenAsync(c, replaced, ct);

        var orders = winners.Select(w => (R: restaurantIds[w.Order!.RestaurantRef], O: w.Order!)).ToList();
        var items = new List<Item>();
        foreach (var (r, o) in orders)
        foreach (var i in o.Items)
            items.Add(new Item(r, o, i, await references.MenuItemIdAsync(i.Match?.MenuItemName, i.Match?.Variant, ct)));

        var addonLines = orders.SelectMany(x => x.O.Items.SelectMany(i => i.Addons.Select((a, n) => (x.R, x.O, I: i, N: n + 1, A: a)))).ToList();
        var addonIds = await references.AddonIdsAsync(
            addonLines.Select(a => (a.A.Name, a.A.GroupName ?? "", a.A.PetpoojaAddonId, a.A.Price)), ct);

        await Items.WriteAsync(c, items, ct);
        await Addons.WriteAsync(c, addonLines.Select(a => new ItemAddon(a.R, a.O, a.I, a.N, a.A, addonIds[(a.A.Name, a.A.GroupName ?? "")])), ct);
        await Taxes.WriteAsync(c, Lines(orders, o => o.Taxes), ct);
        await Discounts.WriteAsync(c, Lines(orders, o => o.Discounts), ct);
        await PartPayments.WriteAsync(c, Lines(orders, o => o.PartPayments), ct);
        // One flag row per code (the table's key); several findings of one code are joined.
        await Flags.WriteAsync(c, orders.SelectMany(x => x.O.Flags.GroupBy(f => f.Code)
            .Select(g => new Line<QualityFlag>(x.R, x.O, 0, new QualityFlag(g.Key, string.Join("; ", g.Select(f => f.Detail)))))), ct);
    }

    private static IEnumerable<Line<T>> Lines<T>(List<(long R, OrderData O)> orders, Func<OrderData, IReadOnlyList<T>> select) =>
        orders.SelectMany(x => select(x.O).Select((v, n) => new Line<T>(x.R, x.O, n + 1, v)));

    private static async Task DeleteChildrenAsync(NpgsqlConnection c, ISet<(long RestaurantId, string OrderId)> keys, CancellationToken ct)
    {
        var restaurants = keys.Select(k => k.RestaurantId).ToArray();
        var orderIds = keys.Select(k => k.OrderId).ToArray();
        await using var batch = new NpgsqlBatch(c);
        foreach (var table in ChildTables)
        {
            var delete = new NpgsqlBatchCommand(
                $"DELETE FROM {table} x USING unnest($1::bigint[], $2::text[]) AS k(r, o) WHERE x.restaurant_id = k.r AND x.order_id = k.o");
            delete.Parameters.Add(new() { Value = restaurants });
            delete.Parameters.Add(new() { Value = orderIds });
            batch.BatchCommands.Add(delete);
        }
        await batch.ExecuteNonQueryAsync(ct);
    }
}
