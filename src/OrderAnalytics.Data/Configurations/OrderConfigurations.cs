using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderAnalytics.Data.Entities;

namespace OrderAnalytics.Data.Configurations;

// Children (items, addons, taxes, discounts, part payments, flags) have no foreign key to their order: the loader writes
// them only in the transaction that wrote (and row-locks) the order, and deletes them before it replaces them. A
// per-row RI check cost the load more than a plain COPY of the same rows; DataQualityQueries checks for orphans instead.
internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> b)
    {
        b.ToTable("orders");
        b.HasKey(x => new { x.RestaurantId, x.OrderId });
        b.Property(x => x.CreatedOn).HasColumnType("timestamp without time zone");
        foreach (var money in new[] { nameof(Order.CoreTotal), nameof(Order.TaxTotal), nameof(Order.DiscountTotal),
                     nameof(Order.DeliveryCharges), nameof(Order.PackagingCharge), nameof(Order.ServiceCharge),
                     nameof(Order.RoundOff), nameof(Order.Total) })
        {
            b.Property(money).HasPrecision(12, 2);
        }
        b.HasOne<Restaurant>().WithMany().HasForeignKey(x => x.RestaurantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.SetNull);
        // Analytics read by business day and by customer; the loader looks up by key (the PK).
        b.HasIndex(x => new { x.RestaurantId, x.BusinessDate });
        b.HasIndex(x => x.BusinessDate);
        b.HasIndex(x => x.CustomerId);
        // Retention (5.6): a customer's first Success business date is the first entry of this index, read index-only.
        b.HasIndex(x => new { x.CustomerId, x.BusinessDate })
            .HasFilter("order_status = 'Success' AND NOT is_test AND business_date IS NOT NULL")
            .HasDatabaseName("ix_orders_customer_first_success");
    }
}

internal sealed class OrderItemConfiguration : IEntityTypeConfiguration<OrderItem>
{
    public void Configure(EntityTypeBuilder<OrderItem> b)
    {
        b.ToTable("order_items");
        b.HasKey(x => x.OrderItemId);
        b.HasAlternateKey(x => new { x.RestaurantId, x.OrderId, x.LineNo });
        b.Property(x => x.Quantity).HasPrecision(12, 3);
        b.Property(x => x.UnitPrice).HasPrecision(12, 2);
        b.Property(x => x.TotalPrice).HasPrecision(12, 2);
        b.Property(x => x.TaxAmount).HasPrecision(12, 2);
        b.Property(x => x.DiscountAmount).HasPrecision(12, 2);
        b.HasOne<MenuItem>().WithMany().HasForeignKey(x => x.MenuItemId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => x.MenuItemId);
        b.HasIndex(x => x.NormalisedName);
        // The review queue and the unmatched-names report read only lines without a menu item (about 1 % of them).
        b.HasIndex(x => new { x.RestaurantId, x.OrderId })
            .HasFilter(IndexPredicates.NotMatchedLine)
            .HasDatabaseName("ix_order_items_not_matched");
    }
}

internal sealed class OrderItemAddonConfiguration : IEntityTypeConfiguration<OrderItemAddon>
{
    public void Configure(EntityTypeBuilder<OrderItemAddon> b)
    {
        b.ToTable("order_item_addons");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.RestaurantId, x.OrderId, x.LineNo, x.AddonLineNo }).IsUnique();
        b.HasOne<Addon>().WithMany().HasForeignKey(x => x.AddonId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => x.AddonId);
        b.Property(x => x.Quantity).HasPrecision(12, 3);
        b.Property(x => x.Price).HasPrecision(12, 2);
    }
}

internal sealed class OrderTaxConfiguration : IEntityTypeConfiguration<OrderTax>
{
    public void Configure(EntityTypeBuilder<OrderTax> b)
    {
        b.ToTable("order_taxes");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.RestaurantId, x.OrderId, x.LineNo }).IsUnique();
        b.Property(x => x.TaxRate).HasPrecision(7, 3);
        b.Property(x => x.TaxAmount).HasPrecision(12, 2);
    }
}

internal sealed class OrderDiscountConfiguration : IEntityTypeConfiguration<OrderDiscount>
{
    public void Configure(EntityTypeBuilder<OrderDiscount> b)
    {
        b.ToTable("order_discounts");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.RestaurantId, x.OrderId, x.LineNo }).IsUnique();
        b.Property(x => x.DiscountRate).HasPrecision(7, 3);
        b.Property(x => x.DiscountAmount).HasPrecision(12, 2);
    }
}

internal sealed class OrderPartPaymentConfiguration : IEntityTypeConfiguration<OrderPartPayment>
{
    public void Configure(EntityTypeBuilder<OrderPartPayment> b)
    {
        b.ToTable("order_part_payments");
        b.HasKey(x => new { x.RestaurantId, x.OrderId, x.LineNo });
        b.Property(x => x.Amount).HasPrecision(12, 2);
    }
}

internal sealed class OrderQualityFlagConfiguration : IEntityTypeConfiguration<OrderQualityFlag>
{
    public void Configure(EntityTypeBuilder<OrderQualityFlag> b)
    {
        b.ToTable("order_quality_flags");
        b.HasKey(x => new { x.RestaurantId, x.OrderId, x.Code });
        b.HasIndex(x => x.Code);
    }
}

/// <summary>Predicates of partial indexes that queries repeat (with their alias) so PostgreSQL can prove the index applies.</summary>
public static class IndexPredicates
{
    /// <summary>Order lines the matcher did not tie to a menu item, or whose menu item was deleted since.</summary>
    public const string NotMatchedLine = "match_decision IS DISTINCT FROM 'matched' OR menu_item_id IS NULL";

    /// <summary><see cref="NotMatchedLine"/> over the order_items alias <paramref name="alias"/>.</summary>
    public static string NotMatchedLineOf(string alias) =>
        $"({alias}.match_decision IS DISTINCT FROM 'matched' OR {alias}.menu_item_id IS NULL)";
}
