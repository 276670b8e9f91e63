using System.ComponentModel;
using Npgsql;

namespace OrderAnalytics.Analytics.Queries;

[Description("Orders and revenue of one delivery locality (customers.locality, e.g. 'Sector 66').")]
public sealed record AreaSales(
    [property: Description("Locality; '(unknown)' when the order has no customer or the address gave none; '(other)' for localities past the top.")] string Locality,
    [property: Description("Distinct customers (by pseudonym) with a Success order here.")] long Customers,
    RevenueFigures Figures,
    [property: Description("Share of revenue, 0..1.")] double RevenueShare);

[Description("Orders and revenue of one locality in one IST hour of created_on.")]
public sealed record AreaHourCell(string Locality, [property: Description("IST hour, 0–23.")] int Hour, RevenueFigures Figures);

/// <summary>Delivery areas: locality → orders and revenue, and locality × hour (Task 5.8).</summary>
public sealed class AreaQueries(NpgsqlDataSource db)
{
    public const int MaxTop = 500;

    public async Task<IReadOnlyList<AreaSales>> ByLocalityAsync(AnalyticsFilter filter, bool deliveryOnly, int top, CancellationToken ct)
    {
        // Within one restaurant a customer id is one person (CustomerIdentity): grouping by it beats grouping by pseudonym text.
        var person = await CustomerIdentity.OneRowPerPersonAsync(db, filter, ct) ? "o.customer_id" : "c.pseudonym";
        await using var cmd = db.CreateCommand();
        // Per locality and customer first (cheaper than count(DISTINCT …)), then per locality; the measures add up.
        cmd.CommandText = $"""
            SELECT locality, count(person) FILTER (WHERE m0 > 0), {OrderFacts.SumOfMeasures()}
            FROM (
                SELECT coalesce(c.locality, '(unknown)') AS locality, {person} AS person, {OrderFacts.NamedMeasures()}
                FROM orders o LEFT JOIN customers c ON c.customer_id = o.customer_id
                WHERE {Scope(filter, deliveryOnly, cmd)}
                GROUP BY 1, 2
            ) per_customer
            GROUP BY locality
            """;
        var rows = new List<(string Locality, long Customers, RevenueFigures Figures)>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) rows.Add((reader.GetString(0), reader.GetInt64(1), OrderFacts.Read(reader, 2)));

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
            SELECT coalesce(c.locality, '(unknown)'), extract(hour FROM o.created_on)::int, {OrderFacts.Measures()}
            FROM orders o LEFT JOIN customers c ON c.customer_id = o.customer_id
            WHERE {Scope(filter, deliveryOnly, cmd)} AND o.created_on IS NOT NULL
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

    private static string Scope(AnalyticsFilter filter, bool deliveryOnly, NpgsqlCommand cmd) =>
        OrderFacts.Scope(filter, cmd) + (deliveryOnly ? " AND o.order_type ILIKE 'delivery%'" : "");

    private static HashSet<string> TopLocalities(IEnumerable<(string Locality, RevenueFigures Figures)> rows, int top) =>
        rows.OrderByDescending(r => r.Figures.Revenue).ThenBy(r => r.Locality, StringComparer.Ordinal)
            .Take(Math.Clamp(top, 1, MaxTop)).Select(r => r.Locality).ToHashSet(StringComparer.Ordinal);
}
