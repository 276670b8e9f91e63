using System.Collections.Concurrent;
using Npgsql;

namespace OrderAnalytics.Loading;

/// <summary>
/// Ids of small reference rows (restaurants, menu items, addons), cached per process. Missing rows are inserted
/// in their own committed statement (idempotent, ON CONFLICT DO NOTHING) before the batch transaction, so the
/// cache never holds an id that a rolled-back transaction created, and batches never contend on reference rows.
/// </summary>
public sealed class ReferenceCache(NpgsqlDataSource dataSource)
{
    private readonly ConcurrentDictionary<string, long> _restaurants = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Name, string Group), long> _addons = new();
    private volatile Dictionary<(string Name, string Variant), long>? _menu;

    public async Task<IReadOnlyDictionary<string, long>> RestaurantIdsAsync(
        IEnumerable<(string Ref, string? Name, string? Address, string? Contact)> restaurants, CancellationToken ct)
    {
        var wanted = restaurants.DistinctBy(r => r.Ref).ToList();
        var missing = wanted.Where(r => !_restaurants.ContainsKey(r.Ref)).ToList();
        if (missing.Count > 0)
        {
            await using var cmd = dataSource.CreateCommand("""
                INSERT INTO restaurants (petpooja_restid, name, address, contact_info, created_at, updated_at)
                SELECT r, n, a, c, now(), now() FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u(r, n, a, c)
                ON CONFLICT (petpooja_restid) DO NOTHING;
                """);
            cmd.Parameters.Add(new() { Value = missing.Select(r => r.Ref).ToArray() });
            cmd.Parameters.Add(new() { Value = missing.Select(r => r.Name).ToArray() });
            cmd.Parameters.Add(new() { Value = missing.Select(r => r.Address).ToArray() });
            cmd.Parameters.Add(new() { Value = missing.Select(r => r.Contact).ToArray() });
            await cmd.ExecuteNonQueryAsync(ct);

            await using var select = dataSource.CreateCommand(
                "SELECT petpooja_restid, restaurant_id FROM restaurants WHERE petpooja_restid = ANY($1)");
            select.Parameters.Add(new() { Value = missing.Select(r => r.Ref).ToArray() });
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) _restaurants[reader.GetString(0)] = reader.GetInt64(1);
        }
        return wanted.ToDictionary(r => r.Ref, r => _restaurants[r.Ref], StringComparer.Ordinal);
    }

    public async Task<long?> MenuItemIdAsync(string? name, string? variant, CancellationToken ct)
    {
        if (name is null || variant is null) return null;
        var menu = _menu ?? await LoadMenuAsync(ct);
        return menu.TryGetValue((name, variant), out var id) ? id : null;
    }

    /// <summary>Forget the menu (after a menu change or an alias pointing at a new item).</summary>
    public void InvalidateMenu() => _menu = null;

    public async Task<IReadOnlyDictionary<(string Name, string Group), long>> AddonIdsAsync(
        IEnumerable<(string Name, string Group, string? PetpoojaId, decimal Price)> addons, CancellationToken ct)
    {
        var wanted = addons.DistinctBy(a => (a.Name, a.Group)).ToList();
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

    private async Task<Dictionary<(string, string), long>> LoadMenuAsync(CancellationToken ct)
    {
        var menu = new Dictionary<(string, string), long>();
        await using var cmd = dataSource.CreateCommand("SELECT name, variant, menu_item_id FROM menu_items");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) menu[(reader.GetString(0), reader.GetString(1))] = reader.GetInt64(2);
        _menu = menu;
        return menu;
    }
}
