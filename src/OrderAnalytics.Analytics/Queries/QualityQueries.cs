using System.ComponentModel;
using Npgsql;

namespace OrderAnalytics.Analytics.Queries;

[Description("Data-quality report: findings on loaded orders (they stay in the figures) and events kept out (quarantined).")]
public sealed record DataQualityReport(
    [property: Description("Orders in scope, test orders and all statuses included.")] long Orders,
    [property: Description("Of them, orders with at least one quality flag.")] long FlaggedOrders,
    [property: Description("Orders per flag code (no_items, money_identity, invalid_timestamp, invalid_phone, non_positive_price, unrealistic_quantity, test_order, text_truncated).")] IReadOnlyList<FlagCount> Flags,
    [property: Description("Quarantined events by reason, all time (quarantined events have no trustworthy business date or restaurant).")] IReadOnlyList<QuarantineReason> Quarantined);

public sealed record FlagCount(string Code, [property: Description("Orders with this flag.")] long Orders, [property: Description("One finding as recorded.")] string ExampleDetail);

public sealed record QuarantineReason(
    [property: Description("The reason without its variable details (values in quotes and parenthesised details removed).")] string Reason,
    long Events,
    [property: Description("Of them, still open in the review queue.")] long Unresolved,
    [property: Description("One full reason as recorded.")] string Example,
    DateTimeOffset FirstReceivedAt,
    DateTimeOffset LastReceivedAt);

/// <summary>Quality flags per code and quarantined events by reason.</summary>
public sealed class QualityQueries(NpgsqlDataSource db)
{
    public async Task<DataQualityReport> ReportAsync(AnalyticsFilter filter, CancellationToken ct)
    {
        await using var batch = db.CreateBatch();
        var totals = new NpgsqlBatchCommand();
        var scope = Scope(filter, totals);
        // The flagged orders are few: count them from the flags side, and the orders in scope by themselves.
        totals.CommandText = $"""
            SELECT (SELECT count(*) FROM orders o WHERE {scope}),
                   (SELECT count(*) FROM (SELECT DISTINCT f.restaurant_id, f.order_id
                                          FROM order_quality_flags f JOIN orders o ON o.restaurant_id = f.restaurant_id AND o.order_id = f.order_id
                                          WHERE {scope}) flagged)
            """;
        var flags = new NpgsqlBatchCommand();
        flags.CommandText = $"""
            SELECT f.code, count(*), min(f.detail)
            FROM order_quality_flags f JOIN orders o ON o.restaurant_id = f.restaurant_id AND o.order_id = f.order_id
            WHERE {Scope(filter, flags)}
            GROUP BY f.code ORDER BY count(*) DESC, f.code
            """;
        var quarantined = new NpgsqlBatchCommand("""
            SELECT regexp_replace(regexp_replace(coalesce(e.reason, 'unknown'), '\s*\(.*$', ''), '''[^'']*''', '''…''', 'g') AS reason,
                   count(*), count(*) FILTER (WHERE r.id IS NOT NULL AND r.resolved_at IS NULL), min(e.reason),
                   min(e.received_at), max(e.received_at)
            FROM raw_events e LEFT JOIN review_items r ON r.kind = 'quarantine' AND r.event_id = e.event_id
            WHERE e.outcome = 'quarantined'
            GROUP BY 1 ORDER BY count(*) DESC, 1
            """);
        batch.BatchCommands.Add(totals);
        batch.BatchCommands.Add(flags);
        batch.BatchCommands.Add(quarantined);

        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        long orders = reader.GetInt64(0), flagged = reader.GetInt64(1);
        await reader.NextResultAsync(ct);
        var flagCounts = new List<FlagCount>();
        while (await reader.ReadAsync(ct)) flagCounts.Add(new FlagCount(reader.GetString(0), reader.GetInt64(1), reader.GetString(2)));
        await reader.NextResultAsync(ct);
        var reasons = new List<QuarantineReason>();
        while (await reader.ReadAsync(ct))
            reasons.Add(new QuarantineReason(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetNullableString(3) ?? "unknown",
                reader.GetFieldValue<DateTimeOffset>(4), reader.GetFieldValue<DateTimeOffset>(5)));
        return new DataQualityReport(orders, flagged, flagCounts, reasons);
    }

    /// <summary>Flags are about every loaded order: test orders and orders without a business date included (no date filter then).</summary>
    private static string Scope(AnalyticsFilter filter, NpgsqlBatchCommand cmd) => filter.Where(cmd.Parameters, "o", includeTest: true);
}
