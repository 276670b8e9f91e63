using System.ComponentModel;
using Npgsql;

namespace OrderAnalytics.Analytics.Queries;

[Description("Customers over the whole range. Customers are identified by pseudonym only (a keyed hash of phone, or name + locality); orders without a customer are counted as anonymous. Only Success orders count.")]
public sealed record RetentionSummary(
    [property: Description("Distinct customers with a Success order in scope.")] long Customers,
    [property: Description("Of them, customers with two or more Success orders in scope.")] long RepeatCustomers,
    [property: Description("Of them, customers whose first Success order ever (at the restaurant filter, any channel) falls in the range.")] long NewCustomers,
    [property: Description("Success orders of identified customers.")] long IdentifiedOrders,
    [property: Description("Success orders without a customer (e.g. POS walk-ins): not in any customer figure.")] long AnonymousOrders)
{
    [Description("repeatCustomers / customers, 0..1.")]
    public double RepeatRate => Customers == 0 ? 0 : Math.Round((double)RepeatCustomers / Customers, 6);

    [Description("identifiedOrders / customers.")]
    public double OrdersPerCustomer => Customers == 0 ? 0 : Math.Round((double)IdentifiedOrders / Customers, 4);

    [Description("Customers − newCustomers: first ordered before the range.")]
    public long ReturningCustomers => Customers - NewCustomers;
}

[Description("New versus returning customers in one period. New: the customer's first Success order ever (at the restaurant filter, any channel) is in this period; returning: it was earlier.")]
public sealed record RetentionPeriod(
    [property: Description("First day of the period.")] DateOnly Start,
    long Customers,
    long NewCustomers,
    long ReturningCustomers,
    [property: Description("Success orders of new customers in the period.")] long NewCustomerOrders,
    long ReturningCustomerOrders,
    [property: Description("Revenue (Σ total, incl. taxes) of new customers' orders.")] decimal NewCustomerRevenue,
    decimal ReturningCustomerRevenue)
{
    [Description("returningCustomers / customers, 0..1.")]
    public double ReturningShare => Customers == 0 ? 0 : Math.Round((double)ReturningCustomers / Customers, 6);
}

[Description("A monthly cohort: customers whose first Success order ever was in that month, and how many ordered again in each later month.")]
public sealed record Cohort(
    [property: Description("The cohort's month (its 1st).")] DateOnly Month,
    [property: Description("Customers whose first Success order ever (at the restaurant filter) was in this month and who have a Success order in scope (all of them without a channel or order-type filter).")] long Size,
    [property: Description("Month 0 = the cohort month, 1 = the next month, … up to the range's end.")] IReadOnlyList<CohortMonth> Months);

[Description("Activity of a cohort in one month after its first.")]
public sealed record CohortMonth(
    [property: Description("Months since the cohort month (0 = the cohort month).")] int Offset,
    [property: Description("Cohort customers with a Success order in scope that month.")] long ActiveCustomers,
    long Orders,
    [property: Description("Σ total of their Success orders (incl. taxes).")] decimal Revenue,
    [property: Description("activeCustomers / cohort size, 0..1.")] double Retention);

/// <summary>
/// Customer retention (Task 5.6): repeat rate, new versus returning per period, monthly cohorts. A customer's first order is
/// their first Success order ever at the filtered restaurant(s), whatever its channel or order type, so "new" means new to
/// the business, not to a channel.
/// </summary>
/// <remarks>
/// A person is a pseudonym; within one restaurant the customer id stands in for it (<see cref="CustomerIdentity"/>):
/// customers is not read, and first orders come index-only from ix_orders_customer_first_success.
/// </remarks>
public sealed class RetentionQueries(NpgsqlDataSource db)
{
    /// <summary>How the questions of one scope name a person: the SQL that lists orders with their person, and first orders.</summary>
    private sealed record People(bool ByCustomerId)
    {
        /// <summary>Success orders in scope with their person (alias o plus column person), customers joined only when needed.</summary>
        public string Orders(AnalyticsFilter filter, NpgsqlCommand cmd) => $"""
            SELECT {(ByCustomerId ? "o.customer_id" : "c.pseudonym")} AS person, o.business_date, o.total
            FROM orders o{(ByCustomerId ? "" : " JOIN customers c ON c.customer_id = o.customer_id")}
            WHERE {OrderFacts.Scope(filter, cmd)} AND {OrderFacts.IsRevenue()} AND o.customer_id IS NOT NULL
            """;

        /// <summary>firsts(person, first_date): the first Success business date ever (at the restaurant filter) of each person in <paramref name="persons"/>.</summary>
        public string Firsts(string persons, AnalyticsFilter filter, NpgsqlCommand cmd) => ByCustomerId
            ? $"""
              firsts AS (
                  SELECT o.customer_id AS person, min(o.business_date) AS first_date
                  FROM orders o
                  WHERE o.customer_id IN ({persons}) AND {FirstOrderIndexPredicate}
                  GROUP BY o.customer_id
              )
              """
            : $"""
              firsts AS (
                  SELECT c.pseudonym AS person, min(o.business_date) AS first_date
                  FROM ({persons}) a
                  JOIN customers c ON c.pseudonym = a.person
                  JOIN orders o ON o.customer_id = c.customer_id
                  WHERE {FirstOrderIndexPredicate} AND {filter.WhereRestaurant(cmd)}
                  GROUP BY c.pseudonym
              )
              """;

        /// <summary>The predicate of ix_orders_customer_first_success, word for word, so the index serves first orders.</summary>
        public const string FirstOrderIndexPredicate =
            "o.order_status = 'Success' AND NOT o.is_test AND o.business_date IS NOT NULL";
    }

    private async Task<People> PeopleAsync(AnalyticsFilter filter, CancellationToken ct) =>
        new(await CustomerIdentity.OneRowPerPersonAsync(db, filter, ct));

    public async Task<RetentionSummary> SummaryAsync(AnalyticsFilter filter, CancellationToken ct)
    {
        var people = await PeopleAsync(filter, ct);
        if (EveryOrderOfOneRestaurant(people, filter))
            return await SummaryInOnePassAsync(filter, ct);
        await using var cmd = db.CreateCommand();
        var from = filter.From is { } f ? cmd.Param(f) : "'-infinity'::date";
        // Orders are counted per customer row first, then per person: the join to customers (when needed) touches each row once.
        var perPerson = people.ByCustomerId
            ? "SELECT s.customer_id AS person, s.orders FROM scoped s WHERE s.customer_id IS NOT NULL"
            : "SELECT c.pseudonym AS person, sum(s.orders) AS orders FROM scoped s JOIN customers c ON c.customer_id = s.customer_id GROUP BY c.pseudonym";
        cmd.CommandText = $"""
            WITH scoped AS (
                SELECT o.customer_id, count(*) AS orders
                FROM orders o
                WHERE {OrderFacts.Scope(filter, cmd)} AND {OrderFacts.IsRevenue()}
                GROUP BY o.customer_id
            ), people AS ({perPerson}), {people.Firsts("SELECT person FROM people", filter, cmd)}
            SELECT count(*), count(*) FILTER (WHERE p.orders >= 2), count(*) FILTER (WHERE f.first_date >= {from}),
                   coalesce(sum(p.orders), 0)::bigint, (SELECT coalesce(sum(orders), 0)::bigint FROM scoped WHERE customer_id IS NULL)
            FROM people p JOIN firsts f USING (person)
            """;
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new RetentionSummary(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
    }

    /// <summary>
    /// The summary for one restaurant without a channel or order-type filter, in one pass over
    /// ix_orders_customer_first_success: that index holds (customer, business date) of every Success order in customer
    /// order, so each customer's first order ever and their orders in the range come out of the same index-only scan,
    /// without an index probe per customer of the range. Orders without a customer are the range's Success orders
    /// (order_facts_daily) minus the identified ones.
    /// </summary>
    private async Task<RetentionSummary> SummaryInOnePassAsync(AnalyticsFilter filter, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand();
        var inRange = RangeScope(filter, cmd, "o.business_date", withRestaurant: false);
        // Customer rows are per restaurant: the restaurant's customers stand for its orders, and the scan stays index-only.
        var restaurant = string.IsNullOrEmpty(filter.Restaurant)
            ? ""
            : $"AND o.customer_id IN (SELECT c.customer_id FROM customers c WHERE {filter.WhereRestaurant(cmd, "c")})";
        var from = filter.From is { } first ? cmd.Param(first) : "'-infinity'::date";
        cmd.CommandText = $"""
            SELECT count(*), count(*) FILTER (WHERE p.orders >= 2), count(*) FILTER (WHERE p.first_date >= {from}),
                   coalesce(sum(p.orders), 0)::bigint,
                   (SELECT coalesce(sum(f.orders), 0)::bigint FROM order_facts_daily f
                    WHERE {OrderFacts.RollupScope(filter, cmd)} AND f.order_status = '{OrderFacts.Success}')
            FROM (
                SELECT o.customer_id, min(o.business_date) AS first_date,
                       count(*) FILTER (WHERE {inRange}) AS orders
                FROM orders o
                WHERE {People.FirstOrderIndexPredicate} AND o.customer_id IS NOT NULL {restaurant}
                GROUP BY o.customer_id
            ) p
            WHERE p.orders > 0
            """;
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var identified = reader.GetInt64(3);
        return new RetentionSummary(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), identified, reader.GetInt64(4) - identified);
    }

    public async Task<IReadOnlyList<RetentionPeriod>> ByPeriodAsync(Period period, AnalyticsFilter filter, CancellationToken ct)
    {
        var unit = Unit(period);
        var people = await PeopleAsync(filter, ct);
        await using var cmd = db.CreateCommand();
        // Per period and person first (one row each), then per period: no count(DISTINCT …) over every order.
        cmd.CommandText = period == Period.Month && FromRollup(people, filter) ? $"""
            SELECT r.month, sum(r.customers)::bigint, coalesce(sum(r.customers) FILTER (WHERE r.cohort = r.month), 0)::bigint,
                   coalesce(sum(r.orders) FILTER (WHERE r.cohort = r.month), 0)::bigint,
                   coalesce(sum(r.orders) FILTER (WHERE r.cohort < r.month), 0)::bigint,
                   coalesce(sum(r.revenue) FILTER (WHERE r.cohort = r.month), 0), coalesce(sum(r.revenue) FILTER (WHERE r.cohort < r.month), 0)
            FROM retention_deltas r
            WHERE {RangeScope(filter, cmd, "r.month")}
            GROUP BY r.month HAVING sum(r.customers) <> 0
            ORDER BY r.month
            """ : $"""
            WITH activity AS (
                SELECT date_trunc('{unit}', a.business_date::timestamp)::date AS start, a.person, count(*) AS orders, sum(a.total) AS revenue
                FROM ({people.Orders(filter, cmd)}) a
                GROUP BY 1, 2
            ), {people.Firsts("SELECT person FROM activity", filter, cmd)}, tagged AS (
                SELECT a.start, a.orders, a.revenue, date_trunc('{unit}', f.first_date::timestamp)::date = a.start AS is_new
                FROM activity a JOIN firsts f USING (person)
            )
            SELECT start, count(*), count(*) FILTER (WHERE is_new),
                   coalesce(sum(orders) FILTER (WHERE is_new), 0)::bigint, coalesce(sum(orders) FILTER (WHERE NOT is_new), 0)::bigint,
                   coalesce(sum(revenue) FILTER (WHERE is_new), 0), coalesce(sum(revenue) FILTER (WHERE NOT is_new), 0)
            FROM tagged GROUP BY start ORDER BY start
            """;
        var rows = new List<RetentionPeriod>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            long customers = reader.GetInt64(1), fresh = reader.GetInt64(2);
            rows.Add(new RetentionPeriod(reader.GetFieldValue<DateOnly>(0), customers, fresh, customers - fresh, reader.GetInt64(3),
                reader.GetInt64(4), reader.GetDecimal(5), reader.GetDecimal(6)));
        }
        return rows;
    }

    /// <summary>Cohorts of customers whose first order falls in the range, with their activity in scope month by month.</summary>
    public async Task<IReadOnlyList<Cohort>> MonthlyCohortsAsync(AnalyticsFilter filter, CancellationToken ct)
    {
        var people = await PeopleAsync(filter, ct);
        await using var cmd = db.CreateCommand();
        if (FromRollup(people, filter))
        {
            // Each group's deltas summed; a cohort's size is its customers in its own month.
            cmd.CommandText = $"""
                WITH g AS (
                    SELECT r.cohort, r.month, sum(r.customers)::bigint AS customers, sum(r.orders)::bigint AS orders, sum(r.revenue) AS revenue
                    FROM retention_deltas r
                    WHERE {RangeScope(filter, cmd, "r.month")} AND {RangeScope(filter, cmd, "r.cohort", withRestaurant: false)}
                    GROUP BY 1, 2 HAVING sum(r.customers) <> 0
                )
                SELECT g.cohort, s.customers, (extract(year FROM g.month) * 12 + extract(month FROM g.month)
                                               - extract(year FROM g.cohort) * 12 - extract(month FROM g.cohort))::int,
                       g.customers, g.orders, g.revenue
                FROM g JOIN g s ON s.cohort = g.cohort AND s.month = g.cohort
                ORDER BY 1, 3
                """;
            return await ReadCohortsAsync(cmd, ct);
        }
        var firstFrom = filter.From is { } f ? $" AND f.first_date >= {cmd.Param(f)}" : "";
        var firstTo = filter.To is { } t ? $" AND f.first_date <= {cmd.Param(t)}" : "";
        // Activity per person and month first (one row each), then per cohort and month.
        cmd.CommandText = $"""
            WITH activity AS (
                SELECT date_trunc('month', a.business_date::timestamp)::date AS month, a.person, count(*) AS orders, sum(a.total) AS revenue
                FROM ({people.Orders(filter, cmd)}) a
                GROUP BY 1, 2
            ), {people.Firsts("SELECT person FROM activity", filter, cmd)}, cohort AS (
                SELECT f.person, date_trunc('month', f.first_date::timestamp)::date AS month FROM firsts f WHERE true{firstFrom}{firstTo}
            ), sizes AS (
                SELECT month, count(*) AS size FROM cohort GROUP BY month
            ), active AS (
                SELECT k.month, (extract(year FROM a.month) * 12 + extract(month FROM a.month)
                                 - extract(year FROM k.month) * 12 - extract(month FROM k.month))::int AS offset_months,
                       count(*) AS customers, sum(a.orders)::bigint AS orders, sum(a.revenue) AS revenue
                FROM activity a JOIN cohort k USING (person)
                GROUP BY 1, 2
            )
            SELECT s.month, s.size, a.offset_months, a.customers, a.orders, a.revenue
            FROM sizes s LEFT JOIN active a USING (month)
            ORDER BY s.month, a.offset_months
            """;
        return await ReadCohortsAsync(cmd, ct);
    }

    /// <summary>Rows (cohort month, size, offset, active customers, orders, revenue) ordered by cohort and offset, as cohorts.</summary>
    private static async Task<IReadOnlyList<Cohort>> ReadCohortsAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        var cohorts = new List<Cohort>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        DateOnly? current = null;
        long size = 0;
        var months = new List<CohortMonth>();
        while (await reader.ReadAsync(ct))
        {
            var month = reader.GetFieldValue<DateOnly>(0);
            if (current != month)
            {
                if (current is { } done) cohorts.Add(new Cohort(done, size, months));
                current = month;
                size = reader.GetInt64(1);
                months = [];
            }
            if (reader.IsDBNull(2)) continue;
            var active = reader.GetInt64(3);
            months.Add(new CohortMonth(reader.GetInt32(2), active, reader.GetInt64(4), reader.GetDecimal(5),
                size == 0 ? 0 : Math.Round((double)active / size, 6)));
        }
        if (current is { } last) cohorts.Add(new Cohort(last, size, months));
        return cohorts;
    }

    /// <summary>
    /// Whether retention_deltas (per restaurant, month and cohort, AddRetentionRollup) answers exactly: one restaurant (its
    /// customer rows are its people), no channel or order-type filter (the rollup counts every Success order), and a range
    /// of whole months (its months are calendar months of business dates).
    /// </summary>
    private static bool FromRollup(People people, AnalyticsFilter filter) =>
        EveryOrderOfOneRestaurant(people, filter)
        && (filter.From is not { } from || from.Day == 1)
        && (filter.To is not { } to || to.AddDays(1).Day == 1);

    /// <summary>One restaurant (customer ids are its people) and no channel or order-type filter (every Success order counts).</summary>
    private static bool EveryOrderOfOneRestaurant(People people, AnalyticsFilter filter) =>
        people.ByCustomerId && string.IsNullOrEmpty(filter.Channel) && string.IsNullOrEmpty(filter.OrderType);

    /// <summary>The filter's date range on <paramref name="date"/> and, unless told not to, the restaurant filter on r.</summary>
    private static string RangeScope(AnalyticsFilter filter, NpgsqlCommand cmd, string date, bool withRestaurant = true)
    {
        var conditions = new List<string> { withRestaurant ? filter.WhereRestaurant(cmd, "r") : "true" };
        if (filter.From is { } from) conditions.Add($"{date} >= {cmd.Param(from)}");
        if (filter.To is { } to) conditions.Add($"{date} <= {cmd.Param(to)}");
        return string.Join(" AND ", conditions);
    }

    private static string Unit(Period period) => period switch
    {
        Period.Day => "day",
        Period.Week => "week",
        Period.Month => "month",
        _ => throw new ArgumentOutOfRangeException(nameof(period)),
    };
}
