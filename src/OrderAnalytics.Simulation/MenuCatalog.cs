using System.Globalization;
using OrderAnalytics.Simulation.Internal;

namespace OrderAnalytics.Simulation;

/// <summary>One row of the cafe's cleaned menu (<c>data/cleaned_menu.csv</c>) with the simulator's price.</summary>
/// <param name="Name">Menu name exactly as in cleaned_menu.csv.</param>
/// <param name="Type">Ice Cream, Dessert, Combo, Drinks, Extra or Service.</param>
/// <param name="Variant">Variant code, e.g. <c>REGULAR_TUB_300ML</c>.</param>
/// <param name="Price">POS price in rupees (aggregators add ~10 %, see <see cref="MenuCatalog.AggregatorPrice"/>).</param>
/// <param name="PetpoojaItemId">PetPooja itemid: shared by all variants and renames of a product (a hint only).</param>
/// <param name="ItemCode">PetPooja itemcode, e.g. <c>VANILLAICE</c>.</param>
/// <param name="Category">Category shown on the POS, e.g. <c>Comfort Classics</c>.</param>
public sealed record MenuItem(
    string Name,
    string Type,
    string Variant,
    decimal Price,
    long PetpoojaItemId,
    string ItemCode,
    string Category)
{
    /// <summary>Non-product lines (delivery charges, packaging, factory visits).</summary>
    public bool IsNonProduct => Type is "Service" || (Type is "Extra" && (Name.Contains("Delivery", StringComparison.Ordinal) || Name.Contains("Packaging", StringComparison.Ordinal)));
}

/// <summary>A raw item name as seen in real orders (<c>data/order_item_names.tsv</c>) and the menu item it really is.</summary>
public sealed record RawItemName(string Name, int Count, MenuItem Item);

/// <summary>Kinds of addon the simulator attaches to items.</summary>
public enum AddonKind
{
    /// <summary>Cup, Waffle Cone, Takeaway Cup, Butter Waffle Cone: the "Cuporcone" group of a scoop.</summary>
    Vessel,
    /// <summary>A 200 ml flavour chosen inside a Duo / Family Pack combo.</summary>
    Flavour200Ml,
    /// <summary>A 160 gm flavour chosen inside an older Duo combo.</summary>
    Flavour160Gm,
    /// <summary>A small scoop chosen inside the Half In Half combo.</summary>
    SmallScoop,
}

/// <summary>A raw addon name as seen in real orders (<c>data/addon_names.tsv</c>).</summary>
public sealed record RawAddonName(string Name, int Count, AddonKind Kind, string GroupName, string AddonId, decimal Price);

/// <summary>
/// The cafe's menu, raw item and addon names with their real frequencies, and the truth mapping from each
/// raw name to its menu item (<c>Resources/item_truth.tsv</c>). Prices are the simulator's, deterministic.
/// </summary>
public sealed class MenuCatalog
{
    private static readonly Lazy<MenuCatalog> LazyDefault = new(Load);

    /// <summary>The catalog built from the embedded copies of <c>data/*.csv|tsv</c>.</summary>
    public static MenuCatalog Default => LazyDefault.Value;

    public IReadOnlyList<MenuItem> Items { get; }
    public IReadOnlyList<RawItemName> ItemNames { get; }
    public IReadOnlyList<RawAddonName> AddonNames { get; }

    /// <summary>Raw names (from order_item_names.tsv) that had no truth mapping and are therefore never generated.</summary>
    public IReadOnlyList<string> UnmappedItemNames { get; }

    private readonly Dictionary<(string Name, string Variant), MenuItem> _byKey;
    private readonly Dictionary<string, RawItemName> _byRaw;

    private MenuCatalog(List<MenuItem> items, List<RawItemName> names, List<RawAddonName> addons, List<string> unmapped)
    {
        Items = items;
        ItemNames = names;
        AddonNames = addons;
        UnmappedItemNames = unmapped;
        _byKey = items.ToDictionary(i => (i.Name, i.Variant));
        _byRaw = names.ToDictionary(n => n.Name, StringComparer.Ordinal);
    }

    public MenuItem? Find(string name, string variant) => _byKey.GetValueOrDefault((name, variant));

    public RawItemName? FindRaw(string rawName) => _byRaw.GetValueOrDefault(rawName);

    /// <summary>Zomato / Swiggy list prices: POS price + 10 %, rounded to ₹5.</summary>
    public static decimal AggregatorPrice(decimal posPrice) =>
        posPrice <= 0 ? posPrice : Math.Round(posPrice * 1.10m / 5m, MidpointRounding.AwayFromZero) * 5m;

    private static MenuCatalog Load()
    {
        var menuRows = ReadLines("cleaned_menu.csv").Skip(1)
            .Select(l => l.Split(','))
            .Where(p => p.Length == 3)
            .Select(p => (Name: p[0].Trim(), Type: p[1].Trim(), Variant: p[2].Trim()))
            .ToList();
        var items = menuRows
            .Select(r => new MenuItem(r.Name, r.Type, r.Variant, Pricing.PriceOf(r.Name, r.Type, r.Variant),
                ItemId(r.Name), ItemCode(r.Name, r.Type), Category(r.Name, r.Type)))
            .ToList();
        var byKey = items.ToDictionary(i => (i.Name, i.Variant));

        var truth = new Dictionary<string, (string Menu, string Variant)>(StringComparer.Ordinal);
        foreach (var line in ReadLines("item_truth.tsv").Skip(1))
        {
            var p = line.Split('\t');
            if (p.Length >= 3) truth[p[0]] = (p[1], p[2]);
        }

        var names = new List<RawItemName>();
        var unmapped = new List<string>();
        foreach (var line in ReadLines("order_item_names.tsv").Skip(1))
        {
            var p = line.Split('\t');
            if (p.Length < 2 || !int.TryParse(p[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var count)) continue;
            var raw = p[1];
            if (truth.TryGetValue(raw, out var t) && byKey.TryGetValue((t.Menu, t.Variant), out var item))
                names.Add(new RawItemName(raw, count, item));
            else
                unmapped.Add(raw);
        }

        var addons = new List<RawAddonName>();
        foreach (var line in ReadLines("addon_names.tsv").Skip(1))
        {
            var p = line.Split('\t');
            if (p.Length < 2 || !int.TryParse(p[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var count)) continue;
            var name = p[1];
            var (kind, group, price) = ClassifyAddon(name);
            addons.Add(new RawAddonName(name, count, kind, group, (10_000_000 + (long)(Hash.Of("addon:" + name) % 89_999_999)).ToString(CultureInfo.InvariantCulture), price));
        }

        return new MenuCatalog(items, names, addons, unmapped);
    }

    private static (AddonKind Kind, string Group, decimal Price) ClassifyAddon(string name)
    {
        switch (name)
        {
            case "Cup": return (AddonKind.Vessel, "Cuporcone", 0m);
            case "Takeaway Cup": return (AddonKind.Vessel, "Cuporcone", 0m);
            case "Waffle Cone": return (AddonKind.Vessel, "Cuporcone", 30m);
            case "Butter Waffle Cone (2pcs)": return (AddonKind.Vessel, "Cuporcone", 70m);
        }
        if (name.Contains("Small Scoop", StringComparison.OrdinalIgnoreCase)) return (AddonKind.SmallScoop, "Choose Any 2 Scoops", 0m);
        if (name.Contains("(160gm)", StringComparison.OrdinalIgnoreCase)) return (AddonKind.Flavour160Gm, "Choose Your Flavours (160gm)", 0m);
        return (AddonKind.Flavour200Ml, "Choose Your Flavours", 0m);
    }

    private static IEnumerable<string> ReadLines(string resource)
    {
        var asm = typeof(MenuCatalog).Assembly;
        using var stream = asm.GetManifestResourceStream("OrderAnalytics.Simulation." + resource)
            ?? throw new InvalidOperationException($"Embedded resource {resource} is missing.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0) lines.Add(line.TrimEnd('\r'));
        }
        return lines;
    }

    /// <summary>Same id for every variant and rename of a product (70 % / "Ice Cream" / navratri tags dropped).</summary>
    private static long ItemId(string name)
    {
        var key = name.ToLowerInvariant()
            .Replace("70% ", "", StringComparison.Ordinal)
            .Replace(" ice creams", "", StringComparison.Ordinal)
            .Replace(" ice cream", "", StringComparison.Ordinal)
            .Replace(" (navratri)", "", StringComparison.Ordinal)
            .Trim();
        return 1_000_000_000L + (long)(Hash.Of("item:" + key) % 900_000_000UL);
    }

    private static readonly HashSet<string> CodeStopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "old", "fashion", "eggless", "egg", "based", "ice", "cream", "creams", "the", "and", "with", "&", "design", "your",
        "classic", "new", "york", "d&n", "of", "(navratri)", "(contains", "alcohol)", "contains", "alcohol",
    };

    private static string ItemCode(string name, string type)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !CodeStopWords.Contains(w))
            .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant())
            .Where(w => w.Length > 0)
            .ToList();
        var core = words.Count == 0 ? "ITEM" : string.Concat(words);
        if (type == "Ice Cream")
        {
            core = (core.Length > 7 ? core[..7] : core) + "ICE";
        }
        return core.Length > 10 ? core[..10] : core;
    }

    private static string Category(string name, string type)
    {
        var n = name.ToLowerInvariant();
        switch (type)
        {
            case "Dessert": return n.Contains("cheesecake", StringComparison.Ordinal) ? "Cheesecakes" : "Desserts";
            case "Combo": return "Combos";
            case "Drinks": return "Beverages";
            case "Extra": return "Extras";
            case "Service": return "Experiences";
        }
        if (n.Contains("navratri", StringComparison.Ordinal)) return "Navratri Specials";
        if (n.Contains("cake", StringComparison.Ordinal)) return "Ice Cream Cakes";
        if (n.Contains("alcohol", StringComparison.Ordinal)) return "Boozy Scoops";
        if (n.Contains("brownie", StringComparison.Ordinal)) return "Sundaes";
        if (n.StartsWith("eggless", StringComparison.Ordinal)) return "Eggless Range";
        if (n.Contains("chocolate", StringComparison.Ordinal)) return "Chocolate Lovers";
        if (n.Contains("vanilla", StringComparison.Ordinal) || n.Contains("pistachio", StringComparison.Ordinal)
            || n.Contains("coffee", StringComparison.Ordinal) || n.Contains("masala", StringComparison.Ordinal)
            || n.Contains("paan", StringComparison.Ordinal) || n.Contains("rose", StringComparison.Ordinal))
            return "Comfort Classics";
        return "Fruity & Fun";
    }
}

/// <summary>Deterministic menu prices: ranges per variant (and type), a fixed price for special items.</summary>
internal static class Pricing
{
    private static readonly Dictionary<string, (int Lo, int Hi)> VariantRanges = new(StringComparer.Ordinal)
    {
        ["JUNIOR_SCOOP_60GMS"] = (120, 160),
        ["REGULAR_SCOOP_120GMS"] = (200, 260),
        ["MINI_TUB_160GMS"] = (280, 340),
        ["MINI_TUB_200ML"] = (300, 380),
        ["REGULAR_TUB_220GMS"] = (400, 470),
        ["REGULAR_TUB_300ML"] = (420, 520),
        ["PERFECT_PLENTY_200GMS"] = (360, 420),
        ["PERFECT_PLENTY_300ML"] = (420, 520),
        ["PERFECT_PLENTY_325ML"] = (450, 540),
        ["PERFECT_PLENTY_350ML"] = (470, 560),
        ["FAMILY_TUB_500GMS"] = (900, 1050),
        ["FAMILY_TUB_550GMS"] = (950, 1100),
        ["FAMILY_TUB_700ML"] = (1000, 1150),
        ["FAMILY_TUB_725ML"] = (1050, 1200),
        ["FAMILY_PACK_3X200ML"] = (990, 1140),
        ["DUO_200ML_200ML"] = (620, 740),
        ["400GMS"] = (1100, 1200),
        ["1KG"] = (2200, 2400),
        ["250GMS"] = (420, 460),
    };

    private static readonly Dictionary<string, int> Fixed = new(StringComparer.Ordinal)
    {
        ["Classic Tiramisu|1_PIECE"] = 390,
        ["Boston Cream Pie|1_PIECE"] = 230,
        ["Boston Cream Pie|2_PIECES"] = 420,
        ["Classic Chocolate Lamington|1_PIECE"] = 190,
        ["Classic Chocolate Lamington|2_PIECES"] = 360,
        ["New York Baked Cheesecake Eggless|1_PIECE"] = 420,
        ["Brownie Cheesecake|1_PIECE"] = 380,
        ["Orange & Chocolate Cheesecake|1_PIECE"] = 400,
        ["Coffee Banana Cheesecake|1_PIECE"] = 400,
        ["Fudgy Chocolate Brownie|1_PIECE"] = 180,
        ["Fudgy Chocolate Brownie|2_PIECES"] = 320,
        ["Choco Chunk Cookie|1_PIECE"] = 180,
        ["Choco Chunk Cookie|2_PIECES"] = 320,
        ["Dark Double Chocolate Cookie|2_PIECES"] = 340,
        ["Assorted Cookie Duo ( Dark Chocolate + Choco Chip )|1_PIECE"] = 330,
        ["Half In Half Regular Scoop Combo|REGULAR_SCOOP_120GMS"] = 280,
        ["Affogato|1_PIECE"] = 260,
        ["Tres Leches|1_PIECE"] = 350,
        ["Cream Cheese Fruit Medley Cake|1_PIECE"] = 1400,
        ["Custom Diwali Cookie Set|1_PIECE"] = 850,
        ["Customised Ice Cream Cake|1_PIECE"] = 2500,
        ["Employee Dessert ( Any 1 )|1_PIECE"] = 200,
        ["Water Bottle|1_PIECE"] = 40,
        ["Americano|1_PIECE"] = 180,
        ["Cappuccino|1_PIECE"] = 220,
        ["Hot Chocolate|1_PIECE"] = 260,
        ["Cup|1_PIECE"] = 0,
        ["Takeaway Cup|1_PIECE"] = 10,
        ["Waffle Cone|1_PIECE"] = 30,
        ["Butter Waffle Cones|1_PIECE"] = 40,
        ["Butter Waffle Cones|2_PIECES"] = 70,
        ["Butter Waffle Cone|2_PIECES"] = 70,
        ["400 Pidge/Porter Delivery Charges|1_PIECE"] = 400,
        ["500 Pidge/Porter Delivery Charges|1_PIECE"] = 500,
        ["Special Packaging Thermocol Charges|1_PIECE"] = 150,
        ["Special Packaging Dryice Charges|1_PIECE"] = 200,
        ["Large Box Thermocol And Dry Ice Packaging|1_PIECE"] = 350,
        ["School Kids Factory Visit|1_PIECE"] = 500,
        ["Ice Cream Factory Visit & Trials|SINGLE"] = 1200,
        ["Ice Cream Factory Visit & Trials|FAMILY"] = 3000,
        ["D&N Traditional Plum Cake Eggless Contains Alcohol|1_PIECE"] = 690,
        ["D&N Traditional Plum Cake Eggless 310gm Contains Alcohol|1_PIECE"] = 720,
        ["D&N Traditional Plum Cake Eggless 325gm Contains Alcohol|1_PIECE"] = 750,
        ["Nona’s Traditional Plum Cake Eggless Contains Alcohol|1_PIECE"] = 750,
    };

    public static decimal PriceOf(string name, string type, string variant)
    {
        if (Fixed.TryGetValue(name + "|" + variant, out var p)) return p;
        var (lo, hi) = VariantRanges.TryGetValue(variant, out var r)
            ? r
            : (type, variant) switch
            {
                ("Dessert", "2_PIECES") => (300, 450),
                ("Dessert", _) => (180, 450),
                ("Drinks", _) => (150, 260),
                ("Ice Cream", _) => (320, 380),
                ("Extra", _) => (20, 60),
                ("Service", _) => (500, 500),
                _ => (150, 300),
            };
        // Premium flavours sit at the top of a range; others spread by a stable hash of the name.
        var steps = (hi - lo) / 10 + 1;
        var step = (int)(Hash.Of("price:" + name) % (ulong)steps);
        if (name.Contains("Pistachio", StringComparison.Ordinal) || name.Contains("Bean-to-Bar", StringComparison.Ordinal)
            || name.Contains("Alphonso", StringComparison.Ordinal))
            step = steps - 1;
        return lo + step * 10;
    }
}
