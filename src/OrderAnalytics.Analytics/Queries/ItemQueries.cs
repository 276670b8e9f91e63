using System.ComponentModel;
using Npgsql;
using OrderAnalytics.Data.Configurations;

namespace OrderAnalytics.Analytics.Queries;

[Description("What to rank items by.")]
public enum ItemMetric
{
    [Description("Units sold (Σ line quantity).")] Quantity,
    [Description("Net sales (Σ line total − allocated discount; excl. taxes).")] Revenue,
}

[Description("Ranking level.")]
public enum ItemLevel
{
    [Description("Menu item, all its variants together.")] Item,
    [Description("Menu item and variant (size), one row per menu_items row.")] Variant,
}

[Description("Sales of one menu item (or item variant) on Success orders. Lines count when matched to the menu (or mapped by a verified alias).")]
public sealed record ItemSales(
    [property: Description("1-based rank by the chosen metric.")] int Rank,
    [property: Description("menu_items id (VARIANT level only).")] long? MenuItemId,
    string Name,
    [property: Description("Menu type (Ice Cream, Dessert…).")] string Type,
    [property: Description("Variant code, e.g. REGULAR_TUB_300ML (VARIANT level only).")] string? Variant,
    [property: Description("Units sold (Σ line quantity).")] decimal Quantity,
    [property: Description("Order lines.")] long Lines,
    [property: Description("Σ line total: price incl. addons × quantity, BEFORE discounts, EXCLUDING taxes.")] decimal GrossSales,
    [property: Description("Σ the order discount allocated to the lines.")] decimal Discounts,
    [property: Description("grossSales − discounts, EXCLUDING taxes (the REVENUE metric).")] decimal NetSales,
    [property: Description("Share of netSales of all item lines in scope (matched, unmatched and non-product), 0..1.")] double RevenueShare,
    [property: Description("Share of the quantity of all item lines in scope, 0..1.")] double QuantityShare);

[Description("Sales of order lines that are not (yet) mapped to the menu, grouped by normalised raw name: review and unmatched names, and non-product lines (delivery, packaging…).")]
public sealed record RawItemSales(
    [property: Description("Normalised name (the matcher's key; what a verified alias maps).")] string NormalisedName,
    [property: Description("One raw name as sent.")] string ExampleRawName,
    [property: Description("Matcher decision: review, unmatched or non_product.")] string Decision,
    decimal Quantity,
    long Lines,
    [property: Description("Σ line total, before discounts, excluding taxes.")] decimal GrossSales,
    [property: Description("Gross sales − allocated discounts, excluding taxes.")] decimal NetSales);

[Description("Addon sales on Success orders (Cup, Waffle Cone…). Addon prices are already inside the parent item's sales: do not add the two.")]
public sealed record AddonSales(
    int Rank,
    string Name,
    string Group,
    [property: Description("Units: Σ addon quantity × item quantity.")] decimal Quantity,
    [property: Description("Item lines carrying the addon.")] long Lines,
    [property: Description("Σ addon price × addon quantity × item quantity (list price, before discounts, excl. taxes).")] decimal Sales);

/// <summary>Top items at item and variant level, lines outside the menu, and addons (Task 5.2).</summary>
public sealed class ItemQueries(NpgsqlDataSource db)
{
    public const int MaxLimit = 500;

    /// <summary>The menu item a line counts for: a confident match, else a verified alias of its normalised name.</summary>
    internal const string EffectiveMenuItem = "CASE WHEN i.match_decision = 'matched' AND i.menu_item_id IS NOT NULL THEN i.menu_item_id ELSE al.menu_item_id END";

    /// <summary>
    /// The daily item rollup with the aliases joined when read: it keeps each line's menu item, decision and normalised
    /// name, so a review decision counts at once and <see cref="EffectiveMenuItem"/> applies to it unchanged.
    /// </summary>
    internal const string RollupLinesInScope = """
        FROM item_sales_daily i
        LEFT JOIN menu_aliases al ON al.normalised_name = i.normalised_name
        """;

    internal const string LinesInScope = """
        FROM orders o
        JOIN order_items i ON i.restaurant_id = o.restaurant_id AND i.order_id = o.order_id
        LEFT JOIN menu_aliases al ON al.normalised_name = i.normalised_name
        """;

    public async Task<IReadOnlyList<ItemSales>> TopItemsAsync(ItemMetric metric, ItemLevel level, int limit, AnalyticsFilter filter,
        CancellationToken ct)
    {
        await using var cmd = db.CreateCommand();
        var key = level == ItemLevel.Variant ? "m.menu_item_id, m.name, m.type, m.variant" : "m.name, m.type";
        var order = metric == ItemMetric.Quantity ? "quantity DESC, net DESC" : "net DESC, quantity DESC";
        var outerOrder = metric == ItemMetric.Quantity ? "r.quantity DESC, r.net DESC" : "r.net DESC, r.quantity DESC";
        // One pass over the day rollup of the lines (Success orders only), grouped by the menu item they count for (NULL =
        // not mapped); the small result is then ranked at item or variant level, and its grand totals give the shares.
        cmd.CommandText = $"""
            WITH per_item AS (
                SELECT {EffectiveMenuItem} AS menu_item_id, sum(i.quantity) AS quantity, sum(i.lines) AS lines,
                       sum(i.total_price) AS gross, sum(i.discount_amount) AS discounts
                {RollupLinesInScope}
                WHERE {OrderFacts.RollupScope(filter, cmd, "i")}
                GROUP BY 1
            ), totals AS (
                SELECT coalesce(sum(quantity), 0) AS quantity, coalesce(sum(gross - discounts), 0) AS net FROM per_item
            ), ranked AS (
                SELECT {key}, sum(p.quantity) AS quantity, sum(p.lines) AS lines, sum(p.gross) AS gross,
                       sum(p.discounts) AS discounts, sum(p.gross - p.discounts) AS net
                FROM per_item p JOIN menu_items m ON m.menu_item_id = p.menu_item_id
                GROUP BY {key}
                ORDER BY {order}, m.name{(level == ItemLevel.Variant ? ", m.variant" : "")}
                LIMIT {cmd.Param(Math.Clamp(limit, 1, MaxLimit))}
            )
            SELECT {(level == ItemLevel.Variant ? "r.menu_item_id" : "NULL::bigint")}, r.name, r.type,
                   {(level == ItemLevel.Variant ? "r.variant" : "NULL::text")}, r.quantity, r.lines::bigint, r.gross, r.discounts, r.net,
                   t.quantity, t.net
            FROM ranked r CROSS JOIN totals t
            ORDER BY {outerOrder}, r.name{(level == ItemLevel.Variant ? ", r.variant" : "")}
            """;
        var rows = new List<ItemSales>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            decimal quantity = reader.GetDecimal(4), net = reader.GetDecimal(8), allQuantity = reader.GetDecimal(9), allNet = reader.GetDecimal(10);
            rows.Add(new ItemSales(rows.Count + 1, reader.IsDBNull(0) ? null : reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                reader.GetNullableString(3), quantity, reader.GetInt64(5), reader.GetDecimal(6), reader.GetDecimal(7), net,
                Share(net, allNet), Share(quantity, allQuantity)));
        }
        return rows;
    }

    public async Task<IReadOnlyList<RawItemSales>> UnmatchedAsync(int limit, AnalyticsFilter filter, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand();
        cmd.CommandText = $"""
            SELECT coalesce(i.normalised_name, lower(i.name_raw)) AS name, min(i.name_raw), coalesce(i.match_decision, 'unmatched') AS decision,
                   sum(i.quantity) AS quantity, count(*), sum(i.total_price), sum(i.total_price - i.discount_amount) AS net
            {LinesInScope}
            WHERE {OrderFacts.Scope(filter, cmd)} AND {OrderFacts.IsRevenue()} AND ({EffectiveMenuItem}) IS NULL
              AND {IndexPredicates.NotMatchedLineOf("i")}
            GROUP BY 1, 3
            ORDER BY net DESC, quantity DESC, name
            LIMIT {cmd.Param(Math.Clamp(limit, 1, MaxLimit))}
            """;
        var rows = new List<RawItemSales>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add(new RawItemSales(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetDecimal(3), reader.GetInt64(4),
                reader.GetDecimal(5), reader.GetDecimal(6)));
        return rows;
    }

    public async Task<IReadOnlyList<AddonSales>> TopAddonsAsync(ItemMetric metric, int limit, AnalyticsFilter filter, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand();
        var order = metric == ItemMetric.Quantity ? "quantity DESC, sales DESC" : "sales DESC, quantity DESC";
        // From the daily addon rollup (the same sums per day, channel, order type and addon; unconstrained numerics keep the scales).
        cmd.CommandText = $"""
            SELECT a.addon_name, coalesce(a.group_name, '') AS grp, sum(a.quantity) AS quantity, sum(a.lines)::bigint,
                   sum(a.sales) AS sales
            FROM addon_sales_daily a
            WHERE {OrderFacts.RollupScope(filter, cmd, "a")}
            GROUP BY 1, 2
            ORDER BY {order}, 1, 2
            LIMIT {cmd.Param(Math.Clamp(limit, 1, MaxLimit))}
            """;
        var rows = new List<AddonSales>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add(new AddonSales(rows.Count + 1, reader.GetString(0), reader.GetString(1), reader.GetDecimal(2), reader.GetInt64(3),
                reader.GetDecimal(4)));
        return rows;
    }

    private static double Share(decimal part, decimal whole) => whole == 0 ? 0 : Math.Round((double)(part / whole), 6);
}
