namespace OrderAnalytics.Data.Entities;

/// <summary>The cleaned menu (seeded from the cafe's cleaned_menu.csv). One row per item and variant.</summary>
public sealed class MenuItem
{
    public long MenuItemId { get; set; }
    public required string Name { get; set; }
    public required string Type { get; set; }
    public required string Variant { get; set; }
    /// <summary>From the menu when known, else learned from orders (median unit price).</summary>
    public decimal? BasePrice { get; set; }
    public bool IsActive { get; set; } = true;
    public string? PetpoojaItemid { get; set; }
    public string? Itemcode { get; set; }
}

/// <summary>Addon catalogue (Cup, Waffle Cone…), grown by the loader as addons appear in orders.</summary>
public sealed class Addon
{
    public long AddonId { get; set; }
    public required string Name { get; set; }
    public required string GroupName { get; set; }
    public string? PetpoojaAddonid { get; set; }
    public decimal? BasePrice { get; set; }
    public bool IsActive { get; set; } = true;
}

/// <summary>A verified mapping from a normalised raw item name to a menu item (written when a review is resolved).</summary>
public sealed class MenuAlias
{
    public required string NormalisedName { get; set; }
    public long MenuItemId { get; set; }
    public string? RawExample { get; set; }
    public required string VerifiedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
