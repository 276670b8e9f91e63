using OrderAnalytics.Contracts;
using OrderAnalytics.Matching;
using OrderAnalytics.Orders;

namespace OrderAnalytics.Cleaner;

/// <summary>Parse and clean (OrderAnalytics.Orders), then match every item to the menu (OrderAnalytics.Matching).</summary>
public sealed class EventCleaning(OrderEventProcessor processor, MatcherProvider matchers)
{
    public IReadOnlyList<CleanedEvent> Clean(IReadOnlyList<RawOrderEvent> events)
    {
        var matcher = matchers.Current;
        var cleaned = new CleanedEvent[events.Count];
        // Parsing and scoring are CPU-bound and independent per event.
        Parallel.For(0, events.Count, i => cleaned[i] = Match(processor.Process(events[i]), matcher));
        return cleaned;
    }

    private static CleanedEvent Match(CleanedEvent cleaned, MenuMatcher matcher)
    {
        if (cleaned.Order is not { } order) return cleaned;
        var items = order.Items.Select(i => i with { Match = matcher.Match(i.NameRaw, i.PetpoojaItemId).ToContract() }).ToList();
        return cleaned with { Order = order with { Items = items } };
    }
}
