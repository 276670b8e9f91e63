using MassTransit;
using Microsoft.Extensions.Configuration;
using OrderAnalytics.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace OrderAnalytics.Messaging;

public static class MessageBusExtensions
{
    /// <summary>Connection string name of the broker (an amqp:// URI) in every service and in the AppHost.</summary>
    public const string ConnectionName = "messaging";

    /// <summary>
    /// MassTransit on RabbitMQ with what delivery safety needs: publisher confirms (a Publish returns only once the
    /// broker has the message), a database outage waited out (<see cref="MessagingOptions.OutageWait"/>), other faults
    /// retried with back-off, then the endpoint's _error queue. Consumers are idempotent, so redelivery after a crash is harmless.
    /// </summary>
    public static IHostApplicationBuilder AddMessageBus(
        this IHostApplicationBuilder builder,
        Action<IBusRegistrationConfigurator>? registerConsumers = null)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionName} is not set. Run the system through the AppHost or set it in configuration.");

        // Aspire's client gives the broker health check and connection telemetry; MassTransit owns its own connection.
        builder.AddRabbitMQClient(ConnectionName, settings => settings.DisableTracing = true);

        var options = builder.Configuration.GetSection("Messaging").Get<MessagingOptions>() ?? new MessagingOptions();
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            registerConsumers?.Invoke(bus);
            // Every work queue is a quorum queue. Classic queues keep large messages in a shared message store whose
            // consistency with each queue's index depends on a clean shutdown; after a broker restart under load we saw a
            // classic queue wait forever on a store read (the queue never answered again, its consumer never resumed).
            // A quorum queue is a Raft log on disk: what was confirmed survives any stop, and it recovers by replaying the log.
            bus.AddConfigureEndpointsCallback((_, _, endpoint) =>
            {
                if (endpoint is IRabbitMqReceiveEndpointConfigurator queue) queue.SetQuorumQueue();
            });
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(connectionString), host =>
                {
                    host.PublisherConfirmation = true;
                    host.Heartbeat(TimeSpan.FromSeconds(10));
                });
                rabbit.PrefetchCount = options.PrefetchCount;
                rabbit.UseCompactJson();
                // RabbitMQ confirms and then drops a message published to an exchange with no queue bound. Declaring the
                // consumers' queues from the publishing side too means a publisher that starts first loses nothing.
                // The queue is bound straight to the message type's exchange; RabbitMQ delivers one copy per queue even
                // when the consumer's own exchange-to-exchange binding also matches.
                // Declared as the consumer declares it (a quorum queue), or the broker refuses the second declaration.
                rabbit.Publish<OrderEventsReceived>(p => p.BindQueue(ExchangeOf<OrderEventsReceived>(), Queues.OrderEventsReceived, q => q.SetQuorumQueue()));
                rabbit.Publish<OrderEventsCleaned>(p => p.BindQueue(ExchangeOf<OrderEventsCleaned>(), Queues.OrderEventsCleaned, q => q.SetQuorumQueue()));
                rabbit.Publish<ReprocessOrderEvents>(p => p.BindQueue(ExchangeOf<ReprocessOrderEvents>(), Queues.ReprocessOrderEvents, q => q.SetQuorumQueue()));
                // Outer: the database being down is waited out (Messaging:OutageWait), the message unacknowledged in its
                // queue meanwhile. With only the inner policy, an outage longer than its ~90 s parked every message in
                // flight in an _error queue, and the fault consumer, needing the database too, could not record them.
                rabbit.UseMessageRetry(retry =>
                {
                    retry.Handle<Exception>(StoreOutage.IsCause);
                    retry.Intervals(StoreOutage.RetryIntervals(options.OutageWait, TimeSpan.FromSeconds(10)));
                });
                // Inner: anything else is retried a few times, then faults to the endpoint's _error queue.
                rabbit.UseMessageRetry(retry =>
                {
                    retry.Exponential(options.RetryLimit, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(30),
                        TimeSpan.FromMilliseconds(500));
                    retry.Ignore<Exception>(StoreOutage.IsCause);   // straight to the outer policy
                    // A message that can never succeed should not wait through retries.
                    retry.Ignore<ArgumentException>();
                    retry.Ignore<FormatException>();
                });
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }

    /// <summary>MassTransit's default exchange name of a message type ("Namespace:TypeName").</summary>
    private static string ExchangeOf<T>() => $"{typeof(T).Namespace}:{typeof(T).Name}";
}

/// <summary>The durable work queues; consumer definitions use the same names.</summary>
public static class Queues
{
    public const string OrderEventsReceived = "order-events-received";    // cleaner
    public const string OrderEventsCleaned = "order-events-cleaned";      // loader
    public const string ReprocessOrderEvents = "reprocess-order-events";  // cleaner
}

public sealed class MessagingOptions
{
    /// <summary>Messages carry batches of up to 500 events, so a small prefetch already keeps a consumer busy.</summary>
    public ushort PrefetchCount { get; set; } = 8;

    /// <summary>Retries before a message moves to the endpoint's _error queue (its fault is recorded for review).</summary>
    public int RetryLimit { get; set; } = 8;

    /// <summary>How long a message waits for an unreachable database (retrying every 10 s at most) before it faults.</summary>
    public TimeSpan OutageWait { get; set; } = TimeSpan.FromHours(1);
}
