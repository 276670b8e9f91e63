namespace OrderAnalytics.Simulation;

/// <summary>
/// The backfill plus live events appended at run time, served as one gap-free stream (what a simulated
/// upstream host pages through once real-time mode has started). Live events are kept in memory, so it
/// suits demos and tests (thousands of live events), not another 300K. Thread-safe.
/// </summary>
public sealed class UpstreamFeed(OrderStream backfill)
{
    private readonly List<SimulatedEvent> _live = [];
    private readonly ReaderWriterLockSlim _lock = new();

    public OrderStream Backfill { get; } = backfill;

    /// <summary>Highest stream id served so far (backfill + appended live events).</summary>
    public long LastStreamId
    {
        get
        {
            _lock.EnterReadLock();
            try { return Backfill.LastStreamId + _live.Count; }
            finally { _lock.ExitReadLock(); }
        }
    }

    public long TotalEvents => LastStreamId;

    /// <summary>Appends the next live event (from <see cref="OrderStream.Live"/>); its stream id must be <see cref="LastStreamId"/> + 1.</summary>
    public void Append(SimulatedEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        _lock.EnterWriteLock();
        try
        {
            var expected = Backfill.LastStreamId + _live.Count + 1;
            if (e.StreamId != expected)
                throw new ArgumentException($"Expected stream id {expected}, got {e.StreamId}.", nameof(e));
            _live.Add(e);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Same contract as <see cref="OrderStream.GetPage"/>, over backfill and live events.</summary>
    public IReadOnlyList<SimulatedEvent> GetPage(long cursorExclusive, int limit)
    {
        limit = Math.Min(limit, OrderStream.MaxPageSize);
        if (limit <= 0) return [];
        var result = new List<SimulatedEvent>(limit);
        if (cursorExclusive < Backfill.LastStreamId) result.AddRange(Backfill.GetPage(cursorExclusive, limit));
        if (result.Count == limit) return result;
        var from = Math.Max(cursorExclusive, Backfill.LastStreamId) - Backfill.LastStreamId; // index into _live
        _lock.EnterReadLock();
        try
        {
            for (var i = (int)Math.Min(from, _live.Count); i < _live.Count && result.Count < limit; i++) result.Add(_live[i]);
        }
        finally
        {
            _lock.ExitReadLock();
        }
        return result;
    }
}
