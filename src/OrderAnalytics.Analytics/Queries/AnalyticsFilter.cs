using System.Text;
using Npgsql;

namespace OrderAnalytics.Analytics.Queries;

/// <summary>The filters every analytics question takes: business-date range, restaurant, channel and order type.</summary>
public sealed record AnalyticsFilter(DateOnly? From, DateOnly? To, string? Restaurant, string? Channel, string? OrderType)
{
    public static AnalyticsFilter None { get; } = new(null, null, null, null, null);

    /// <summary>
    /// Conditions on the orders table aliased <paramref name="o"/>, with positional parameters added to <paramref name="cmd"/>:
    /// test orders excluded (unless <paramref name="includeTest"/>), then the range, restaurant, channel and order type.
    /// </summary>
    public string Where(NpgsqlCommand cmd, string o = "o", bool includeTest = false) => Where(cmd.Parameters, o, includeTest);

    public string Where(NpgsqlParameterCollection cmd, string o = "o", bool includeTest = false)
    {
        var sql = new StringBuilder(includeTest ? "true" : $"NOT {o}.is_test");
        if (From is { } from) sql.Append($" AND {o}.business_date >= ").Append(cmd.Param(from));
        if (To is { } to) sql.Append($" AND {o}.business_date <= ").Append(cmd.Param(to));
        if (!string.IsNullOrEmpty(Restaurant))
            sql.Append($" AND {o}.restaurant_id = (SELECT restaurant_id FROM restaurants WHERE petpooja_restid = {cmd.Param(Restaurant)})");
        if (!string.IsNullOrEmpty(Channel)) sql.Append($" AND {o}.order_from = ").Append(cmd.Param(Channel));
        if (!string.IsNullOrEmpty(OrderType)) sql.Append($" AND {o}.order_type = ").Append(cmd.Param(OrderType));
        return sql.ToString();
    }

    /// <summary>Only the restaurant condition (for questions about a customer's whole history, e.g. first orders).</summary>
    public string WhereRestaurant(NpgsqlCommand cmd, string o = "o") => WhereRestaurant(cmd.Parameters, o);

    public string WhereRestaurant(NpgsqlParameterCollection cmd, string o = "o") => string.IsNullOrEmpty(Restaurant)
        ? "true"
        : $"{o}.restaurant_id = (SELECT restaurant_id FROM restaurants WHERE petpooja_restid = {cmd.Param(Restaurant)})";
}

internal static class CommandExtensions
{
    /// <summary>Adds a typed positional parameter and returns its placeholder ("$n").</summary>
    public static string Param<T>(this NpgsqlCommand cmd, T value) => cmd.Parameters.Param(value);

    public static string Param<T>(this NpgsqlBatchCommand cmd, T value) => cmd.Parameters.Param(value);

    public static string Param<T>(this NpgsqlParameterCollection parameters, T value)
    {
        parameters.Add(new NpgsqlParameter<T> { TypedValue = value });
        return "$" + parameters.Count;
    }

    public static string? GetNullableString(this NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
