using OrderAnalytics.Simulation.Internal;

namespace OrderAnalytics.Simulation;

/// <summary>
/// The simulated upstream event stream (what <c>GET /analytics/orders/?limit&amp;cursor</c> serves).
/// <para>
/// Stream ids run 1..<see cref="LastStreamId"/> without gaps, in occurred_at order. Each business day is
/// generated on demand from its own seed (seed, date); the constructor only plans the days (counts, no
/// content) and keeps a compact index (first stream id per day), and a small LRU keeps recently generated
/// days, so memory stays bounded at 300K+ orders. Thread-safe.
/// </para>
/// </summary>
public sealed class OrderStream
{
    /// <summary>Largest page served.</summary>
    public const int MaxPageSize = 500;

    private const int CacheDays = 6;
    private const ulong BackfillSalt = 0xBAC4F111UL;
    private const ulong LiveSalt = 0x11FE0000UL;

    private readonly GenContext _ctx;
    private readonly long[] _dayFirstStreamId;   // per day; Days+1 entries (sentinel = LastStreamId + 1)
    private readonly long[] _seqStart;           // per (day, restaurant): orders issued before the day; (Days+1) * R
    private readonly double _meanFactor;
    private readonly object _cacheLock = new();
    private readonly LinkedList<(int Day, DayBatch Batch)> _cache = new();
    private readonly Lazy<GroundTruth> _truth;

    public OrderStream(SimulationOptions? options = null)
    {
        Options = options ?? new SimulationOptions();
        Options.Validate();
        _ctx = new GenContext(Options, MenuCatalog.Default);
        var days = Options.Days;
        var r = Options.Restaurants;

        var factors = new double[days];
        for (var d = 0; d < days; d++) factors[d] = Demand.DayFactor(DateOf(d)) * Trend(d);
        _meanFactor = days == 0 ? 1.0 : factors.Average();

        _dayFirstStreamId = new long[days + 1];
        _seqStart = new long[(days + 1) * r];
        long next = 1;
        for (var d = 0; d < days; d++)
        {
            _dayFirstStreamId[d] = next;
            var plan = Planner.Plan(Options, BackfillInput(d));
            next += plan.EventCount;
            for (var k = 0; k < r; k++) _seqStart[(d + 1) * r + k] = _seqStart[d * r + k] + plan.OrdersPerRestaurant[k];
        }
        _dayFirstStreamId[days] = next;
        LastStreamId = next - 1;
        TotalEvents = checked((int)LastStreamId);
        _truth = new Lazy<GroundTruth>(ComputeTruth, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public SimulationOptions Options { get; }

    /// <summary>The outlets: restID, res_name, address, first orderID.</summary>
    public IReadOnlyList<RestaurantInfo> Restaurants => _ctx.Restaurants;

    public MenuCatalog Catalog => _ctx.Catalog;

    /// <summary>Highest stream id of the backfill (0 when empty). Live events continue from LastStreamId + 1.</summary>
    public long LastStreamId { get; }

    /// <summary>Number of backfill events (= <see cref="LastStreamId"/>, ids have no gaps).</summary>
    public int TotalEvents { get; }

    /// <summary>Orders issued per outlet over the backfill (distinct orderIDs, test order excluded).</summary>
    public long OrdersIssued(int restaurant) => _seqStart[Options.Days * Options.Restaurants + restaurant];

    /// <summary>Business date of day index <paramref name="day"/> (0-based).</summary>
    public DateOnly DateOf(int day) => Options.Start.AddDays(day);

    /// <summary>
    /// Events with stream_id &gt; <paramref name="cursorExclusive"/>, ascending, at most
    /// <paramref name="limit"/> (clamped to <see cref="MaxPageSize"/>). Empty past the end or when limit ≤ 0.
    /// </summary>
    public IReadOnlyList<SimulatedEvent> GetPage(long cursorExclusive, int limit)
    {
        limit = Math.Min(limit, MaxPageSize);
        var start = Math.Max(cursorExclusive, 0) + 1;
        if (limit <= 0 || start > LastStreamId) return [];
        var result = new List<SimulatedEvent>(limit);
        var day = DayOfStreamId(start);
        while (result.Count < limit && day < Options.Days)
        {
            var batch = GetDay(day);
            var from = (int)(Math.Max(start, batch.FirstStreamId) - batch.FirstStreamId);
            for (var i = from; i < batch.Events.Length && result.Count < limit; i++)
                result.Add(EventRenderer.ToSimulatedEvent(_ctx, batch.Events[i]));
            day++;
        }
        return result;
    }

    /// <summary>All backfill events after <paramref name="cursorExclusive"/>, page by page (lazy).</summary>
    public IEnumerable<SimulatedEvent> ReadAll(long cursorExclusive = 0, int pageSize = MaxPageSize)
    {
        var cursor = cursorExclusive;
        while (true)
        {
            var page = GetPage(cursor, pageSize);
            if (page.Count == 0) yield break;
            foreach (var e in page) yield return e;
            cursor = page[^1].StreamId;
        }
    }

    /// <summary>
    /// Brand-new orders for real-time mode: an endless, deterministic sequence (given the options,
    /// <paramref name="startUtc"/> and <paramref name="scale"/>) of events of orders created at or after
    /// <paramref name="startUtc"/>, in occurred_at order (<see cref="EventFacts.OccurredAt"/> is when to deliver
    /// each), with stream ids continuing from <see cref="LastStreamId"/> + 1 and orderIDs continuing each
    /// outlet's backfill sequence. Includes re-sends, edits, cancellations, status callbacks and malformed
    /// events like the backfill; never the test order. Feed them to a <see cref="GroundTruthBuilder"/>
    /// (with the backfill) to know the truth of a run that mixes both.
    /// </summary>
    /// <param name="scale">Volume override (e.g. 50 for a lively demo); defaults to <see cref="SimulationOptions.Scale"/>.</param>
    public IEnumerable<SimulatedEvent> Live(DateTimeOffset startUtc, double? scale = null)
    {
        if (scale is { } s && (!(s > 0) || double.IsInfinity(s))) throw new ArgumentOutOfRangeException(nameof(scale));
        return LiveIterator(startUtc.UtcDateTime, scale ?? Options.Scale);
    }

    private IEnumerable<SimulatedEvent> LiveIterator(DateTime startUtc, double scale)
    {
        var r = Options.Restaurants;
        var seq = new long[r];
        Array.Copy(_seqStart, Options.Days * r, seq, 0, r);
        var next = LastStreamId + 1;
        var date = Ist.BusinessDate(Ist.FromUtc(startUtc));
        DateTime? min = startUtc;
        while (true)
        {
            var input = LiveInput(date, scale);
            var plan = Planner.Plan(Options, input);
            var batch = DayGenerator.Generate(_ctx, input, plan, seq, next, min);
            foreach (var e in batch.Events) yield return EventRenderer.ToSimulatedEvent(_ctx, e);
            next += batch.Events.Length;
            for (var k = 0; k < r; k++) seq[k] += batch.OrdersPerRestaurant[k];
            date = date.AddDays(1);
            min = null;
        }
    }

    /// <summary>
    /// The ground truth of the whole backfill (see <see cref="GroundTruth"/> for the definitions), computed
    /// once by streaming over every event without rendering JSON, then cached.
    /// </summary>
    public GroundTruth Truth() => _truth.Value;

    private GroundTruth ComputeTruth()
    {
        var builder = new GroundTruthBuilder();
        for (var d = 0; d < Options.Days; d++)
        {
            var batch = Generate(d);
            foreach (var e in batch.Events) builder.Add(e.StreamId, EventRenderer.Facts(e));
        }
        return builder.Build();
    }

    // ---- days --------------------------------------------------------------------------------------------

    private int DayOfStreamId(long streamId)
    {
        // Last day whose first stream id <= streamId (days may be empty: several equal entries).
        var lo = 0;
        var hi = Options.Days - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (_dayFirstStreamId[mid] <= streamId) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    private DayBatch GetDay(int day)
    {
        lock (_cacheLock)
        {
            for (var node = _cache.First; node is not null; node = node.Next)
            {
                if (node.Value.Day != day) continue;
                _cache.Remove(node);
                _cache.AddFirst(node);
                return node.Value.Batch;
            }
        }
        var batch = Generate(day);
        lock (_cacheLock)
        {
            foreach (var entry in _cache)
            {
                if (entry.Day == day) return entry.Batch;
            }
            _cache.AddFirst((day, batch));
            while (_cache.Count > CacheDays) _cache.RemoveLast();
        }
        return batch;
    }

    private DayBatch Generate(int day)
    {
        var input = BackfillInput(day);
        var plan = Planner.Plan(Options, input);
        var r = Options.Restaurants;
        var seq = new long[r];
        Array.Copy(_seqStart, day * r, seq, 0, r);
        return DayGenerator.Generate(_ctx, input, plan, seq, _dayFirstStreamId[day]);
    }

    private double Trend(int day) => 0.9 + 0.2 * EraT(day);

    private double EraT(int day) => Options.Days <= 1 ? 1.0 : (double)day / (Options.Days - 1);

    private DayInput BackfillInput(int day)
    {
        var date = DateOf(day);
        var factor = Demand.DayFactor(date) * Trend(day);
        return new DayInput
        {
            Date = date,
            DayKey = Hash.Mix(BackfillSalt, (ulong)date.DayNumber),
            EraT = EraT(day),
            Lambda = Lambdas(factor, Options.Scale),
            IncludeTestOrder = day == 0 && Options.IncludeTestOrder,
        };
    }

    private DayInput LiveInput(DateOnly date, double scale) => new()
    {
        Date = date,
        DayKey = Hash.Mix(LiveSalt, (ulong)date.DayNumber),
        EraT = 1.0,
        Lambda = Lambdas(Demand.DayFactor(date) * 1.1, scale),
        IncludeTestOrder = false,
    };

    private double[] Lambdas(double factor, double scale)
    {
        var perDay = SimulationOptions.OrdersPerYearAtScale1 / 365.0 * scale * factor / _meanFactor;
        var l = new double[Options.Restaurants];
        for (var k = 0; k < l.Length; k++) l[k] = perDay * _ctx.Restaurants[k].Volume;
        return l;
    }
}
