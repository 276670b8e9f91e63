using System.Diagnostics.Metrics;
using MassTransit;
using OrderAnalytics.Contracts;
using OrderAnalytics.Loading;
using OrderAnalytics.Messaging;

namespace OrderAnalytics.Loader;

/// <summary>Writes a cleaned batch in one transaction. Idempotent: a redelivered batch changes nothing.</summary>
public sealed class OrderEventsCleanedConsumer(OrderBatchWriter writer, ILogger<OrderEventsCleanedConsumer> logger)
    : IConsumer<OrderEventsCleaned>
{
    private static readonly Meter Meter = new("OrderAnalytics");
    private static readonly Counter<long> OrdersWritten = Meter.CreateCounter<long>("orderanalytics.loader.orders_written");
    private static readonly Counter<long> EventsLoaded = Meter.CreateCounter<long>("orderanalytics.loader.events");
    private static readonly Counter<long> Quarantined = Meter.CreateCounter<long>("orderanalytics.loader.quarantined");

    public async Task Consume(ConsumeContext<OrderEventsCleaned> context)
    {
        var events = context.Message.Events;
        var replay = events.Count > 0 && events.All(e => e.Raw.Source == EventSources.Replay);
        var result = await writer.WriteAsync(events, replay, context.CancellationToken);
        EventsLoaded.Add(result.Events);
        OrdersWritten.Add(result.OrdersWritten);
        Quarantined.Add(result.Quarantined);
        logger.LogInformation(
            "Batch {BatchId}: {Events} events, {Written} orders written, {Older} older versions skipped, {Quarantined} quarantined",
            context.Message.BatchId, result.Events, result.OrdersWritten, result.OrdersSkippedAsOlder, result.Quarantined);
    }
}

public sealed class OrderEventsCleanedConsumerDefinition : ConsumerDefinition<OrderEventsCleanedConsumer>
{
    public OrderEventsCleanedConsumerDefinition(IConfiguration configuration)
    {
        EndpointName = Queues.OrderEventsCleaned;
        // Batches written at once by one loader (each its own transaction); more loaders scale out as competing consumers.
        ConcurrentMessageLimit = Math.Max(1, configuration.GetValue("Loader:ConcurrentBatches", 2));
    }
}
