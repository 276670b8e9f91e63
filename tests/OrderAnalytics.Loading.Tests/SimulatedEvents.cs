using System.Collections.Concurrent;
using OrderAnalytics.Contracts;
using OrderAnalytics.Orders;
using OrderAnalytics.Simulation;

namespace OrderAnalytics.Loading.Tests;

/// <summary>Realistic cleaned events: the simulator's stream through the real parser and cleaner (no menu matching).</summary>
internal static class SimulatedEvents
{
    private static readonly DateTimeOffset Received = new(2026, 1, 10, 0, 0, 0, TimeSpan.Zero);
    private static readonly ConcurrentDictionary<SimulationOptions, Lazy<(OrderStream, IReadOnlyList<CleanedEvent>)>> Cache = new();

    public static (OrderStream Stream, IReadOnlyList<CleanedEvent> Events) Load(SimulationOptions options) =>
        Cache.GetOrAdd(options, o => new(() => Generate(o))).Value;

    private static (OrderStream, IReadOnlyList<CleanedEvent>) Generate(SimulationOptions options)
    {
        var stream = new OrderStream(options);
        var processor = new OrderEventProcessor();
        var events = new List<CleanedEvent>(stream.TotalEvents);
        foreach (var e in stream.ReadAll())
            events.Add(processor.Process(new RawOrderEvent(EventIdOf(e), e.StreamId, EventSources.Backfill, Received, e.Json)));
        return (stream, events);
    }

    /// <summary>Every event at least once, about a tenth of them twice, in random order: what redelivery and replays make of a stream.</summary>
    public static List<CleanedEvent> Multiset(IReadOnlyList<CleanedEvent> events, Random random)
    {
        var all = events.Concat(events.Where(_ => random.NextDouble() < 0.1)).ToArray();
        random.Shuffle(all);
        return [.. all];
    }

    /// <summary>The envelope's event_id, as the fetcher takes it.</summary>
    private static string EventIdOf(SimulatedEvent e)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(e.Json);
        return doc.RootElement.TryGetProperty("event_id", out var id) && id.GetString() is { } s ? s : $"stream:{e.StreamId}";
    }
}
