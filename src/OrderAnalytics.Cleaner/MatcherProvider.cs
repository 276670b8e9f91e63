using Npgsql;
using OrderAnalytics.Matching;

namespace OrderAnalytics.Cleaner;

/// <summary>
/// The current menu matcher: the cafe's menu plus the verified aliases from menu_aliases. Rebuilt when the aliases
/// change (a resolved review), so new names match at once; the matcher memoises, so each name is scored once per build.
/// </summary>
public sealed class MatcherProvider(NpgsqlDataSource db, MenuCatalog menu, ILogger<MatcherProvider> logger)
{
    private volatile MenuMatcher _current = new(menu);
    private string _version = "";
    private readonly SemaphoreSlim _reload = new(1, 1);

    public MenuMatcher Current => _current;

    public async Task RefreshAsync(CancellationToken ct)
    {
        await _reload.WaitAsync(ct);
        try
        {
            await using var versionCmd = db.CreateCommand("SELECT count(*)::text || ':' || coalesce(max(created_at)::text, '') FROM menu_aliases");
            var version = (string)(await versionCmd.ExecuteScalarAsync(ct))!;
            if (version == _version) return;

            var aliases = new Dictionary<string, MenuRef>(StringComparer.Ordinal);
            await using var cmd = db.CreateCommand("""
                SELECT a.normalised_name, m.name, m.variant FROM menu_aliases a JOIN menu_items m ON m.menu_item_id = a.menu_item_id
                """);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) aliases[reader.GetString(0)] = new MenuRef(reader.GetString(1), reader.GetString(2));
            _current = new MenuMatcher(menu, aliases);
            _version = version;
            logger.LogInformation("Menu matcher rebuilt with {Aliases} verified aliases", aliases.Count);
        }
        finally
        {
            _reload.Release();
        }
    }
}

/// <summary>Keeps the matcher in step with menu_aliases.</summary>
public sealed class MatcherRefresher(MatcherProvider provider, ILogger<MatcherRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(15));
        do
        {
            try { await provider.RefreshAsync(ct); }
            catch (Exception ex) when (ex is not OperationCanceledException) { logger.LogWarning(ex, "Alias refresh failed"); }
        } while (await timer.WaitForNextTickAsync(ct));
    }
}
