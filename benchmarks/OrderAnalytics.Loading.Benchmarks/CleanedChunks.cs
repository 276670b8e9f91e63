using OrderAnalytics.Contracts;
using OrderAnalytics.Orders;
using OrderAnalytics.Simulation;

namespace OrderAnalytics.Loading.Benchmarks;

/// <summary>
/// The simulated stream, parsed and cleaned (untimed) a chunk of pages at a time, so only one chunk of payloads
/// is in memory at once however large the stream.
/// </summary>
internal sealed class CleanedChunks(OrderStream stream, int pagesPerChunk)
{
    private static readonly DateTimeOffset Received = new(2026, 1, 10, 0, 0, 0, TimeSpan.Zero);
    private readonly OrderEventProcessor _processor = new();

    public IEnumerable<IReadOnlyList<CleanedEvent>> Read()
    {
        var cursor = 0L;
        while (true)
        {
            var pages = new List<IReadOnlyList<SimulatedEvent>>(pagesPerChunk);
            for (var p = 0; p < pagesPerChunk; p++)
            {
                var page = stream.GetPage(cursor, OrderStream.MaxPageSize);
                if (page.Count == 0) break;
                pages.Add(page);
                cursor = page[^1].StreamId;
            }
            if (pages.Count == 0) yield break;
            var cleaned = new CleanedEvent[pages.Count][];
            Parallel.For(0, pages.Count, p => cleaned[p] = pages[p].Select(Clean).ToArray());
            yield return cleaned.SelectMany(c => c).ToList();
        }
    }

    private CleanedEvent Clean(SimulatedEvent e)
    {
        var cleaned = _processor.Process(new RawOrderEvent($"stream:{e.StreamId}", e.StreamId, EventSources.Backfill, Received, e.Json));
        // The fetcher keys raw events by the envelope's event_id; the parser has read it already.
        return cleaned.Order?.EventId is { } id ? cleaned with { Raw = cleaned.Raw with { EventId = id } } : cleaned;
    }
}
