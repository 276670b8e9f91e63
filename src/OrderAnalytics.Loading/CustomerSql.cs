using Npgsql;
using OrderAnalytics.Contracts;
using OrderAnalytics.Orders;

namespace OrderAnalytics.Loading;

/// <summary>Customers deduplicated by the cleaner's key (phone, or name + locality when confident), per restaurant.</summary>
internal static class CustomerSql
{
    /// <summary>
    /// Upserts the batch's customers in a statement of their own, committed before the batch transaction: repeat
    /// customers are in many batches, and a row lock held until the end of one batch made every overlapping batch wait.
    /// The orders upsert then finds the ids by (restaurant, key).
    /// </summary>
    public static async Task UpsertAsync(NpgsqlConnection c, IReadOnlyList<CleanedEvent> orders,
        IReadOnlyDictionary<string, long> restaurantIds, byte[] pseudonymKey, DateTimeOffset now, CancellationToken ct)
    {
        var rows = orders
            .Where(o => o.Order!.Customer?.CustomerKey is not null)
            .Select(o => (RestaurantId: restaurantIds[o.Order!.RestaurantRef], Customer: o.Order.Customer!, Version: OrderVersion.Of(o)))
            .GroupBy(r => (r.RestaurantId, r.Customer.CustomerKey!))
            .Select(g => g.MaxBy(r => r.Version))
            // Key order: concurrent upserts of the same customers lock them in one order and cannot deadlock.
            .OrderBy(r => r.RestaurantId).ThenBy(r => r.Customer.CustomerKey, StringComparer.Ordinal)
            .ToList();
        if (rows.Count == 0) return;

        // Update only when something changed: an unchanged repeat customer costs no new row version.
        await using var batch = new NpgsqlBatch(c);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(OrderBatchWriter.NoJit));
        var upsert = new NpgsqlBatchCommand("""
            INSERT INTO customers (restaurant_id, customer_key, pseudonym, name, phone, address, locality, gstin, created_at, updated_at)
            SELECT u.*, $9, $9 FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS u
            ON CONFLICT (restaurant_id, customer_key) DO UPDATE SET
                name = COALESCE(EXCLUDED.name, customers.name), address = COALESCE(EXCLUDED.address, customers.address),
                locality = COALESCE(EXCLUDED.locality, customers.locality), gstin = COALESCE(EXCLUDED.gstin, customers.gstin),
                updated_at = EXCLUDED.updated_at
            WHERE (customers.name, customers.address, customers.locality, customers.gstin)
                  IS DISTINCT FROM (COALESCE(EXCLUDED.name, customers.name), COALESCE(EXCLUDED.address, customers.address),
                                    COALESCE(EXCLUDED.locality, customers.locality), COALESCE(EXCLUDED.gstin, customers.gstin))
            """);
        upsert.Parameters.Add(new() { Value = rows.Select(r => r.RestaurantId).ToArray() });
        upsert.Parameters.Add(new() { Value = rows.Select(r => r.Customer.CustomerKey!).ToArray() });
        upsert.Parameters.Add(new() { Value = rows.Select(r => PersonalData.Pseudonym(r.Customer.CustomerKey!, pseudonymKey)).ToArray() });
        upsert.Parameters.Add(new() { Value = rows.Select(r => Blank(r.Customer.Name)).ToArray() });
        upsert.Parameters.Add(new() { Value = rows.Select(r => r.Customer.PhoneE164).ToArray() });
        upsert.Parameters.Add(new() { Value = rows.Select(r => Blank(r.Customer.Address)).ToArray() });
        upsert.Parameters.Add(new() { Value = rows.Select(r => r.Customer.Locality).ToArray() });
        upsert.Parameters.Add(new() { Value = rows.Select(r => Blank(r.Customer.Gstin)).ToArray() });
        upsert.Parameters.Add(new() { Value = now.ToUniversalTime() });
        batch.BatchCommands.Add(upsert);
        await batch.ExecuteNonQueryAsync(ct);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
