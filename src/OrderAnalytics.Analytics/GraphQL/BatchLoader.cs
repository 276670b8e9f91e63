using GraphQL.DataLoader;

namespace OrderAnalytics.Analytics.GraphQL;

/// <summary>
/// A minimal per-request batch loader (GraphQL.DataLoader is not served by our package source). Resolvers call
/// <see cref="Load"/> and return the pending result; GraphQL for .NET completes pending results after resolving the
/// current level, and the first completion fetches every key collected so far in one query. Thread-safe.
/// </summary>
/// <param name="fetch">Loads many keys at once; keys it does not return resolve to <paramref name="missing"/>.</param>
public sealed class BatchLoader<TKey, TValue>(
    Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch, TValue? missing = default)
    where TKey : notnull
{
    private sealed class Batch
    {
        public readonly HashSet<TKey> Keys = [];
        public Task<IReadOnlyDictionary<TKey, TValue>>? Fetch;
    }

    private readonly TValue? _missing = missing;
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, Batch> _batchOf = [];
    private Batch _open = new();

    /// <summary>Number of queries run so far (tests check that a page of orders costs one query per child kind).</summary>
    public int Fetches { get; private set; }

    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        lock (_gate)
        {
            if (!_batchOf.TryGetValue(key, out var batch))
            {
                batch = _open;
                batch.Keys.Add(key);
                _batchOf[key] = batch;
            }
            return new Result(this, batch, key);
        }
    }

    private Task<IReadOnlyDictionary<TKey, TValue>> Dispatch(Batch batch, CancellationToken ct)
    {
        lock (_gate)
        {
            if (batch.Fetch is null)
            {
                if (ReferenceEquals(batch, _open)) _open = new Batch();
                Fetches++;
                batch.Fetch = fetch(batch.Keys.ToList(), ct);
            }
            return batch.Fetch;
        }
    }

    private sealed class Result(BatchLoader<TKey, TValue> loader, Batch batch, TKey key) : IDataLoaderResult<TValue?>
    {
        public async Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default) =>
            (await loader.Dispatch(batch, cancellationToken)).TryGetValue(key, out var value) ? value : loader._missing;

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
