using System.Globalization;
using System.ComponentModel;
using Npgsql;

namespace OrderAnalytics.Analytics.Queries;

/// <summary>
/// The one definition of the money figures every analytics answer reports, so that daily, weekly and monthly revenue,
/// the channel, order-type, payment, hour and locality splits all add up to the same totals.
/// <para>
/// Scope: orders with a business date (IST, 05:00–04:59), not test orders, matching the filter. Revenue-bearing:
/// status Success. Cancelled and Complimentary orders are counted beside revenue, never inside it.
/// </para>
/// </summary>
public static class OrderFacts
{
    public const string Success = "Success";
    public const string Cancelled = "Cancelled";
    public const string Complimentary = "Complimentary";

    /// <summary>The orders a question is about (alias <paramref name="o"/>); parameters go to <paramref name="cmd"/>.</summary>
    public static string Scope(AnalyticsFilter filter, NpgsqlCommand cmd, string o = "o") =>
        $"{o}.business_date IS NOT NULL AND {filter.Where(cmd, o)}";

    /// <summary>The revenue-bearing orders among them.</summary>
    public static string IsRevenue(string o = "o") => $"{o}.order_status = '{Success}'";

    /// <summary>The aggregate columns read by <see cref="Read"/>, in this order (<see cref="MeasureCount"/> of them).</summary>
    public static string Measures(string o = "o") => string.Join(",\n", MeasureExpressions(o));

    /// <summary>
    /// The eleven figures <see cref="Read"/> reads, as (what is summed, of which orders): a null column is a count of orders.
    /// Over orders and over a rollup alike, so the two cannot drift apart.
    /// </summary>
    private static readonly (string? Column, string Statuses)[] Figures =
    [
        (null, $"= '{Success}'"), ("total", $"= '{Success}'"), ("core_total", $"= '{Success}'"), ("discount_total", $"= '{Success}'"),
        ("tax_total", $"= '{Success}'"), ("charges", $"= '{Success}'"),
        (null, $"= '{Cancelled}'"), ("total", $"= '{Cancelled}'"),
        (null, $"= '{Complimentary}'"), ("total", $"= '{Complimentary}'"),
        (null, $"IS DISTINCT FROM '{Success}' AND {{0}}.order_status IS DISTINCT FROM '{Cancelled}' AND {{0}}.order_status IS DISTINCT FROM '{Complimentary}'"),
    ];

    private static string Status(string statuses, string a) => $"{a}.order_status {string.Format(CultureInfo.InvariantCulture, statuses, a)}";

    private static string[] MeasureExpressions(string o) => Figures.Select(m => m.Column switch
    {
        null => $"count(*) FILTER (WHERE {Status(m.Statuses, o)})",
        "charges" => $"coalesce(sum({o}.packaging_charge + {o}.delivery_charges + {o}.service_charge + {o}.round_off) FILTER (WHERE {Status(m.Statuses, o)}), 0)",
        var column => $"coalesce(sum({o}.{column}) FILTER (WHERE {Status(m.Statuses, o)}), 0)",
    }).ToArray();

    public const int MeasureCount = 11;

    /// <summary>
    /// The rows of a rollup (order_facts_daily, order_facts_hourly, order_payments_daily, item_sales_daily, order_split_payments_daily, addon_sales_daily; alias
    /// <paramref name="f"/>) the filter selects. The rollups hold exactly the non-test orders with a business date, grouped
    /// by every column the filter names, so this selects the same orders as <see cref="Scope"/> (see the AddRollups migration).
    /// </summary>
    public static string RollupScope(AnalyticsFilter filter, NpgsqlCommand cmd, string f = "f") => filter.Where(cmd, f, includeTest: true);

    /// <summary><see cref="Measures"/> over order_facts_daily or order_facts_hourly (alias <paramref name="f"/>): the same values, types and scales.</summary>
    public static string RollupMeasures(string f = "f") => string.Join(",\n", Figures.Select(m => m.Column is null
        ? $"coalesce(sum({f}.orders) FILTER (WHERE {Status(m.Statuses, f)}), 0)::bigint"
        : $"coalesce(sum({f}.{m.Column}) FILTER (WHERE {Status(m.Statuses, f)}), 0)"));

    public static RevenueFigures Read(NpgsqlDataReader r, int first) => new(
        Orders: r.GetInt64(first),
        Revenue: r.GetDecimal(first + 1),
        GrossSales: r.GetDecimal(first + 2),
        Discounts: r.GetDecimal(first + 3),
        Taxes: r.GetDecimal(first + 4),
        Charges: r.GetDecimal(first + 5),
        CancelledOrders: r.GetInt64(first + 6),
        CancelledValue: r.GetDecimal(first + 7),
        ComplimentaryOrders: r.GetInt64(first + 8),
        ComplimentaryValue: r.GetDecimal(first + 9),
        OtherStatusOrders: r.GetInt64(first + 10));
}

/// <summary>Money of a set of orders, all from <see cref="OrderFacts"/>. Amounts in rupees.</summary>
[Description("Money of a set of orders (rupees). Revenue counts orders with status Success only; cancelled and complimentary orders are reported beside it, never inside it. Test orders are excluded.")]
public sealed record RevenueFigures(
    [property: Description("Orders with status Success (the revenue-bearing orders).")]
    long Orders,
    [property: Description("Σ order total of Success orders: what customers were billed — after discounts, INCLUDING taxes (GST) and packaging/delivery/service charges and round-off. = netSales + taxes + charges wherever the money identity holds (orders breaking it carry the money_identity quality flag).")]
    decimal Revenue,
    [property: Description("Σ core_total: item sales including addons, BEFORE discounts, EXCLUDING taxes and charges.")]
    decimal GrossSales,
    [property: Description("Σ discount_total of Success orders.")]
    decimal Discounts,
    [property: Description("Σ tax_total (GST) of Success orders.")]
    decimal Taxes,
    [property: Description("Σ packaging + delivery + service charges + round-off of Success orders.")]
    decimal Charges,
    [property: Description("Orders whose latest status is Cancelled (not in revenue).")]
    long CancelledOrders,
    [property: Description("Σ order total of the cancelled orders (lost billing, not in revenue).")]
    decimal CancelledValue,
    [property: Description("Complimentary orders (free: staff desserts, goodwill); not in revenue.")]
    long ComplimentaryOrders,
    [property: Description("Σ order total as billed on complimentary orders (not in revenue).")]
    decimal ComplimentaryValue,
    [property: Description("Orders with any other or no status (neither in revenue nor in the counts above).")]
    long OtherStatusOrders)
{
    [global::GraphQL.Ignore]
    public static RevenueFigures Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    [Description("grossSales − discounts: sales net of discounts, EXCLUDING taxes and charges.")]
    public decimal NetSales => GrossSales - Discounts;

    [Description("Average order value: revenue / orders (billed, incl. taxes and charges); null without orders.")]
    public decimal? AverageOrderValue => Orders == 0 ? null : Math.Round(Revenue / Orders, 2);

    [Description("netSales / orders (net of discounts, excl. taxes and charges); null without orders.")]
    public decimal? AverageNetOrderValue => Orders == 0 ? null : Math.Round(NetSales / Orders, 2);

    public static RevenueFigures operator +(RevenueFigures a, RevenueFigures b) => new(
        a.Orders + b.Orders, a.Revenue + b.Revenue, a.GrossSales + b.GrossSales, a.Discounts + b.Discounts, a.Taxes + b.Taxes,
        a.Charges + b.Charges, a.CancelledOrders + b.CancelledOrders, a.CancelledValue + b.CancelledValue,
        a.ComplimentaryOrders + b.ComplimentaryOrders, a.ComplimentaryValue + b.ComplimentaryValue,
        a.OtherStatusOrders + b.OtherStatusOrders);
}
