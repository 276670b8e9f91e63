using Microsoft.EntityFrameworkCore;
using OrderAnalytics.Data.Entities;

namespace OrderAnalytics.Data;

/// <summary>
/// The order store's schema. The migrator owns migrations; the loader writes with set-based SQL over the same
/// tables, the analytics service reads them, the fetcher keeps its checkpoint here.
/// </summary>
public sealed class OrderAnalyticsDbContext(DbContextOptions<OrderAnalyticsDbContext> options) : DbContext(options)
{
    public const string ConnectionName = "ordersdb";

    public DbSet<Restaurant> Restaurants => Set<Restaurant>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<MenuItem> MenuItems => Set<MenuItem>();
    public DbSet<Addon> Addons => Set<Addon>();
    public DbSet<MenuAlias> MenuAliases => Set<MenuAlias>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<OrderItem> OrderItems => Set<OrderItem>();
    public DbSet<OrderItemAddon> OrderItemAddons => Set<OrderItemAddon>();
    public DbSet<OrderTax> OrderTaxes => Set<OrderTax>();
    public DbSet<OrderDiscount> OrderDiscounts => Set<OrderDiscount>();
    public DbSet<OrderPartPayment> OrderPartPayments => Set<OrderPartPayment>();
    public DbSet<OrderQualityFlag> OrderQualityFlags => Set<OrderQualityFlag>();
    public DbSet<RawEvent> RawEvents => Set<RawEvent>();
    public DbSet<ReviewItem> ReviewItems => Set<ReviewItem>();
    public DbSet<OrderStatusEvent> OrderStatusEvents => Set<OrderStatusEvent>();
    public DbSet<FetchCheckpoint> FetchCheckpoints => Set<FetchCheckpoint>();
    public DbSet<OrderFactsDaily> OrderFactsDaily => Set<OrderFactsDaily>();
    public DbSet<OrderFactsHourly> OrderFactsHourly => Set<OrderFactsHourly>();
    public DbSet<AreaFactsHourly> AreaFactsHourly => Set<AreaFactsHourly>();
    public DbSet<OrderPaymentsDaily> OrderPaymentsDaily => Set<OrderPaymentsDaily>();
    public DbSet<ItemSalesDaily> ItemSalesDaily => Set<ItemSalesDaily>();
    public DbSet<OrderSplitPaymentsDaily> OrderSplitPaymentsDaily => Set<OrderSplitPaymentsDaily>();
    public DbSet<AddonSalesDaily> AddonSalesDaily => Set<AddonSalesDaily>();
    public DbSet<CustomerMonth> CustomerMonths => Set<CustomerMonth>();
    public DbSet<RetentionDelta> RetentionDeltas => Set<RetentionDelta>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OrderAnalyticsDbContext).Assembly);

    /// <summary>snake_case names everywhere, as the plan's schema spells them.</summary>
    public static void Configure(DbContextOptionsBuilder options) => options.UseSnakeCaseNamingConvention();
}

/// <summary>Lets `dotnet ef migrations add` build the model without a running database.</summary>
public sealed class DesignTimeFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<OrderAnalyticsDbContext>
{
    public OrderAnalyticsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<OrderAnalyticsDbContext>()
            .UseNpgsql("Host=localhost;Database=design_time_only");
        OrderAnalyticsDbContext.Configure(options);
        return new OrderAnalyticsDbContext(options.Options);
    }
}
