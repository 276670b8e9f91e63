using System.Text;
using Npgsql;

namespace OrderAnalytics.Analytics.Queries;

/// <summary>The filters every analytics question takes: business-date range, restaurant, channel and order type.</summary>
public sealed record AnalyticsFilter(DateOnly? From, DateOnly? To, string? Restaurant, string? Channel, string? OrderType)
{
    /// <summary>Appends "AND …" conditions on the orders table aliased <paramref name="o"/>, with parameters.</summary>
    public string Where(NpgsqlCommand cmd, string o = "o")
    {
        var sql = new StringBuilder($"NOT {o}.is_test");
        void Add(string condition, object value)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = value });
            sql.Append(" AND ").Append(condition.Replace("@", "$" + cmd.Parameters.Count));
        }
        if (From is { } from) Add($"{o}.business_date >= @", from);
        if (To is { } to) Add($"{o}.business_date <= @", to);
        if (!string.IsNullOrEmpty(Restaurant))
            Add($"{o}.restaurant_id = (SELECT restaurant_id FROM restaurants WHERE petpooja_restid = @)", Restaurant);
        if (!string.IsNullOrEmpty(Channel)) Add($"{o}.order_from = @", Channel);
        if (!string.IsNullOrEmpty(OrderType)) Add($"{o}.order_type = @", OrderType);
        return sql.ToString();
    }
}
