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
    public OrderEventsReceivedConsumerDefinition()
    {
        EndpointName = Queues.OrderEventsReceived;
        ConcurrentMessageLimit = Math.Max(2, Environment.ProcessorCount);
    }
}
