using Microsoft.EntityFrameworkCore;
using OrderAnalytics.Data;

namespace OrderAnalytics.Migrator;

/// <summary>Loads the cafe's cleaned menu into menu_items; idempotent (keyed by name and variant).</summary>
internal static class MenuSeeder
{
    public static async Task<int> SeedAsync(OrderAnalyticsDbContext db, string csvPath, CancellationToken ct)
    {
        var lines = await File.ReadAllLinesAsync(csvPath, ct);
        var header = lines[0].Split(',');
        int name = Array.IndexOf(header, "name"), type = Array.IndexOf(header, "type"), variant = Array.IndexOf(header, "variant");
        if (name < 0 || type < 0 || variant < 0) throw new InvalidDataException($"{csvPath}: header must contain name,type,variant");

        var rows = lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
            .Select(f => (Name: f[name].Trim(), Type: f[type].Trim(), Variant: f[variant].Trim()))
            .DistinctBy(r => (r.Name, r.Variant)).ToList();

        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO menu_items (name, type, variant, is_active)
            SELECT n, t, v, true FROM unnest({0}::text[], {1}::text[], {2}::text[]) AS u(n, t, v)
            ON CONFLICT (name, variant) DO UPDATE SET type = EXCLUDED.type, is_active = true
            """, [rows.Select(r => r.Name).ToArray(), rows.Select(r => r.Type).ToArray(), rows.Select(r => r.Variant).ToArray()], ct);
        return await db.MenuItems.CountAsync(ct);
    }
}
