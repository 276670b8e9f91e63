using System.ComponentModel;
using Npgsql;

namespace OrderAnalytics.Analytics.Queries;

[Description("Orders and revenue of one delivery locality (the locality of each order's own address, e.g. 'Sector 66').")]
public sealed record AreaSales(
    [property: Description("Locality; '(unknown)' when the order has no customer or the address gave none; '(other)' for localities past the top.")] string Locality,
    [property: Description("Distinct customers (by pseudonym) with a Success order here. Asking for it costs a pass over the orders in scope.")] long Customers,
    RevenueFigures Figures,
    [property: Description("Share of revenue, 0..1.")] double RevenueShare);

[Description("Orders and revenue of one locality in one IST hour of created_on.")]
public sealed record AreaHourCell(string Locality, [property: Description("IST hour, 0–23.")] int Hour, RevenueFigures Figures);

/// <summary>Delivery areas: locality → orders and revenue, and locality × hour (Task 5.8).</summary>
public sealed class AreaQueries(NpgsqlDataSource db)
{
    public const int MaxTop = 500;

    /// <param name="withCustomers">Count distinct customers per locality: a pass over the orders themselves (a distinct count
    /// does not add up over the rollup's rows), so only when the client asks for it.</param>
    public async Task<IReadOnlyList<AreaSales>> ByLocalityAsync(AnalyticsFilter filter, bool deliveryOnly, int top, bool withCustomers,
        CancellationToken ct)
    {
        var customers = withCustomers ? await CustomersByLocalityAsync(filter, deliveryOnly, ct) : null;
        await using var cmd = db.CreateCommand();
        cmd.CommandText = $"""
            SELECT coalesce(f.locality, '{Unknown}'), {OrderFacts.RollupMeasures()}
            FROM area_facts_hourly f
            WHERE {RollupScope(filter, deliveryOnly, cmd)}
            GROUP BY 1
            """;
        var rows = new List<(string Locality, long Customers, RevenueFigures Figures)>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var locality = reader.GetString(0);
            rows.Add((locality, customers?.GetValueOrDefault(locality) ?? 0, OrderFacts.Read(reader, 1)));
        }

        var keep = TopLocalities(rows.Select(r => (r.Locality, r.Figures)), top);
        var total = rows.Sum(r => r.Figures.Revenue);
        return rows
            .GroupBy(r => keep.Contains(r.Locality) ? r.Locality : Other)
            .Select(g => (Locality: g.Key, Customers: g.Sum(r => r.Customers), Figures: g.Aggregate(RevenueFigures.Zero, (a, r) => a + r.Figures)))
            .Select(r => new AreaSales(r.Locality, r.Customers, r.Figures, total == 0 ? 0 : Math.Round((double)(r.Figures.Revenue / total), 6)))
            .OrderBy(r => r.Locality == Other ? 1 : 0).ThenByDescending(r => r.Figures.Revenue).ThenBy(r => r.Locality, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<IReadOnlyList<AreaHourCell>> ByLocalityAndHourAsync(AnalyticsFilter filter, bool deliveryOnly, int top, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand();
        cmd.CommandText = $"""
            SELECT coalesce(f.locality, '{Unknown}'), f.hour::int, {OrderFacts.RollupMeasures()}
            FROM area_facts_hourly f
            WHERE {RollupScope(filter, deliveryOnly, cmd)} AND f.hour IS NOT NULL
            GROUP BY 1, 2
            """;
        var rows = new List<(string Locality, int Hour, RevenueFigures Figures)>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) rows.Add((reader.GetString(0), reader.GetInt32(1), OrderFacts.Read(reader, 2)));

        var keep = TopLocalities(rows.GroupBy(r => r.Locality).Select(g => (g.Key, g.Aggregate(RevenueFigures.Zero, (a, r) => a + r.Figures))), top);
        return rows
            .GroupBy(r => (Locality: keep.Contains(r.Locality) ? r.Locality : Other, r.Hour))
            .Select(g => new AreaHourCell(g.Key.Locality, g.Key.Hour, g.Aggregate(RevenueFigures.Zero, (a, r) => a + r.Figures)))
            .OrderBy(r => r.Locality == Other ? 1 : 0).ThenBy(r => r.Locality, StringComparer.Ordinal).ThenBy(r => r.Hour)
            .ToList();
    }

    public const string Other = "(other)";
    public const string Unknown = "(unknown)";

    /// <summary>Distinct customers with a Success order in scope, per locality of those orders.</summary>
    private async Task<Dictionary<string, long>> CustomersByLocalityAsync(AnalyticsFilter filter, bool deliveryOnly, CancellationToken ct)
    {
        // Within one restaurant a customer id is one person (CustomerIdentity): no join to customers for the pseudonym.
        var byId = await CustomerIdentity.OneRowPerPersonAsync(db, filter, ct);
        await using var cmd = db.CreateCommand();
        cmd.CommandText = $"""
            SELECT locality, count(*)
            FROM (
                SELECT DISTINCT coalesce(o.locality, '{Unknown}') AS locality, {(byId ? "o.customer_id" : "c.pseudonym")}
                FROM orders o{(byId ? "" : " JOIN customers c ON c.customer_id = o.customer_id")}
                WHERE {OrderFacts.Scope(filter, cmd)}{Delivery(deliveryOnly, "o")} AND {OrderFacts.IsRevenue()} AND o.customer_id IS NOT NULL
            ) people
            GROUP BY locality
            """;
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) counts[reader.GetString(0)] = reader.GetInt64(1);
        return counts;
    }

    /// <summary>The rollup's rows for the filter; it holds exactly the non-test orders with a business date (migration AddAreaRollup).</summary>
    private static string RollupScope(AnalyticsFilter filter, bool deliveryOnly, NpgsqlCommand cmd) =>
        OrderFacts.RollupScope(filter, cmd) + Delivery(deliveryOnly, "f");

    /// <summary>What deliveryOnly means, on alias <paramref name="a"/>: order types starting with "Delivery".</summary>
    private static string Delivery(bool deliveryOnly, string a) => deliveryOnly ? $" AND {a}.order_type ILIKE 'delivery%'" : "";

    private static HashSet<string> TopLocalities(IEnumerable<(string Locality, RevenueFigures Figures)> rows, int top) =>
        rows.OrderByDescending(r => r.Figures.Revenue).ThenBy(r => r.Locality, StringComparer.Ordinal)
            .Take(Math.Clamp(top, 1, MaxTop)).Select(r => r.Locality).ToHashSet(StringComparer.Ordinal);
}
