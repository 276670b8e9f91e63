using MassTransit;
using OrderAnalytics.Contracts;

namespace OrderAnalytics.Fetcher;

/// <summary>Lets any service (e.g. the analytics admin mutation) ask for a sync over the bus.</summary>
public sealed class RunBackfillConsumer(SyncService sync) : IConsumer<RunBackfill>
{
    public Task Consume(ConsumeContext<RunBackfill> context)
    {
        sync.Request(new SyncRequest(context.Message.Full, context.Message.FromCursor));
        return Task.CompletedTask;
    }
}
