namespace OrderAnalytics.Matching;

/// <summary>
/// Lookup structures over a set of menu items. Several menu names can share a key (the cleaned menu keeps
/// "X (Navratri)" beside "X", and "Pistachio Ice Cream Ice Cream" beside "Pistachio Ice Cream"); they are
/// kept shortest name first, so the undecorated name is preferred when both fit.
/// </summary>
internal sealed class MenuIndex
{
    /// <summary>Menu names sharing one order-free key, i.e. the same product as far as text can tell.</summary>
    internal sealed record Group(
        string LooseKey, IReadOnlyList<MenuItem> Items, IReadOnlyList<string> Normalised, IReadOnlySet<string> IdentityTokens);

    private readonly Dictionary<string, List<MenuItem>> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Group> _byLoose;

    public MenuIndex(IEnumerable<MenuItem> items)
    {
        var ordered = items.OrderBy(i => i.Name.Length).ThenBy(i => i.Name, StringComparer.Ordinal).ToList();
        foreach (var item in ordered)
        {
            var key = NameNormaliser.Normalise(item.Name);
            if (!_byKey.TryGetValue(key, out var list)) _byKey[key] = list = [];
            list.Add(item);
        }
        Groups = ordered
            .GroupBy(i => NameNormaliser.LooseKey(NameNormaliser.Normalise(i.Name)), StringComparer.Ordinal)
            .Select(g => new Group(g.Key, g.ToList(), g.Select(i => NameNormaliser.Normalise(i.Name)).ToList(), IdentityTokens(g.Key)))
            .ToArray();
        _byLoose = Groups.ToDictionary(g => g.LooseKey, StringComparer.Ordinal);
    }

    public IReadOnlyList<Group> Groups { get; }

    public IReadOnlyList<MenuItem>? ByKey(string normalised) => _byKey.GetValueOrDefault(normalised);

    public Group? ByLoose(string looseKey) => _byLoose.GetValueOrDefault(looseKey);

    /// <summary>
    /// Words that change what the product is even when everything else matches: egg content (a dietary
    /// promise) and numbers ("70%" dark, "400" vs "500" delivery). A fuzzy winner must agree on these.
    /// </summary>
    public static IReadOnlySet<string> IdentityTokens(string looseKey) =>
        looseKey.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(t => t is "eggless" or "egg" || t.Any(char.IsAsciiDigit))
            .ToHashSet(StringComparer.Ordinal);
}
