using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderAnalytics.Data.Entities;

namespace OrderAnalytics.Data.Configurations;

internal sealed class RestaurantConfiguration : IEntityTypeConfiguration<Restaurant>
{
    public void Configure(EntityTypeBuilder<Restaurant> b)
    {
        b.ToTable("restaurants");
        b.HasKey(x => x.RestaurantId);
        b.HasIndex(x => x.PetpoojaRestid).IsUnique();
    }
}

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> b)
    {
        b.ToTable("customers");
        b.HasKey(x => x.CustomerId);
        b.HasIndex(x => new { x.RestaurantId, x.CustomerKey }).IsUnique();
        b.HasIndex(x => x.Pseudonym);
        b.HasOne<Restaurant>().WithMany().HasForeignKey(x => x.RestaurantId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MenuItemConfiguration : IEntityTypeConfiguration<MenuItem>
{
    public void Configure(EntityTypeBuilder<MenuItem> b)
    {
        b.ToTable("menu_items");
        b.HasKey(x => x.MenuItemId);
        b.HasIndex(x => new { x.Name, x.Variant }).IsUnique();
        b.Property(x => x.BasePrice).HasPrecision(12, 2);
    }
}

internal sealed class AddonConfiguration : IEntityTypeConfiguration<Addon>
{
    public void Configure(EntityTypeBuilder<Addon> b)
    {
        b.ToTable("addons");
        b.HasKey(x => x.AddonId);
        b.HasIndex(x => new { x.Name, x.GroupName }).IsUnique();
        b.Property(x => x.BasePrice).HasPrecision(12, 2);
    }
}

internal sealed class MenuAliasConfiguration : IEntityTypeConfiguration<MenuAlias>
{
    public void Configure(EntityTypeBuilder<MenuAlias> b)
    {
        b.ToTable("menu_aliases");
        b.HasKey(x => x.NormalisedName);
        b.HasOne<MenuItem>().WithMany().HasForeignKey(x => x.MenuItemId).OnDelete(DeleteBehavior.Cascade);
    }
}
