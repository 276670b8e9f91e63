using System.Threading.Channels;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrderAnalytics.Contracts;
using OrderAnalytics.Messaging;
using OrderAnalytics.Testing;

namespace OrderAnalytics.Messaging.Tests;

/// <summary>The bus as every service configures it, against a real RabbitMQ.</summary>
public sealed class MessageBusTests(RabbitMqServer rabbit) : IClassFixture<RabbitMqServer>
{
    [Fact]
    public async Task Publish_BeforeTheConsumerEverStarted_IsDeliveredOnceItStarts()
    {
        // A fresh virtual host has no queues: without the publish-side binding this message would be confirmed and dropped.
        var batch = new OrderEventsReceived(Guid.NewGuid(),
            [new RawOrderEvent("e-1", 1, EventSources.Webhook, DateTimeOffset.UtcNow, "{}")]);
        // Stopped, not disposed until the end: MassTransit keeps the first host's logger factory in a static.
        using var publisher = BuildHost();
        await publisher.StartAsync();
        await publisher.Services.GetRequiredService<IBus>().Publish(batch);
        await publisher.StopAsync();
        Assert.Equal(1u, await MessagesWaitingAsync(Queues.OrderEventsReceived));

        var received = Channel.CreateUnbounded<OrderEventsReceived>();
        using var consumer = BuildHost(bus => bus.AddConsumer<RecordingConsumer, RecordingConsumerDefinition>(),
            services => services.AddSingleton(received));
        await consumer.StartAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var message = await received.Reader.ReadAsync(timeout.Token);
        Assert.Equal(batch.BatchId, message.BatchId);
        Assert.Equal("e-1", Assert.Single(message.Events).EventId);

        // Now both the publisher's and the consumer's bindings exist: a message must still arrive exactly once.
        var second = batch with { BatchId = Guid.NewGuid() };
        await consumer.Services.GetRequiredService<IBus>().Publish(second);
        Assert.Equal(second.BatchId, (await received.Reader.ReadAsync(timeout.Token)).BatchId);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.False(received.Reader.TryRead(out _), "a message was delivered twice");
        await consumer.StopAsync();
    }

    private async Task<uint> MessagesWaitingAsync(string queue)
    {
        var factory = new RabbitMQ.Client.ConnectionFactory { Uri = new Uri(rabbit.ConnectionString) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
    }

    private IHost BuildHost(Action<IBusRegistrationConfigurator>? consumers = null, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration[$"ConnectionStrings:{MessageBusExtensions.ConnectionName}"] = rabbit.ConnectionString;
        builder.AddMessageBus(consumers);
        services?.Invoke(builder.Services);
        return builder.Build();
    }

    public sealed class RecordingConsumer(Channel<OrderEventsReceived> received) : IConsumer<OrderEventsReceived>
    {
        public async Task Consume(ConsumeContext<OrderEventsReceived> context) => await received.Writer.WriteAsync(context.Message);
    }

    public sealed class RecordingConsumerDefinition : ConsumerDefinition<RecordingConsumer>
    {
        public RecordingConsumerDefinition() => EndpointName = Queues.OrderEventsReceived;
    }
}
