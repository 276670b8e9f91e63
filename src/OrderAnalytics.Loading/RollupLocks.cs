using Npgsql;
using OrderAnalytics.Contracts;

namespace OrderAnalytics.Loading;

/// <summary>
/// Serialises concurrent batches per (restaurant, business day) before they write orders. Triggers on orders and
/// order_items keep the rollups (order_facts_daily, …, item_sales_daily; see the AddRollups migration) by adding signed
/// deltas to a day's rows, in several statements per batch: two batches locking the same day's rows in different
/// statements could deadlock. Taking the days' transaction-scoped advisory locks first, in key order, in one statement
/// turns that into a wait. Batches on other days still run in parallel, and the rollups stay exact without the locks
/// (they only prevent deadlocks): an order moved away from a day this batch did not lock is rare and retried if it deadlocks.
/// </summary>
internal static class RollupLocks
{
    /// <summary>Two-int advisory keys: their own key space, apart from the single-bigint locks other services take.</summary>
    private const string Lock = """
        SELECT count(pg_advisory_xact_lock((k.restaurant_id % 2147483648)::int, k.business_date - date '2000-01-01'))
        FROM (SELECT DISTINCT restaurant_id, business_date FROM unnest($1::bigint[], $2::date[]) AS u(restaurant_id, business_date)
              ORDER BY 1, 2) k
        """;

    /// <summary>Adds the lock statement for the business days of <paramref name="orders"/>; returns one column (not the upsert's three).</summary>
    public static void AddDayLocks(NpgsqlBatch batch, IReadOnlyList<CleanedEvent> orders, IReadOnlyDictionary<string, long> restaurantIds)
    {
        var days = orders.Where(e => e.Order!.BusinessDate is not null)
            .Select(e => (RestaurantId: restaurantIds[e.Order!.RestaurantRef], Date: e.Order.BusinessDate!.Value)).Distinct().ToList();
        if (days.Count == 0) return;
        var command = new NpgsqlBatchCommand(Lock);
        command.Parameters.Add(new() { Value = days.Select(d => d.RestaurantId).ToArray() });
        command.Parameters.Add(new() { Value = days.Select(d => d.Date).ToArray() });
        batch.BatchCommands.Add(command);
    }
}
