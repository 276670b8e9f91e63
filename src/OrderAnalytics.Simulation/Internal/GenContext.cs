using System.Globalization;

namespace OrderAnalytics.Simulation.Internal;

/// <summary>Immutable per-stream state shared by every day's generation.</summary>
internal sealed class GenContext
{
    public GenContext(SimulationOptions options, MenuCatalog catalog)
    {
        Options = options;
        Catalog = catalog;
        Seed = Hash.Mix((ulong)(uint)options.Seed, 0x0DAC4A0DUL);
        Restaurants = Enumerable.Range(0, options.Restaurants).Select(RestaurantInfo.Create).ToArray();
        var years = Math.Max(1.0, options.Days / 365.0);
        CustomerPool = (int)Math.Clamp(Math.Round(3000 * options.Scale * options.Restaurants * years), 200, People.MaxPoolSize);
        Regulars = Math.Max(10, CustomerPool / 25);
        Tokens = Restaurants.Select(r => Hex(Hash.Mix(Seed, 0x70CE4UL, (ulong)r.Index), 32)).ToArray();

        Vessels = catalog.AddonNames.Where(a => a.Kind == AddonKind.Vessel).ToDictionary(a => a.Name, StringComparer.Ordinal);
        (Flavour200, Flavour200Cumulative) = Table(catalog.AddonNames.Where(a => a.Kind == AddonKind.Flavour200Ml));
        (Flavour160, Flavour160Cumulative) = Table(catalog.AddonNames.Where(a => a.Kind == AddonKind.Flavour160Gm));
        (SmallScoops, SmallScoopCumulative) = Table(catalog.AddonNames.Where(a => a.Kind == AddonKind.SmallScoop));

        RawByName = catalog.ItemNames.ToDictionary(n => n.Name, StringComparer.Ordinal);
    }

    public SimulationOptions Options { get; }
    public MenuCatalog Catalog { get; }
    public ulong Seed { get; }
    public RestaurantInfo[] Restaurants { get; }
    public int CustomerPool { get; }
    public int Regulars { get; }
    public string[] Tokens { get; }
    public Dictionary<string, RawAddonName> Vessels { get; }
    public RawAddonName[] Flavour200 { get; }
    public double[] Flavour200Cumulative { get; }
    public RawAddonName[] Flavour160 { get; }
    public double[] Flavour160Cumulative { get; }
    public RawAddonName[] SmallScoops { get; }
    public double[] SmallScoopCumulative { get; }
    public Dictionary<string, RawItemName> RawByName { get; }

    public RawItemName? Raw(string name) => RawByName.GetValueOrDefault(name);

    private static (RawAddonName[], double[]) Table(IEnumerable<RawAddonName> addons)
    {
        var a = addons.ToArray();
        return (a, Demand.Cumulative(a.Select(x => (double)x.Count).ToArray()));
    }

    /// <summary>Item-name sampling table for a date: seasonal names only in season, sizes drift from gms to ml.</summary>
    public (RawItemName[] Names, double[] Cumulative) ItemTable(DateOnly date, double eraT)
    {
        var names = new List<RawItemName>(Catalog.ItemNames.Count);
        var weights = new List<double>(Catalog.ItemNames.Count);
        var navratri = Demand.IsNavratriSeason(date);
        var diwali = Demand.IsDiwaliSeason(date);
        var plum = Demand.IsPlumCakeSeason(date);
        var mango = Demand.IsMangoSeason(date);
        foreach (var n in Catalog.ItemNames)
        {
            if (n.Item.IsNonProduct || n.Item.Name.StartsWith("Employee", StringComparison.Ordinal)) continue;
            var lower = n.Name.ToLowerInvariant();
            double w = n.Count;
            if (lower.Contains("navratri", StringComparison.Ordinal)) { if (!navratri) continue; w *= 4; }
            if (lower.Contains("diwali", StringComparison.Ordinal)) { if (!diwali) continue; w *= 3; }
            if (lower.Contains("plum cake", StringComparison.Ordinal)) { if (!plum) continue; w *= 3; }
            if (lower.Contains("mango", StringComparison.Ordinal)) { if (!mango) continue; w *= 6; }
            if (lower.Contains("gms)", StringComparison.Ordinal) || lower.Contains("gm)", StringComparison.Ordinal))
                w *= 1.6 - 1.2 * eraT;
            else if (lower.Contains("ml)", StringComparison.Ordinal))
                w *= 0.4 + 1.2 * eraT;
            names.Add(n);
            weights.Add(w);
        }
        return (names.ToArray(), Demand.Cumulative(weights));
    }

    public static string Hex(ulong seed, int length)
    {
        Span<char> c = stackalloc char[length];
        var h = seed;
        for (var i = 0; i < length; i++)
        {
            if (i % 16 == 0) h = Hash.Mix(seed, (ulong)i);
            c[i] = "0123456789abcdef"[(int)(h & 0xF)];
            h >>= 4;
        }
        return new string(c);
    }

    public static string Digits(Rng rng, int length, char first)
    {
        Span<char> c = stackalloc char[length];
        c[0] = first;
        for (var i = 1; i < length; i++) c[i] = (char)('0' + rng.Next(10));
        return new string(c);
    }

    public static string Str(long v) => v.ToString(CultureInfo.InvariantCulture);
}
