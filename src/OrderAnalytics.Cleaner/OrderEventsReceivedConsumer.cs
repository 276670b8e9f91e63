using Microsoft.Extensions.Configuration;
using MassTransit;
using OrderAnalytics.Contracts;
using OrderAnalytics.Messaging;

namespace OrderAnalytics.Cleaner;

/// <summary>Turns a batch of raw events into a batch of outcomes; each event gets exactly one (order, status, quarantined, ignored).</summary>
public sealed class OrderEventsReceivedConsumer(EventCleaning cleaning) : IConsumer<OrderEventsReceived>
{
    public async Task Consume(ConsumeContext<OrderEventsReceived> context)
    {
        var cleaned = cleaning.Clean(context.Message.Events);
        await context.Publish(new OrderEventsCleaned(context.Message.BatchId, cleaned), context.CancellationToken);
    }
}

public sealed class OrderEventsReceivedConsumerDefinition : ConsumerDefinition<OrderEventsReceivedConsumer>
{
    public OrderEventsReceivedConsumerDefinition(IConfiguration configuration)
    {
        EndpointName = Queues.OrderEventsReceived;
        // One batch per core by default: a 500-event backfill batch is CPU work, and 8 at once took the cleaner to 388 MB.
        // Webhook messages (one event each) take a few milliseconds, so two at a time keep up with 50/s (docs/benchmarks.md).
        ConcurrentMessageLimit = Math.Max(1, configuration.GetValue("Cleaner:ConcurrentBatches", Math.Max(2, Environment.ProcessorCount)));
    }
}
