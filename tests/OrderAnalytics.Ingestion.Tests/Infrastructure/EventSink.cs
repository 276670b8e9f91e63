using System.Collections.Concurrent;
using MassTransit;
using OrderAnalytics.Contracts;

namespace OrderAnalytics.Ingestion.Tests.Infrastructure;

/// <summary>
/// A consumer of OrderEventsReceived on its own bus and its own temporary queue, bound before the service under
/// test publishes: it sees every message the broker confirmed from then on.
/// </summary>
public sealed class EventSink : IAsyncDisposable
{
    private readonly IBusControl _bus;
    private readonly ConcurrentQueue<OrderEventsReceived> _messages = new();

    private EventSink(IBusControl bus) => _bus = bus;

    public static async Task<EventSink> StartAsync(string connectionString)
    {
        EventSink? sink = null;
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(new Uri(connectionString));
            cfg.ReceiveEndpoint($"test-sink-{Guid.NewGuid():N}", e =>
            {
                e.AutoDelete = true;
                e.Durable = false;
                e.PrefetchCount = 64;
                e.Handler<OrderEventsReceived>(context =>
                {
                    sink!._messages.Enqueue(context.Message);
                    return Task.CompletedTask;
                });
            });
        });
        sink = new EventSink(bus);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await bus.StartAsync(timeout.Token);   // returns once the queue is declared and bound
        return sink;
    }

    public IReadOnlyList<OrderEventsReceived> Messages => _messages.ToList();

    public IReadOnlyList<RawOrderEvent> Events => _messages.SelectMany(m => m.Events).ToList();

    /// <summary>Waits until <paramref name="done"/> holds for the events received, then a little longer for stragglers.</summary>
    public async Task<IReadOnlyList<RawOrderEvent>> WaitAsync(Func<IReadOnlyList<RawOrderEvent>, bool> done, TimeSpan? timeout = null,
        TimeSpan? settle = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!done(Events) && DateTime.UtcNow < deadline) await Task.Delay(50);
        await Task.Delay(settle ?? TimeSpan.FromMilliseconds(300));
        return Events;
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try { await _bus.StopAsync(timeout.Token); } catch (OperationCanceledException) { }
    }
}
