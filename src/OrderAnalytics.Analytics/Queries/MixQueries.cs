using System.ComponentModel;
using Npgsql;

namespace OrderAnalytics.Analytics.Queries;

[Description("One value of a dimension (a channel, an order type) with its figures and its share of the whole.")]
public sealed record MixShare(
    [property: Description("The value as stored, e.g. Zomato or Delivery; '(none)' when missing.")] string Key,
    RevenueFigures Figures,
    [property: Description("Share of Success orders, 0..1.")] double OrderShare,
    [property: Description("Share of revenue, 0..1.")] double RevenueShare);

/// <summary>Order type and channel distribution (Task 5.4): one GROUP BY over the daily rollup of the shared facts.</summary>
public sealed class MixQueries(NpgsqlDataSource db)
{
    public Task<IReadOnlyList<MixShare>> ByChannelAsync(AnalyticsFilter filter, CancellationToken ct) => ByAsync("f.order_from", filter, ct);

    public Task<IReadOnlyList<MixShare>> ByOrderTypeAsync(AnalyticsFilter filter, CancellationToken ct) => ByAsync("f.order_type", filter, ct);

    private async Task<IReadOnlyList<MixShare>> ByAsync(string column, AnalyticsFilter filter, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand();
        cmd.CommandText = $"""
            SELECT coalesce({column}, '(none)'), {OrderFacts.RollupMeasures()}
            FROM order_facts_daily f
            WHERE {OrderFacts.RollupScope(filter, cmd)}
            GROUP BY 1
            """;
        var rows = new List<(string Key, RevenueFigures Figures)>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) rows.Add((reader.GetString(0), OrderFacts.Read(reader, 1)));
        return Shares(rows);
    }

    internal static IReadOnlyList<MixShare> Shares(IEnumerable<(string Key, RevenueFigures Figures)> rows)
    {
        var list = rows.ToList();
        var orders = list.Sum(r => r.Figures.Orders);
        var revenue = list.Sum(r => r.Figures.Revenue);
        return list
            .Select(r => new MixShare(r.Key, r.Figures, orders == 0 ? 0 : Math.Round((double)r.Figures.Orders / orders, 6),
                revenue == 0 ? 0 : Math.Round((double)(r.Figures.Revenue / revenue), 6)))
            .OrderByDescending(r => r.Figures.Revenue).ThenByDescending(r => r.Figures.Orders).ThenBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
    }
}
