using Npgsql;
using OrderAnalytics.Contracts;
using OrderAnalytics.Orders;

namespace OrderAnalytics.Loading;

/// <summary>Customers deduplicated by the cleaner's key (phone, or name + locality when confident), per restaurant.</summary>
internal static class CustomerSql
{
    public static async Task<Dictionary<(long, string), long>> UpsertAsync(NpgsqlConnection c, IReadOnlyList<CleanedEvent> orders,
        IReadOnlyDictionary<string, long> restaurantIds, byte[] pseudonymKey, DateTimeOffset now, CancellationToken ct)
    {
        var rows = orders
            .Where(o => o.Order!.Customer?.CustomerKey is not null)
            .Select(o => (RestaurantId: restaurantIds[o.Order!.RestaurantRef], Customer: o.Order.Customer!))
            .GroupBy(r => (r.RestaurantId, r.Customer.CustomerKey!))
            .Select(g => g.Last())
            .OrderBy(r => r.RestaurantId).ThenBy(r => r.Customer.CustomerKey, StringComparer.Ordinal)
            .ToList();
        var ids = new Dictionary<(long, string), long>();
        if (rows.Count == 0) return ids;

        // Update only when something changed, so repeat customers in concurrent batches do not queue on row locks.
        await using var batch = new NpgsqlBatch(c);
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
        var restaurantIdArray = rows.Select(r => r.RestaurantId).ToArray();
        var keyArray = rows.Select(r => r.Customer.CustomerKey!).ToArray();
        upsert.Parameters.Add(new() { Value = restaurantIdArray });
        upsert.Parameters.Add(new() { Value = keyArray });
        upsert.Parameters.Add(new() { Value = rows.Select(r => PersonalData.Pseudonym(r.Customer.CustomerKey!, pseudonymKey)).ToArray() });
        upsert.Parameters.Add(new() { Value = rows.Select(r => Blank(r.Customer.Name)).ToArray() });
        upsert.Parameters.Add(new() { Value = rows.Select(r => r.Customer.PhoneE164).ToArray() });
        upsert.Parameters.Add(new() { Value = rows.Select(r => Blank(r.Customer.Address)).ToArray() });
        upsert.Parameters.Add(new() { Value = rows.Select(r => r.Customer.Locality).ToArray() });
        upsert.Parameters.Add(new() { Value = rows.Select(r => Blank(r.Customer.Gstin)).ToArray() });
        upsert.Parameters.Add(new() { Value = now });
        var select = new NpgsqlBatchCommand("""
            SELECT c.restaurant_id, c.customer_key, c.customer_id FROM customers c
            JOIN unnest($1::bigint[], $2::text[]) AS k(r, key) ON c.restaurant_id = k.r AND c.customer_key = k.key
            """);
        select.Parameters.Add(new() { Value = restaurantIdArray });
        select.Parameters.Add(new() { Value = keyArray });
        batch.BatchCommands.Add(upsert);
        batch.BatchCommands.Add(select);
        await using var reader = await batch.ExecuteReaderAsync(ct);
        while (reader.FieldCount == 0 && await reader.NextResultAsync(ct)) { }   // past the INSERT's empty result
        while (await reader.ReadAsync(ct)) ids[(reader.GetInt64(0), reader.GetString(1))] = reader.GetInt64(2);
        return ids;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
