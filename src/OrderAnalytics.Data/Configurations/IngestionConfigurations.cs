using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderAnalytics.Data.Entities;

namespace OrderAnalytics.Data.Configurations;

internal sealed class RawEventConfiguration : IEntityTypeConfiguration<RawEvent>
{
    public void Configure(EntityTypeBuilder<RawEvent> b)
    {
        b.ToTable("raw_events");
        b.HasKey(x => x.EventId);
        // Payloads (~2 KB of JSON) are most of what the loader writes. lz4 compresses several times faster than the
        // default pglz, and a lower TOAST target compresses the typical payload too (the default only starts at ~2 KB),
        // so every event costs less WAL and disk.
        b.Property(x => x.Payload).UseCompressionMethod("lz4");
        b.HasStorageParameter("toast_tuple_target", 512);
        b.HasIndex(x => x.StreamId);
        b.HasIndex(x => x.Outcome);
        b.HasIndex(x => new { x.RestaurantRef, x.OrderId });
    }
}

internal sealed class ReviewItemConfiguration : IEntityTypeConfiguration<ReviewItem>
{
    public void Configure(EntityTypeBuilder<ReviewItem> b)
    {
        b.ToTable("review_items");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.Kind, x.EventId }).IsUnique();
        b.HasIndex(x => x.ResolvedAt);
    }
}

internal sealed class OrderStatusEventConfiguration : IEntityTypeConfiguration<OrderStatusEvent>
{
    public void Configure(EntityTypeBuilder<OrderStatusEvent> b)
    {
        b.ToTable("order_status_events");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.EventId).IsUnique();
        b.HasIndex(x => new { x.RestaurantId, x.OrderId });
        // No FK to orders: a status callback may arrive before its order.
        b.HasOne<Restaurant>().WithMany().HasForeignKey(x => x.RestaurantId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FetchCheckpointConfiguration : IEntityTypeConfiguration<FetchCheckpoint>
{
    public void Configure(EntityTypeBuilder<FetchCheckpoint> b)
    {
        b.ToTable("fetch_checkpoints");
        b.HasKey(x => x.Source);
    }
}
