using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using OrderAnalytics.Analytics.Queries;

namespace OrderAnalytics.Analytics.GraphQL;

public sealed class AnalyticsSchema : Schema
{
    public AnalyticsSchema(IServiceProvider services, AnalyticsQuery query) : base(services)
    {
        Query = query;
    }
}

public sealed class AnalyticsQuery : ObjectGraphType
{
    public AnalyticsQuery()
    {
        Name = "Query";

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AutoRegisteringObjectGraphType<DailyRevenue>>>>>("dailyRevenue")
            .Description("Revenue per IST business day (05:00–04:59): Success orders only; cancelled and complimentary beside it.")
            .WithFilterArguments()
            .ResolveAsync(async ctx => await ctx.RequestServices!.GetRequiredService<RevenueQueries>()
                .DailyAsync(ctx.Filter(), ctx.CancellationToken));

        Field<NonNullGraphType<AutoRegisteringObjectGraphType<IngestionStatus>>>("ingestionStatus")
            .Description("Last stream id fetched, lag behind the newest event, and how many events ended how.")
            .ResolveAsync(async ctx => await ctx.RequestServices!.GetRequiredService<IngestionQueries>().StatusAsync(ctx.CancellationToken));
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

    public static AnalyticsFilter Filter(this IResolveFieldContext ctx) => new(
        ctx.GetArgument<DateOnly?>("from"), ctx.GetArgument<DateOnly?>("to"), ctx.GetArgument<string?>("restaurant"),
        ctx.GetArgument<string?>("channel"), ctx.GetArgument<string?>("orderType"));
}
