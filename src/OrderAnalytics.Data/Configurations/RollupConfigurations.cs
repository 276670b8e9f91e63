using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderAnalytics.Data.Entities;

namespace OrderAnalytics.Data.Configurations;

// Rollups are keyless: their identity is every dimension column, some of them null (an order without a channel, a line
// without a menu item), so a unique index with NULLS NOT DISTINCT stands in for the key and is the ON CONFLICT arbiter of
// the triggers that keep them. It leads with business_date: every question reads a date range. No foreign key to
// restaurants: the rows derive from orders, which have one, and an RI check per upserted row would slow every batch.
internal static class Rollup
{
    public static void Configure<T>(EntityTypeBuilder<T> b, string table, Expression<Func<T, object?>> dimensions) where T : class
    {
        b.ToTable(table);
        b.HasNoKey();
        b.HasIndex(dimensions).IsUnique().AreNullsDistinct(false).HasDatabaseName("ux_" + table);
    }

    /// <summary>Sums of numeric(12,2) amounts over a year of orders: four more digits.</summary>
    public static void Money<T>(EntityTypeBuilder<T> b, params string[] columns) where T : class
    {
        foreach (var c in columns) b.Property(c).HasPrecision(16, 2);
    }
}

internal sealed class OrderFactsDailyConfiguration : IEntityTypeConfiguration<OrderFactsDaily>
{
    public void Configure(EntityTypeBuilder<OrderFactsDaily> b)
    {
        Rollup.Configure(b, "order_facts_daily", x => new { x.BusinessDate, x.RestaurantId, x.OrderFrom, x.OrderType, x.OrderStatus });
        Rollup.Money(b, nameof(OrderFactsDaily.Total), nameof(OrderFactsDaily.CoreTotal), nameof(OrderFactsDaily.DiscountTotal),
            nameof(OrderFactsDaily.TaxTotal), nameof(OrderFactsDaily.Charges));
    }
}

internal sealed class OrderFactsHourlyConfiguration : IEntityTypeConfiguration<OrderFactsHourly>
{
    public void Configure(EntityTypeBuilder<OrderFactsHourly> b)
    {
        Rollup.Configure(b, "order_facts_hourly", x => new { x.BusinessDate, x.RestaurantId, x.OrderFrom, x.OrderType, x.OrderStatus, x.Hour });
        Rollup.Money(b, nameof(OrderFactsHourly.Total), nameof(OrderFactsHourly.CoreTotal), nameof(OrderFactsHourly.DiscountTotal),
            nameof(OrderFactsHourly.TaxTotal), nameof(OrderFactsHourly.Charges));
    }
}

internal sealed class AreaFactsHourlyConfiguration : IEntityTypeConfiguration<AreaFactsHourly>
{
    public void Configure(EntityTypeBuilder<AreaFactsHourly> b)
    {
        Rollup.Configure(b, "area_facts_hourly", x => new { x.BusinessDate, x.RestaurantId, x.OrderFrom, x.OrderType, x.OrderStatus, x.Hour, x.Locality });
        Rollup.Money(b, nameof(AreaFactsHourly.Total), nameof(AreaFactsHourly.CoreTotal), nameof(AreaFactsHourly.DiscountTotal),
            nameof(AreaFactsHourly.TaxTotal), nameof(AreaFactsHourly.Charges));
    }
}

internal sealed class OrderPaymentsDailyConfiguration : IEntityTypeConfiguration<OrderPaymentsDaily>
{
    public void Configure(EntityTypeBuilder<OrderPaymentsDaily> b)
    {
        Rollup.Configure(b, "order_payments_daily", x => new { x.BusinessDate, x.RestaurantId, x.OrderFrom, x.OrderType, x.PaymentType });
        Rollup.Money(b, nameof(OrderPaymentsDaily.Total));
    }
}

internal sealed class ItemSalesDailyConfiguration : IEntityTypeConfiguration<ItemSalesDaily>
{
    public void Configure(EntityTypeBuilder<ItemSalesDaily> b)
    {
        Rollup.Configure(b, "item_sales_daily", x => new
        {
            x.BusinessDate, x.RestaurantId, x.OrderFrom, x.OrderType, x.MenuItemId, x.MatchDecision, x.NormalisedName,
        });
        Rollup.Money(b, nameof(ItemSalesDaily.TotalPrice), nameof(ItemSalesDaily.DiscountAmount));
        b.Property(x => x.Quantity).HasPrecision(16, 3);
    }
}

internal sealed class OrderSplitPaymentsDailyConfiguration : IEntityTypeConfiguration<OrderSplitPaymentsDaily>
{
    public void Configure(EntityTypeBuilder<OrderSplitPaymentsDaily> b)
    {
        Rollup.Configure(b, "order_split_payments_daily", x => new { x.BusinessDate, x.RestaurantId, x.OrderFrom, x.OrderType, x.Method });
        Rollup.Money(b, nameof(OrderSplitPaymentsDaily.SplitAmount), nameof(OrderSplitPaymentsDaily.WholeTotal));
    }
}

internal sealed class AddonSalesDailyConfiguration : IEntityTypeConfiguration<AddonSalesDaily>
{
    public void Configure(EntityTypeBuilder<AddonSalesDaily> b)
    {
        Rollup.Configure(b, "addon_sales_daily", x => new { x.BusinessDate, x.RestaurantId, x.OrderFrom, x.OrderType, x.AddonName, x.GroupName });
        b.Property(x => x.Quantity).HasColumnType("numeric");
        b.Property(x => x.Sales).HasColumnType("numeric");
    }
}

internal sealed class CustomerMonthConfiguration : IEntityTypeConfiguration<CustomerMonth>
{
    public void Configure(EntityTypeBuilder<CustomerMonth> b)
    {
        // Keyed by customer first: the trigger reads and rewrites one customer's months at a time.
        Rollup.Configure(b, "customer_months", x => new { x.CustomerId, x.Month });
        Rollup.Money(b, nameof(CustomerMonth.Revenue));
    }
}

internal sealed class RetentionDeltaConfiguration : IEntityTypeConfiguration<RetentionDelta>
{
    public void Configure(EntityTypeBuilder<RetentionDelta> b)
    {
        b.ToTable("retention_deltas");
        b.HasNoKey();
        b.HasIndex(x => new { x.RestaurantId, x.Month });
        Rollup.Money(b, nameof(RetentionDelta.Revenue));
    }
}
