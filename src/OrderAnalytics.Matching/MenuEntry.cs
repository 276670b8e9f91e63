namespace OrderAnalytics.Matching;

/// <summary>One row of the cleaned menu: a sellable name in one variant (size/pack).</summary>
public sealed record MenuEntry(string Name, string Type, string Variant);

/// <summary>A distinct menu name with every variant the menu sells it in (in menu order).</summary>
public sealed record MenuItem(string Name, string Type, IReadOnlyList<string> Variants);

/// <summary>A reference to a menu item; <see cref="Variant"/> null means "read the size from the raw name".</summary>
public sealed record MenuRef(string MenuItemName, string? Variant = null);
