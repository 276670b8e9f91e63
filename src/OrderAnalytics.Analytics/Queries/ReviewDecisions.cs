using MassTransit;
using Npgsql;
using OrderAnalytics.Contracts;
using OrderAnalytics.Matching;

namespace OrderAnalytics.Analytics.Queries;

public sealed record ReviewResolution(string RawName, string NormalisedName, string MenuItem, string Variant, long OrdersToReprocess);

/// <summary>
/// An admin's decision on the review queue: the raw name becomes a verified alias of a menu item, and the orders that
/// contain it are re-processed from their raw events (the cleaner reloads aliases first).
/// </summary>
public sealed class ReviewDecisions(NpgsqlDataSource db, IPublishEndpoint bus)
{
    public async Task<ReviewResolution> ResolveAsync(string rawName, string menuItem, string variant, string decidedBy, CancellationToken ct)
    {
        var normalised = NameNormaliser.Normalise(rawName);
        await using var cmd = db.CreateCommand("""
            WITH item AS (SELECT menu_item_id FROM menu_items WHERE name = $2 AND variant = $3)
            INSERT INTO menu_aliases (normalised_name, menu_item_id, raw_example, verified_by, created_at)
            SELECT $1, item.menu_item_id, $4, $5, now() FROM item
            ON CONFLICT (normalised_name) DO UPDATE SET menu_item_id = EXCLUDED.menu_item_id, raw_example = EXCLUDED.raw_example,
                verified_by = EXCLUDED.verified_by, created_at = EXCLUDED.created_at
            RETURNING menu_item_id
            """);
        cmd.Parameters.Add(new() { Value = normalised });
        cmd.Parameters.Add(new() { Value = menuItem });
        cmd.Parameters.Add(new() { Value = variant });
        cmd.Parameters.Add(new() { Value = rawName });
        cmd.Parameters.Add(new() { Value = decidedBy });
        if (await cmd.ExecuteScalarAsync(ct) is null)
            throw new ArgumentException($"No menu item '{menuItem}' with variant '{variant}'.");

        await using var count = db.CreateCommand(
            "SELECT count(DISTINCT (restaurant_id, order_id)) FROM order_items WHERE name_raw = $1 OR normalised_name = $2");
        count.Parameters.Add(new() { Value = rawName });
        count.Parameters.Add(new() { Value = normalised });
        var orders = (long)(await count.ExecuteScalarAsync(ct))!;

        await bus.Publish(new ReprocessOrderEvents(NewId.NextGuid(), $"review resolved: {rawName} → {menuItem} {variant}",
            [rawName, normalised]), ct);
        return new ReviewResolution(rawName, normalised, menuItem, variant, orders);
    }

    /// <summary>Re-runs every stored raw event (after a menu or rule change).</summary>
    public async Task<bool> ReprocessAllAsync(string reason, CancellationToken ct)
    {
        await bus.Publish(new ReprocessOrderEvents(NewId.NextGuid(), reason), ct);
        return true;
    }
}
