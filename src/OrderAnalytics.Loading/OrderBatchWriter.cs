using Npgsql;
using OrderAnalytics.Contracts;

namespace OrderAnalytics.Loading;

/// <summary>
/// Writes one cleaned batch in one transaction: every raw event with its outcome, quarantines for review,
/// restaurants, customers, the orders that are newer than what is stored, and those orders' children replaced
/// (never appended). Replaying any multiset of events in any order gives the same tables, because an order is
/// only written when its version (upstream stream id) is higher than the stored one.
/// </summary>
public sealed class OrderBatchWriter(NpgsqlDataSource dataSource, ReferenceCache references, byte[] pseudonymKey)
{
    public async Task<BatchWriteResult> WriteAsync(IReadOnlyList<CleanedEvent> events, bool replay, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var now = DateTimeOffset.UtcNow;

        var distinctEvents = events.GroupBy(e => e.Raw.EventId).Select(g => g.Last()).ToList();
        await RawEventSql.UpsertAsync(connection, distinctEvents, now, ct);
        await RawEventSql.RecordQuarantinesAsync(connection, distinctEvents, now, ct);

        var orders = LatestPerOrder(distinctEvents);
        var statuses = distinctEvents.Where(e => e.Status is not null).ToList();
        var restaurantIds = await references.RestaurantIdsAsync(
            orders.Select(o => (o.Order!.RestaurantRef, o.Order.RestaurantName, o.Order.RestaurantAddress, o.Order.RestaurantContact))
                .Concat(statuses.Select(s => (s.Status!.RestaurantRef, (string?)null, (string?)null, (string?)null))), ct);

        var customerIds = await CustomerSql.UpsertAsync(connection, orders, restaurantIds, pseudonymKey, now, ct);
        var written = await OrderSql.UpsertAsync(connection, orders, restaurantIds, customerIds, replay, now, ct);
        var winners = orders.Where(o => written.Contains((restaurantIds[o.Order!.RestaurantRef], o.Order.OrderId))).ToList();

        await ChildSql.ReplaceAsync(connection, winners, restaurantIds, written.Replaced, references, ct);
        await StatusSql.InsertAsync(connection, statuses, restaurantIds, ct);

        await tx.CommitAsync(ct);
        return new BatchWriteResult(
            Events: distinctEvents.Count,
            OrdersWritten: winners.Count,
            OrdersSkippedAsOlder: orders.Count - winners.Count,
            Quarantined: distinctEvents.Count(e => e.Outcome == EventOutcomes.Quarantined),
            StatusEvents: statuses.Count);
    }

    /// <summary>Within a batch only the newest event of an order can win; the database decides against stored versions.</summary>
    private static List<CleanedEvent> LatestPerOrder(IEnumerable<CleanedEvent> events) =>
        events.Where(e => e.Outcome == EventOutcomes.Order && e.Order is not null)
            .GroupBy(e => (e.Order!.RestaurantRef, e.Order.OrderId))
            .Select(g => g.OrderByDescending(e => OrderVersion.Of(e)).ThenByDescending(e => e.Raw.ReceivedAt).First())
            // A stable lock order across concurrent batches avoids deadlocks.
            .OrderBy(e => e.Order!.RestaurantRef, StringComparer.Ordinal).ThenBy(e => e.Order!.OrderId, StringComparer.Ordinal)
            .ToList();
}

public sealed record BatchWriteResult(int Events, int OrdersWritten, int OrdersSkippedAsOlder, int Quarantined, int StatusEvents);

public static class OrderVersion
{
    /// <summary>The upstream stream id orders versions; bare PetPooja callbacks have none and lose to any streamed event.</summary>
    public static long Of(CleanedEvent e) => e.Order?.StreamId ?? e.Raw.StreamId ?? 0;
}
