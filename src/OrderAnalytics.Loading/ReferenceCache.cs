using System.Collections.Concurrent;
using Npgsql;

namespace OrderAnalytics.Loading;

/// <summary>
/// Ids of small reference rows (restaurants, menu items, addons), cached per process. Missing rows are inserted
/// in their own committed statement (idempotent, ON CONFLICT) before the batch transaction, so the cache never
/// holds an id that a rolled-back transaction created, and batches never contend on reference rows.
/// Rows are inserted in key order: two loaders adding the same new rows at once then cannot deadlock.
/// </summary>
public sealed class ReferenceCache(NpgsqlDataSource dataSource)
{
    public sealed record RestaurantRow(string Ref, string? Name, string? Address, string? Contact);

    public sealed record AddonRow(string Name, string Group, string? PetpoojaId, decimal Price);

    /// <summary>Id, and whether the row has its name yet (a status callback can create a restaurant before its first order).</summary>
    private readonly ConcurrentDictionary<string, (long Id, bool Named)> _restaurants = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Name, string Group), long> _addons = new();
    private volatile IReadOnlyDictionary<(string Name, string Variant), long>? _menu;

    public async Task<IReadOnlyDictionary<string, long>> RestaurantIdsAsync(IEnumerable<RestaurantRow> restaurants, CancellationToken ct)
    {
        var wanted = restaurants.GroupBy(r => r.Ref, StringComparer.Ordinal)
            .Select(g => g.FirstOrDefault(r => r.Name is not null) ?? g.First())
            .OrderBy(r => r.Ref, StringComparer.Ordinal).ToList();
        var missing = wanted.Where(r => !_restaurants.TryGetValue(r.Ref, out var known) || (!known.Named && r.Name is not null)).ToList();
        if (missing.Count > 0)
        {
            // Fills what an earlier row (from a status callback) lacked; never overwrites a known name.
            await using var cmd = dataSource.CreateCommand("""
                INSERT INTO restaurants AS t (petpooja_restid, name, address, contact_info, created_at, updated_at)
                SELECT r, n, a, c, now(), now() FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u(r, n, a, c)
                ON CONFLICT (petpooja_restid) DO UPDATE SET
                    name = COALESCE(t.name, EXCLUDED.name), address = COALESCE(t.address, EXCLUDED.address),
                    contact_info = COALESCE(t.contact_info, EXCLUDED.contact_info), updated_at = now()
                WHERE t.name IS NULL AND EXCLUDED.name IS NOT NULL
                """);
            cmd.Parameters.Add(new() { Value = missing.Select(r => r.Ref).ToArray() });
            cmd.Parameters.Add(new() { Value = missing.Select(r => r.Name).ToArray() });
            cmd.Parameters.Add(new() { Value = missing.Select(r => r.Address).ToArray() });
            cmd.Parameters.Add(new() { Value = missing.Select(r => r.Contact).ToArray() });
            await cmd.ExecuteNonQueryAsync(ct);

            await using var select = dataSource.CreateCommand(
                "SELECT petpooja_restid, restaurant_id, name IS NOT NULL FROM restaurants WHERE petpooja_restid = ANY($1)");
            select.Parameters.Add(new() { Value = missing.Select(r => r.Ref).ToArray() });
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) _restaurants[reader.GetString(0)] = (reader.GetInt64(1), reader.GetBoolean(2));
        }
        return wanted.ToDictionary(r => r.Ref, r => _restaurants[r.Ref].Id, StringComparer.Ordinal);
    }

    /// <summary>Menu item ids by (name, variant); loaded once, until <see cref="InvalidateMenu"/>.</summary>
    public async Task<IReadOnlyDictionary<(string Name, string Variant), long>> MenuAsync(CancellationToken ct)
    {
        if (_menu is { } menu) return menu;
        var loaded = new Dictionary<(string, string), long>();
        await using var cmd = dataSource.CreateCommand("SELECT name, variant, menu_item_id FROM menu_items");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) loaded[(reader.GetString(0), reader.GetString(1))] = reader.GetInt64(2);
        _menu = loaded;
        return loaded;
    }

    /// <summary>Forget the menu (after a menu change or an alias pointing at a new item).</summary>
    public void InvalidateMenu() => _menu = null;

    public async Task<IReadOnlyDictionary<(string Name, string Group), long>> AddonIdsAsync(IEnumerable<AddonRow> addons, CancellationToken ct)
    {
        var wanted = addons.DistinctBy(a => (a.Name, a.Group))
            .OrderBy(a => a.Name, StringComparer.Ordinal).ThenBy(a => a.Group, StringComparer.Ordinal).ToList();
        var missing = wanted.Where(a => !_addons.ContainsKey((a.Name, a.Group))).ToList();
        if (missing.Count > 0)
        {
            await using var cmd = dataSource.CreateCommand("""
                INSERT INTO addons (name, group_name, petpooja_addonid, base_price, is_active)
                SELECT n, g, p, b, true FROM unnest($1::text[], $2::text[], $3::text[], $4::numeric[]) AS u(n, g, p, b)
                ON CONFLICT (name, group_name) DO NOTHING;
                """);
            cmd.Parameters.Add(new() { Value = missing.Select(a => a.Name).ToArray() });
            cmd.Parameters.Add(new() { Value = missing.Select(a => a.Group).ToArray() });
            cmd.Parameters.Add(new() { Value = missing.Select(a => a.PetpoojaId).ToArray() });
            cmd.Parameters.Add(new() { Value = missing.Select(a => a.Price).ToArray() });
            await cmd.ExecuteNonQueryAsync(ct);

            await using var select = dataSource.CreateCommand("""
                SELECT a.name, a.group_name, a.addon_id FROM addons a
                JOIN unnest($1::text[], $2::text[]) AS u(n, g) ON a.name = u.n AND a.group_name = u.g
                """);
            select.Parameters.Add(new() { Value = missing.Select(a => a.Name).ToArray() });
            select.Parameters.Add(new() { Value = missing.Select(a => a.Group).ToArray() });
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) _addons[(reader.GetString(0), reader.GetString(1))] = reader.GetInt64(2);
        }
        return wanted.ToDictionary(a => (a.Name, a.Group), a => _addons[(a.Name, a.Group)]);
    }
}
