using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using OrderAnalytics.Analytics.Predictions;
using OrderAnalytics.Analytics.Queries;

namespace OrderAnalytics.Analytics.GraphQL;

public sealed class AnalyticsSchema : Schema
{
    public AnalyticsSchema(IServiceProvider services, AnalyticsQuery query, AnalyticsMutation mutation) : base(services)
    {
        Query = query;
        Mutation = mutation;
        // Introspection is answered from memory: the depth limit bounds it, the complexity budget is for the data.
        this.WithIntrospectionComplexityImpact(0);
        Description = "Order analytics over the order store. Dates are IST business dates (a business day runs 05:00–04:59 IST). "
            + "Revenue = Σ order total of Success orders (after discounts, including taxes and charges); cancelled and complimentary "
            + "orders are reported beside it. Test orders are excluded everywhere.";
    }
}

/// <summary>The root query. Resolvers are thin: they read arguments and call one query class (one SQL per field).</summary>
public sealed class AnalyticsQuery : ObjectGraphType
{
    /// <summary>Complexity impact of a field that aggregates over many orders.</summary>
    public const double AggregateImpact = 250;

    public AnalyticsQuery()
    {
        Name = "Query";
        this.AddPredictionFields();

        // ---- 5.1 revenue ----------------------------------------------------------------------------------------
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AutoRegisteringObjectGraphType<DailyRevenue>>>>>("dailyRevenue")
            .Description("Revenue per IST business day (05:00–04:59) with orders: Success orders only; cancelled and complimentary beside it.")
            .WithFilterArguments().WithComplexityImpact(AggregateImpact)
            .ResolveAsync(async c => await c.Query<RevenueQueries>().DailyAsync(c.Filter(), c.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AutoRegisteringObjectGraphType<RevenueBucket>>>>>("revenue")
            .Description("Revenue by day, ISO week or calendar month over the range, each bucket with the same dates one period earlier "
                + "(previous) for comparison. Every day, week and month adds up from the same daily figures, so they reconcile exactly. "
                + "Open range ends default to the first / last business date with orders.")
            .Argument<NonNullGraphType<EnumerationGraphType<Period>>>("period", "DAY, WEEK or MONTH.")
            .WithFilterArguments().WithComplexityImpact(AggregateImpact)
            .ResolveAsync(async c => await c.Query<RevenueQueries>().ByPeriodAsync(c.GetArgument<Period>("period"), c.Filter(), c.CancellationToken));

        // ---- 5.3 AOV --------------------------------------------------------------------------------------------
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AutoRegisteringObjectGraphType<AovBucket>>>>>("averageOrderValue")
            .Description("Average order value trend per period (revenue / Success orders, and net of discounts, excluding taxes), with the previous period's.")
            .Argument<NonNullGraphType<EnumerationGraphType<Period>>>("period", "DAY, WEEK or MONTH.")
            .WithFilterArguments().WithComplexityImpact(AggregateImpact)
            .ResolveAsync(async c => await c.Query<RevenueQueries>().AverageOrderValueAsync(c.GetArgument<Period>("period"), c.Filter(), c.CancellationToken));

        // ---- 5.2 items --------------------------------------------------------------------------------------------
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AutoRegisteringObjectGraphType<ItemSales>>>>>("topItems")
            .Description("Best-selling menu items (or item variants) on Success orders, by units or by net sales (after allocated discounts, "
                + "excluding taxes). Only lines matched to the menu count; see unmatchedItems for the rest and topAddons for addons.")
            .Argument<EnumerationGraphType<ItemMetric>>("by", "QUANTITY or REVENUE (default).", a => a.DefaultValue = ItemMetric.Revenue)
            .Argument<EnumerationGraphType<ItemLevel>>("level", "ITEM (default) or VARIANT.", a => a.DefaultValue = ItemLevel.Item)
            .Argument<IntGraphType>("limit", $"Rows (1–{ItemQueries.MaxLimit}, default 20).", a => a.DefaultValue = 20)
            .WithFilterArguments().WithComplexityImpact(AggregateImpact)
            .ResolveAsync(async c => await c.Query<ItemQueries>().TopItemsAsync(c.GetArgument<ItemMetric>("by"), c.GetArgument<ItemLevel>("level"),
                c.GetArgument<int>("limit"), c.Filter(), c.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AutoRegisteringObjectGraphType<RawItemSales>>>>>("unmatchedItems")
            .Description("Sales on Success orders of lines not mapped to the menu, grouped by normalised raw name (review, unmatched and non-product lines), by net sales.")
            .Argument<IntGraphType>("limit", $"Rows (1–{ItemQueries.MaxLimit}, default 50).", a => a.DefaultValue = 50)
            .WithFilterArguments().WithComplexityImpact(AggregateImpact)
            .ResolveAsync(async c => await c.Query<ItemQueries>().UnmatchedAsync(c.GetArgument<int>("limit"), c.Filter(), c.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AutoRegisteringObjectGraphType<AddonSales>>>>>("topAddons")
            .Description("Best-selling addons on Success orders, by units or sales. Addon sales are already inside their items' sales.")
            .Argument<EnumerationGraphType<ItemMetric>>("by", "QUANTITY or REVENUE (default).", a => a.DefaultValue = ItemMetric.Revenue)
            .Argument<IntGraphType>("limit", $"Rows (1–{ItemQueries.MaxLimit}, default 20).", a => a.DefaultValue = 20)
            .WithFilterArguments().WithComplexityImpact(AggregateImpact)
            .ResolveAsync(async c => await c.Query<ItemQueries>().TopAddonsAsync(c.GetArgument<ItemMetric>("by"), c.GetArgument<int>("limit"),
                c.Filter(), c.CancellationToken));

        // ---- 5.4 order type and channel -------------------------------------------------------------------------------
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AutoRegisteringObjectGraphType<MixShare>>>>>("channelMix")
            .Description("Orders and revenue per channel (order_from: Zomato, Swiggy, POS…), with shares. Adds up to the revenue total.")
            .WithFilterArguments().WithComplexityImpact(AggregateImpact)
            .ResolveAsync(async c => await c.Query<MixQueries>().ByChannelAsync(c.Filter(), c.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AutoRegisteringObjectGraphType<MixShare>>>>>("orderTypeMix")
            .Description("Orders and revenue per order type (Delivery, Dine In, Takeaway…), with shares. Adds up to the revenue total.")
            .WithFilterArguments().WithComplexityImpact(AggregateImpact)
            .ResolveAsync(async c => await c.Query<MixQueries>().ByOrderTypeAsync(c.Filter(), c.CancellationToken));

        // ---- 5.5 peak hours ---------------------------------------------------------------------------------------------
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AutoRegisteringObjectGraphType<HourCell>>>>>("peakHours")
            .Description("Orders and revenue by IST hour of created_on × weekday of the business date (cells with orders only).")
            .WithFilterArguments().WithComplexityImpact(AggregateImpact)
            .ResolveAsync(async c => await c.Query<PeakHourQueries>().ByHourAndWeekdayAsync(c.Filter(), c.CancellationToken));

        // ---- 5.6 retention ------------------------------------------------------------------------------------------------
        Field<NonNullGraphType<CustomerRetentionGraphType>>("customerRetention")
            .Description("Repeat rate, new versus returning customers per period, monthly cohorts. Customers are identified by pseudonym only.")
            .WithFilterArguments()
            .Resolve(c => new RetentionScope(c.Filter()));

        // ---- 5.7 payment --------------------------------------------------------------------------------------------------
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AutoRegisteringObjectGraphType<PaymentShare>>>>>("paymentMix")
            .Description("Payment methods on Success orders; part-payment orders split into their parts. Amounts add up to revenue.")
            .WithFilterArguments().WithComplexityImpact(AggregateImpact)
            .ResolveAsync(async c => await c.Query<PaymentQueries>().ByMethodAsync(c.Filter(), c.CancellationToken));

        // ---- 5.8 delivery areas -------------------------------------------------------------------------------------------
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AutoRegisteringObjectGraphType<AreaSales>>>>>("deliveryAreas")
            .Description("Orders and revenue per delivery locality (of each order's own address; the delivery-area heatmap). Adds up to the revenue of the orders in scope.")
            .WithAreaArguments().WithFilterArguments().WithComplexityImpact(AggregateImpact)
            .ResolveAsync(async c => await c.Query<AreaQueries>().ByLocalityAsync(c.Filter(), c.GetArgument<bool>("deliveryOnly"),
                c.GetArgument<int>("top"), withCustomers: c.Selects("customers"), c.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AutoRegisteringObjectGraphType<AreaHourCell>>>>>("deliveryAreaHours")
            .Description("Orders and revenue per locality × IST hour of created_on (cells with orders only).")
            .WithAreaArguments().WithFilterArguments().WithComplexityImpact(AggregateImpact)
            .ResolveAsync(async c => await c.Query<AreaQueries>().ByLocalityAndHourAsync(c.Filter(), c.GetArgument<bool>("deliveryOnly"),
                c.GetArgument<int>("top"), c.CancellationToken));

        // ---- orders -------------------------------------------------------------------------------------------------------
        Field<OrderGraphType>("order")
            .Description("One order by PetPooja order id (its latest version), test orders included. Errors when the id is ambiguous across restaurants and no restaurant is given.")
            .Argument<NonNullGraphType<StringGraphType>>("orderId", "PetPooja orderID.")
            .Argument<StringGraphType>("restaurant", "PetPooja restID; needed only when several restaurants have this order id.")
            .ResolveAsync(async c =>
            {
                var found = await c.Query<OrderQueries>().FindAsync(c.GetArgument<string>("orderId"), c.GetArgument<string?>("restaurant"), c.CancellationToken);
                if (found.Count > 1)
                    throw new ExecutionError($"Order id is ambiguous: restaurants {string.Join(", ", found.Select(o => o.Restaurant))} have it; pass restaurant.");
                return found.SingleOrDefault();
            });

        Field<NonNullGraphType<OrderConnectionGraphType>>("orders")
            .Description($"Orders in a business-date range (test orders excluded), oldest first, paged by cursor: at most {OrderQueries.MaxPageSize} per page.")
            .WithFilterArguments()
            .Argument<StringGraphType>("status", "Only this status (Success, Cancelled, Complimentary); all when omitted.")
            .Argument<IntGraphType>("first", $"Page size, 1–{OrderQueries.MaxPageSize} (default {OrderQueries.DefaultPageSize}).",
                a => a.DefaultValue = OrderQueries.DefaultPageSize)
            .Argument<StringGraphType>("after", "endCursor of the previous page.")
            .ResolveAsync(async c =>
            {
                var first = c.GetArgument<int>("first");
                if (first is < 1 or > OrderQueries.MaxPageSize)
                    throw new ExecutionError($"first must be between 1 and {OrderQueries.MaxPageSize}.") { Code = "PAGE_SIZE" };
                var afterText = c.GetArgument<string?>("after");
                var after = OrderCursor.TryDecode(afterText);
                if (afterText is not null && after is null) throw new ExecutionError("after is not a cursor of this listing.") { Code = "BAD_CURSOR" };
                return await c.Query<OrderQueries>().PageAsync(c.Filter(), c.GetArgument<string?>("status"), first, after, c.CancellationToken);
            });

        // ---- operations -----------------------------------------------------------------------------------------------------
        Field<NonNullGraphType<AutoRegisteringObjectGraphType<DataQualityReport>>>("dataQuality")
            .Description("Orders per quality flag code (filters apply; test orders included) and quarantined events by reason (all time).")
            .WithFilterArguments().WithComplexityImpact(AggregateImpact)
            .ResolveAsync(async c => await c.Query<QualityQueries>().ReportAsync(c.Filter(), c.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AutoRegisteringObjectGraphType<ReviewName>>>>>("reviewQueue")
            .Description("Distinct raw item names waiting for review (decision review or unmatched, no verified alias yet), most frequent first.")
            .Argument<IntGraphType>("limit", $"Rows (1–{ReviewQueries.MaxLimit}, default 50).", a => a.DefaultValue = 50)
            .WithFilterArguments().WithComplexityImpact(AggregateImpact)
            .ResolveAsync(async c => await c.Query<ReviewQueries>().QueueAsync(c.GetArgument<int>("limit"), c.Filter(), c.CancellationToken));

        Field<NonNullGraphType<AutoRegisteringObjectGraphType<IngestionStatus>>>("ingestionStatus")
            .Description("Last stream id fetched, lag behind the newest event, and how many events ended how.")
            .ResolveAsync(async c => await c.Query<IngestionQueries>().StatusAsync(c.CancellationToken));
    }
}

/// <summary>The source of customerRetention: the filter; each sub-field runs its own query only when selected.</summary>
public sealed record RetentionScope(AnalyticsFilter Filter);

public sealed class CustomerRetentionGraphType : ObjectGraphType<RetentionScope>
{
    public CustomerRetentionGraphType()
    {
        Name = "CustomerRetention";
        Description = "Customer retention over the filtered Success orders. Customers are identified by pseudonym only; a customer's first order is "
            + "their first Success order ever at the filtered restaurant(s), whatever its channel or order type.";
        Field<NonNullGraphType<AutoRegisteringObjectGraphType<RetentionSummary>>>("summary")
            .Description("Customers, repeat customers and repeat rate over the whole range.").WithComplexityImpact(AnalyticsQuery.AggregateImpact)
            .ResolveAsync(async c => await c.Query<RetentionQueries>().SummaryAsync(c.Source.Filter, c.CancellationToken));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AutoRegisteringObjectGraphType<RetentionPeriod>>>>>("periods")
            .Description("New versus returning customers per period (periods with orders).")
            .Argument<EnumerationGraphType<Period>>("period", "DAY, WEEK or MONTH (default).", a => a.DefaultValue = Period.Month)
            .WithComplexityImpact(AnalyticsQuery.AggregateImpact)
            .ResolveAsync(async c => await c.Query<RetentionQueries>().ByPeriodAsync(c.GetArgument<Period>("period"), c.Source.Filter, c.CancellationToken));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AutoRegisteringObjectGraphType<Cohort>>>>>("cohorts")
            .Description("Monthly cohorts of customers whose first order falls in the range, with their later months' activity.")
            .WithComplexityImpact(AnalyticsQuery.AggregateImpact)
            .ResolveAsync(async c => await c.Query<RetentionQueries>().MonthlyCohortsAsync(c.Source.Filter, c.CancellationToken));
    }
}

internal static class FilterArguments
{
    public static FieldBuilder<object?, TReturn> WithFilterArguments<TReturn>(this FieldBuilder<object?, TReturn> field) => field
        .Argument<DateOnlyGraphType>("from", "First business date (inclusive).")
        .Argument<DateOnlyGraphType>("to", "Last business date (inclusive).")
        .Argument<StringGraphType>("restaurant", "PetPooja restID; all restaurants when omitted.")
        .Argument<StringGraphType>("channel", "order_from: Zomato, Swiggy, POS, Home Website…")
        .Argument<StringGraphType>("orderType", "Delivery, Dine In, Pick Up, Takeaway…");

    public static FieldBuilder<object?, TReturn> WithAreaArguments<TReturn>(this FieldBuilder<object?, TReturn> field) => field
        .Argument<BooleanGraphType>("deliveryOnly", "Only order types starting with 'Delivery' (default true).", a => a.DefaultValue = true)
        .Argument<IntGraphType>("top", $"Localities by revenue kept by name (1–{AreaQueries.MaxTop}, default 25); the rest are summed as '(other)'.",
            a => a.DefaultValue = 25);

    /// <summary>Whether the client selected <paramref name="field"/> (under any alias) on this field's result.</summary>
    public static bool Selects(this IResolveFieldContext ctx, string field) =>
        ctx.SubFields?.Values.Any(f => f.Item2.Name == field) == true;

    public static AnalyticsFilter Filter(this IResolveFieldContext ctx) => new(
        ctx.GetArgument<DateOnly?>("from"), ctx.GetArgument<DateOnly?>("to"), ctx.GetArgument<string?>("restaurant"),
        ctx.GetArgument<string?>("channel"), ctx.GetArgument<string?>("orderType"));
}
