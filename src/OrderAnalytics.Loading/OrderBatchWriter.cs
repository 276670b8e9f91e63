using Npgsql;
using OrderAnalytics.Contracts;

namespace OrderAnalytics.Loading;

/// <summary>
/// Writes one cleaned batch: restaurants, addons and customers first, in short statements of their own; then in one
/// transaction every raw event with its outcome, quarantines for review, status callbacks, the orders that are newer
/// than what is stored, and those orders' children replaced (never appended). Replaying any multiset of events in any
/// order gives the same tables, because an order is only written when its version (upstream stream id) is higher
/// than the stored one.
/// </summary>
/// <remarks>
/// Concurrent writers lock rows table by table in one order (raw_events, review_items, order_status_events, the business
/// days of the orders (advisory, for the rollups' triggers: see RollupLocks), orders, children) and within a table in
/// key order, so overlapping batches wait for each other instead of deadlocking. A deadlock or serialization failure that still happens (e.g. against another client) rolls the batch back and it is
/// retried. Round trips per batch: customers, landing + upsert, children, commit (reference rows only when new).
/// </remarks>
public sealed class OrderBatchWriter(NpgsqlDataSource dataSource, ReferenceCache references, byte[] pseudonymKey)
{
    private const int MaxAttempts = 4;

    /// <summary>
    /// For the rest of this transaction only. Array-fed statements look expensive to the planner, and LLVM-compiling
    /// them on every execution cost more server CPU than the load itself (measured: 3.5 s against 10+ s for 30K orders).
    /// </summary>
    internal const string NoJit = "SELECT set_config('jit', 'off', true)";

    public async Task<BatchWriteResult> WriteAsync(IReadOnlyList<CleanedEvent> events, bool replay, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(events);
        var batch = Prepare(events);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await WriteOnceAsync(batch, replay, ct);
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure
                                               && attempt < MaxAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 50) * attempt), ct);
            }
        }
    }

    private async Task<BatchWriteResult> WriteOnceAsync(Batch batch, bool replay, CancellationToken ct)
    {
        // Reference rows and customers commit before the batch: the batch never waits on another batch's new
        // restaurant, addon or repeat customer, and a rollback cannot leave a cached id without its row.
        var restaurantIds = await references.RestaurantIdsAsync(batch.Restaurants, ct);
        var menu = await references.MenuAsync(ct);
        var addonIds = await references.AddonIdsAsync(batch.Addons, ct);
        var now = DateTimeOffset.UtcNow;

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await CustomerSql.UpsertAsync(connection, batch.Orders, restaurantIds, pseudonymKey, now, ct);

        // The rest is one transaction in two round trips: first the landing and the upsert, which returns the orders it
        // wrote; then their children, only for those orders, and old children only for the orders it replaced.
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using var first = new NpgsqlBatch(connection, tx);
        first.BatchCommands.Add(new NpgsqlBatchCommand(NoJit));
        RawEventSql.AddUpsert(first, batch.Events, now);
        StatusSql.AddInsert(first, batch.Statuses, restaurantIds);
        if (batch.Orders.Count > 0)
        {
            RollupLocks.AddDayLocks(first, batch.Orders, restaurantIds);
            OrderSql.AddUpsert(first, batch.Orders, restaurantIds, replay, now);
        }
        var written = new List<(long RestaurantId, CleanedEvent Event, bool Replaced)>();
        var byKey = batch.Orders.ToDictionary(o => (restaurantIds[o.Order!.RestaurantRef], o.Order.OrderId));
        // Prepared once per physical connection (Npgsql keeps them across pool returns): the server skips parsing
        // and planning these long statements for every batch.
        await first.PrepareAsync(ct);
        await using (var reader = await first.ExecuteReaderAsync(ct))
        {
            do
            {
                // Only the upsert returns three columns.
                while (reader.FieldCount == 3 && await reader.ReadAsync(ct))
                    written.Add((reader.GetInt64(0), byKey[(reader.GetInt64(0), reader.GetString(1))], reader.GetBoolean(2)));
            } while (await reader.NextResultAsync(ct));
        }

        if (written.Count > 0)
        {
            await using var second = new NpgsqlBatch(connection, tx);
            ChildSql.AddReplace(second, written, menu, addonIds);
            await second.PrepareAsync(ct);
            await second.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);

        return new BatchWriteResult(
            Events: batch.Events.Count,
            OrdersWritten: written.Count,
            OrdersSkippedAsOlder: batch.Orders.Count - written.Count,
            Quarantined: batch.Events.Count(e => e.Outcome == EventOutcomes.Quarantined),
            StatusEvents: batch.Statuses.Count);
    }

    private sealed record Batch(
        List<CleanedEvent> Events,
        List<CleanedEvent> Orders,
        List<CleanedEvent> Statuses,
        List<ReferenceCache.RestaurantRow> Restaurants,
        List<ReferenceCache.AddonRow> Addons);

    private static Batch Prepare(IReadOnlyList<CleanedEvent> events)
    {
        // One row per event id (a redelivered event counts once), in key order for a stable lock order.
        var distinct = events.GroupBy(e => e.Raw.EventId, StringComparer.Ordinal).Select(g => g.Last())
            .OrderBy(e => e.Raw.EventId, StringComparer.Ordinal).ToList();
        var orders = LatestPerOrder(distinct);
        var statuses = distinct.Where(e => e.Outcome == EventOutcomes.Status && e.Status is not null).ToList();
        // Reference rows come from every order event, not only the newest: which versions share a batch then
        // cannot change what the catalogue ends up holding.
        var allOrders = distinct.Where(e => e.Outcome == EventOutcomes.Order && e.Order is not null).Select(e => e.Order!).ToList();
        var restaurants = allOrders.Select(o => new ReferenceCache.RestaurantRow(o.RestaurantRef, o.RestaurantName, o.RestaurantAddress, o.RestaurantContact))
            .Concat(statuses.Select(s => new ReferenceCache.RestaurantRow(s.Status!.RestaurantRef, null, null, null)))
            .ToList();
        var addons = allOrders.SelectMany(o => o.Items).SelectMany(i => i.Addons)
            .Select(a => new ReferenceCache.AddonRow(a.Name, a.GroupName ?? "", a.PetpoojaAddonId, a.Price)).ToList();
        return new Batch(distinct, orders, statuses, restaurants, addons);
    }

    /// <summary>Within a batch only the newest event of an order can win; the database decides against stored versions.</summary>
    private static List<CleanedEvent> LatestPerOrder(IEnumerable<CleanedEvent> events) =>
        events.Where(e => e.Outcome == EventOutcomes.Order && e.Order is not null)
            .GroupBy(e => (e.Order!.RestaurantRef, e.Order.OrderId))
            .Select(g => g.OrderByDescending(OrderVersion.Of).ThenByDescending(e => e.Raw.ReceivedAt)
                .ThenByDescending(e => e.Raw.EventId, StringComparer.Ordinal).First())
            .OrderBy(e => e.Order!.RestaurantRef, StringComparer.Ordinal).ThenBy(e => e.Order!.OrderId, StringComparer.Ordinal)
            .ToList();
}

public sealed record BatchWriteResult(int Events, int OrdersWritten, int OrdersSkippedAsOlder, int Quarantined, int StatusEvents);

public static class OrderVersion
{
    /// <summary>The upstream stream id orders versions; bare PetPooja callbacks have none and lose to any streamed event.</summary>
    public static long Of(CleanedEvent e) => e.Order?.StreamId ?? e.Raw.StreamId ?? 0;
}
