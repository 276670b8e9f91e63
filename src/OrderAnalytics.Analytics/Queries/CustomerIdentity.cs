using Npgsql;

namespace OrderAnalytics.Analytics.Queries;

/// <summary>
/// How questions about customers count people. A person is a pseudonym (the keyed hash of a customer's phone, or name and
/// locality). Customer rows are per restaurant, unique by that key, so within one restaurant a customer id is exactly one
/// person and counting ids is counting pseudonyms, without reading the customers table. Across restaurants the same
/// person has a row at each, and only the pseudonym tells them apart.
/// </summary>
internal static class CustomerIdentity
{
    /// <summary>True when the question covers one restaurant: a restaurant filter, or a store with one restaurant.</summary>
    public static async Task<bool> OneRowPerPersonAsync(NpgsqlDataSource db, AnalyticsFilter filter, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(filter.Restaurant)) return true;
        await using var cmd = db.CreateCommand("SELECT count(*) <= 1 FROM restaurants");
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }
}
