using System.Text;
using Microsoft.Extensions.Options;
using OrderAnalytics.Simulation;

namespace OrderAnalytics.Simulator;

/// <summary>The simulated upstream stream: the deterministic backfill, then live events appended as they happen.</summary>
public sealed class OrderSource(IOptions<SimulatorOptions> options)
{
    private readonly Lock _gate = new();
    private readonly List<SimulatedEvent> _live = [];

    public OrderStream Stream { get; } = new(options.Value.Stream);

    public int LiveCount { get { lock (_gate) return _live.Count; } }

    public void Append(SimulatedEvent e)
    {
        lock (_gate) _live.Add(e);
    }

    public IReadOnlyList<SimulatedEvent> LiveEvents() { lock (_gate) return _live.ToList(); }

    public IReadOnlyList<SimulatedEvent> GetPage(long cursorExclusive, int limit)
    {
        var page = Stream.GetPage(cursorExclusive, limit).ToList();
        if (page.Count < limit)
        {
            lock (_gate)
                page.AddRange(_live.Where(e => e.StreamId > cursorExclusive).Take(limit - page.Count));
        }
        return page;
    }

    public long Total => Stream.TotalEvents + LiveCount;

    /// <summary>{"data": [...], "total": N}, each event's JSON written as generated.</summary>
    public static string Render(IReadOnlyList<SimulatedEvent> events, long total)
    {
        var sb = new StringBuilder(events.Sum(e => e.Json.Length) + 64).Append("{\"data\":[");
        for (var i = 0; i < events.Count; i++) sb.Append(i == 0 ? "" : ",").Append(events[i].Json);
        return sb.Append("],\"total\":").Append(total).Append('}').ToString();
    }
}
