using MassTransit;
using OrderAnalytics.Contracts;

namespace OrderAnalytics.Fetcher;

/// <summary>Lets any service (e.g. the analytics admin mutation) ask for a sync over the bus.</summary>
public sealed class RunBackfillConsumer(SyncService sync, ILogger<RunBackfillConsumer> logger) : IConsumer<RunBackfill>
{
    public Task Consume(ConsumeContext<RunBackfill> context)
    {
        if (!sync.Request(new SyncRequest(context.Message.Full, context.Message.FromCursor)))
            logger.LogWarning("RunBackfill {RequestId} dropped: too many syncs are already waiting", context.Message.RequestId);
        return Task.CompletedTask;
    }
}
