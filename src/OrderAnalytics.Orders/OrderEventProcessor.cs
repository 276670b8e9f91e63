using OrderAnalytics.Contracts;

namespace OrderAnalytics.Orders;

/// <summary>
/// Parse + clean in one call, producing the message contract's <see cref="CleanedEvent"/>: what the cleaner
/// service calls for each raw event of a batch. Never throws for bad input; thread-safe.
/// </summary>
public sealed class OrderEventProcessor
{
    private readonly OrderEventParser _parser;
    private readonly OrderCleaner _cleaner;

    public OrderEventProcessor(OrderEventParser? parser = null, OrderCleaner? cleaner = null)
    {
        _parser = parser ?? new OrderEventParser();
        _cleaner = cleaner ?? new OrderCleaner();
    }

    /// <summary>One raw event → exactly one outcome (order, status, quarantined or ignored).</summary>
    public CleanedEvent Process(RawOrderEvent raw)
    {
        var parsed = _parser.Parse(raw);
        if (!parsed.IsOrder) return parsed.ToCleanedEvent(raw);
        try
        {
            var cleaned = _cleaner.Clean(parsed.Order!);
            return new CleanedEvent(raw, EventOutcomes.Order, Order: cleaned);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new CleanedEvent(raw, EventOutcomes.Quarantined,
                Reason: $"cleaner: internal error ({ex.GetType().Name}: {TextSanitizer.Preview(ex.Message, 120)})");
        }
    }

    /// <summary>A batch, in order; one outcome per event.</summary>
    public IReadOnlyList<CleanedEvent> Process(IReadOnlyList<RawOrderEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var results = new CleanedEvent[events.Count];
        for (var i = 0; i < results.Length; i++) results[i] = Process(events[i]);
        return results;
    }
}
