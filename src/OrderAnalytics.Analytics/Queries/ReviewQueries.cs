using System.ComponentModel;
using Npgsql;
using OrderAnalytics.Data.Configurations;

namespace OrderAnalytics.Analytics.Queries;

[Description("A distinct raw item name still waiting for a person: the matcher said review (plausible) or unmatched, and no verified alias maps it yet.")]
public sealed record ReviewName(
    [property: Description("Normalised name: what a verified alias (menu_aliases) maps.")] string NormalisedName,
    [property: Description("Up to 5 raw spellings as sent.")] IReadOnlyList<string> RawNames,
    [property: Description("review or unmatched.")] string Decision,
    [property: Description("Best matcher score seen, 0–100.")] double? BestScore,
    [property: Description("Order lines with this name.")] long Lines,
    decimal Quantity,
    [property: Description("Σ line total (before discounts, excl. taxes) on all statuses.")] decimal GrossSales,
    [property: Description("Up to 3 recent order ids carrying it.")] IReadOnlyList<string> ExampleOrderIds,
    DateOnly? FirstSeen,
    DateOnly? LastSeen);

/// <summary>The review queue of item names (suggestions come later).</summary>
public sealed class ReviewQueries(NpgsqlDataSource db)
{
    public const int MaxLimit = 500;

    public async Task<IReadOnlyList<ReviewName>> QueueAsync(int limit, AnalyticsFilter filter, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand();
        cmd.CommandText = $"""
            SELECT i.normalised_name, (array_agg(DISTINCT i.name_raw))[1:5], i.match_decision, max(i.match_score), count(*) AS lines,
                   sum(i.quantity), sum(i.total_price), (array_agg(i.order_id ORDER BY o.business_date DESC, o.order_id DESC))[1:3],
                   min(o.business_date), max(o.business_date)
            FROM order_items i JOIN orders o ON o.restaurant_id = i.restaurant_id AND o.order_id = i.order_id
            WHERE i.match_decision IN ('review', 'unmatched') AND i.normalised_name IS NOT NULL AND {IndexPredicates.NotMatchedLineOf("i")}
              AND NOT EXISTS (SELECT 1 FROM menu_aliases a WHERE a.normalised_name = i.normalised_name)
              AND {filter.Where(cmd)}{(filter.From is null && filter.To is null ? "" : " AND o.business_date IS NOT NULL")}
            GROUP BY i.normalised_name, i.match_decision
            ORDER BY lines DESC, i.normalised_name
            LIMIT {cmd.Param(Math.Clamp(limit, 1, MaxLimit))}
            """;
        var rows = new List<ReviewName>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add(new ReviewName(reader.GetString(0), reader.GetFieldValue<string[]>(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetDouble(3), reader.GetInt64(4), reader.GetDecimal(5), reader.GetDecimal(6),
                reader.GetFieldValue<string[]>(7), reader.IsDBNull(8) ? null : reader.GetFieldValue<DateOnly>(8),
                reader.IsDBNull(9) ? null : reader.GetFieldValue<DateOnly>(9)));
        return rows;
    }
}
