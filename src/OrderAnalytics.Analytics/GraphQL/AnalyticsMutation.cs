using GraphQL;
using GraphQL.Types;
using OrderAnalytics.Analytics.Queries;

namespace OrderAnalytics.Analytics.GraphQL;

/// <summary>Review decisions and re-processing: admins only (checked before execution by the role rule).</summary>
public sealed class AnalyticsMutation : ObjectGraphType
{
    public AnalyticsMutation()
    {
        Name = "Mutation";

        Field<NonNullGraphType<AutoRegisteringObjectGraphType<ReviewResolution>>>("resolveReview")
            .Description("Makes a raw item name a verified alias of a menu item and re-processes the orders that contain it.")
            .Argument<NonNullGraphType<StringGraphType>>("rawName", "The raw item name as it appears in orders.")
            .Argument<NonNullGraphType<StringGraphType>>("menuItem", "Menu item name (menu_items.name).")
            .Argument<NonNullGraphType<StringGraphType>>("variant", "Menu variant code, e.g. REGULAR_TUB_300ML.")
            .AuthorizeWithRoles(Roles.Admin)
            .ResolveAsync(async ctx => await ctx.RequestServices!.GetRequiredService<ReviewDecisions>().ResolveAsync(
                ctx.GetArgument<string>("rawName"), ctx.GetArgument<string>("menuItem"), ctx.GetArgument<string>("variant"),
                ctx.User?.Identity?.Name ?? "admin", ctx.CancellationToken));

        Field<NonNullGraphType<BooleanGraphType>>("reprocessAll")
            .Description("Re-runs every stored raw event through cleaning, matching and loading (after a menu or rule change).")
            .Argument<NonNullGraphType<StringGraphType>>("reason", "Why, for the logs.")
            .AuthorizeWithRoles(Roles.Admin)
            .ResolveAsync(async ctx => await ctx.RequestServices!.GetRequiredService<ReviewDecisions>()
                .ReprocessAllAsync(ctx.GetArgument<string>("reason"), ctx.CancellationToken));
    }
}
