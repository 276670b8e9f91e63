using System.Data.Common;

namespace OrderAnalytics.Messaging;

/// <summary>
/// Tells a failure because the database is unreachable (down, restarting, refusing connections) from a failure of the
/// message itself. The first says nothing about the message: it should wait in its queue until the database is back,
/// not use up its retries and be parked in an _error queue (whose fault record could not be written either).
/// </summary>
public static class StoreOutage
{
    public static bool IsCause(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException db && (db.IsTransient || IsOutageState(db.SqlState))) return true;
        }
        return false;
    }

    /// <summary>
    /// SQLSTATEs of a server going away or not there yet: class 08 (connection exceptions), 57P01-57P03 (admin
    /// shutdown, crash shutdown, cannot connect now: a restart or crash recovery), 53300 (too many connections).
    /// Npgsql counts some of these as transient, not 57P01/57P02, which is what a stopping server sends.
    /// </summary>
    private static bool IsOutageState(string? sqlState) =>
        sqlState is not null && (sqlState.StartsWith("08", StringComparison.Ordinal) || sqlState is "57P01" or "57P02" or "57P03" or "53300");

    /// <summary>Retry delays that back off to <paramref name="longest"/> and together last at least <paramref name="total"/>.</summary>
    public static TimeSpan[] RetryIntervals(TimeSpan total, TimeSpan longest)
    {
        var intervals = new List<TimeSpan>();
        var next = TimeSpan.FromMilliseconds(500);
        for (var waited = TimeSpan.Zero; waited < total; waited += intervals[^1])
        {
            intervals.Add(next < longest ? next : longest);
            if (next < longest) next *= 2;
        }
        return [.. intervals];
    }
}
