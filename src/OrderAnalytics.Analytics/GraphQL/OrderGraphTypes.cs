using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using GraphQL.Types.Relay.DataObjects;
using OrderAnalytics.Analytics.Queries;

namespace OrderAnalytics.Analytics.GraphQL;

/// <summary>One stored order: its latest version (re-sends and edits replaced it; a later cancellation changed its status).</summary>
public sealed class OrderGraphType : ObjectGraphType<OrderRow>
{
    public OrderGraphType()
    {
        Name = "Order";
        Description = "One order as stored: its latest version (re-sends and edits replace it, a later cancellation changes its status). Money in rupees.";
        Field<NonNullGraphType<StringGraphType>>("restaurant").Description("PetPooja restID.").Resolve(c => c.Source.Restaurant);
        Field<NonNullGraphType<StringGraphType>>("orderId").Description("PetPooja orderID (unique per restaurant).").Resolve(c => c.Source.OrderId);
        Field<LongGraphType>("streamId").Description("Upstream stream id of the version stored.").Resolve(c => c.Source.StreamId);
        Field<DateOnlyGraphType>("businessDate").Description("IST business day (05:00–04:59).").Resolve(c => c.Source.BusinessDate);
        Field<StringGraphType>("createdOn").Description("created_on: IST wall clock as PetPooja sent it, 'yyyy-MM-dd HH:mm:ss'.")
            .Resolve(c => c.Source.CreatedOn?.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
        Field<DateTimeOffsetGraphType>("createdAt").Description("The same instant in UTC.").Resolve(c => c.Source.CreatedAtUtc);
        Field<StringGraphType>("orderType").Description("Delivery, Dine In, Pick Up, Takeaway…").Resolve(c => c.Source.OrderType);
        Field<StringGraphType>("channel").Description("order_from: Zomato, Swiggy, POS, Home Website…").Resolve(c => c.Source.Channel);
        Field<StringGraphType>("subOrderType").Resolve(c => c.Source.SubOrderType);
        Field<StringGraphType>("status").Description("Success, Cancelled or Complimentary (only Success is revenue).").Resolve(c => c.Source.Status);
        Field<StringGraphType>("paymentType").Description("Cash, Card, Online, Other, Part Payment (see partPayments).").Resolve(c => c.Source.PaymentType);
        Field<NonNullGraphType<DecimalGraphType>>("coreTotal").Description("Item sales incl. addons, before discounts, excluding taxes and charges.").Resolve(c => c.Source.CoreTotal);
        Field<NonNullGraphType<DecimalGraphType>>("discountTotal").Resolve(c => c.Source.DiscountTotal);
        Field<NonNullGraphType<DecimalGraphType>>("taxTotal").Description("GST.").Resolve(c => c.Source.TaxTotal);
        Field<NonNullGraphType<DecimalGraphType>>("packagingCharge").Resolve(c => c.Source.PackagingCharge);
        Field<NonNullGraphType<DecimalGraphType>>("deliveryCharges").Resolve(c => c.Source.DeliveryCharges);
        Field<NonNullGraphType<DecimalGraphType>>("serviceCharge").Resolve(c => c.Source.ServiceCharge);
        Field<NonNullGraphType<DecimalGraphType>>("roundOff").Resolve(c => c.Source.RoundOff);
        Field<NonNullGraphType<DecimalGraphType>>("total")
            .Description("Billed total = coreTotal − discountTotal + taxTotal + charges + roundOff; revenue when status is Success.").Resolve(c => c.Source.Total);
        Field<NonNullGraphType<BooleanGraphType>>("isTest").Description("The known test order (never in analytics).").Resolve(c => c.Source.IsTest);
        Field<NonNullGraphType<StringGraphType>>("dialect").Description("webhook or pull (the PetPooja payload dialect).").Resolve(c => c.Source.Dialect);

        Field<CustomerGraphType>("customer").Description("Null for orders without a usable customer (e.g. POS walk-ins).")
            .Resolve(c => c.Source.CustomerId is { } id ? c.Loaders().Customers.Load(id) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderLineGraphType>>>>("items").WithComplexityImpact(1, 3)
            .Resolve(c => c.Loaders().Lines.Load(c.Source.Key));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AutoRegisteringObjectGraphType<OrderTaxLine>>>>>("taxes").WithComplexityImpact(1, 2)
            .Resolve(c => c.Loaders().Taxes.Load(c.Source.Key));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AutoRegisteringObjectGraphType<OrderDiscountLine>>>>>("discounts").WithComplexityImpact(1, 2)
            .Resolve(c => c.Loaders().Discounts.Load(c.Source.Key));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AutoRegisteringObjectGraphType<OrderPartPaymentLine>>>>>("partPayments")
            .Description("The parts of a Part Payment order (method and amount); empty otherwise.").WithComplexityImpact(1, 2)
            .Resolve(c => c.Loaders().PartPayments.Load(c.Source.Key));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AutoRegisteringObjectGraphType<OrderFlag>>>>>("qualityFlags")
            .Description("Data-quality findings on this order (it is still counted).").WithComplexityImpact(1, 2)
            .Resolve(c => c.Loaders().Flags.Load(c.Source.Key));
    }
}

public sealed class OrderLineGraphType : ObjectGraphType<OrderLine>
{
    public OrderLineGraphType()
    {
        Name = "OrderLine";
        Description = "One item line. Money before order-level discounts unless stated.";
        Field<NonNullGraphType<IntGraphType>>("lineNo").Resolve(c => c.Source.LineNo);
        Field<NonNullGraphType<StringGraphType>>("name").Description("The raw name as sent.").Resolve(c => c.Source.NameRaw);
        Field<LongGraphType>("menuItemId").Description("The menu item it counts for: a confident match or a verified alias; null otherwise.")
            .Resolve(c => c.Source.MenuItemId);
        Field<StringGraphType>("menuItemName").Resolve(c => c.Source.MenuItemName);
        Field<StringGraphType>("menuItemType").Resolve(c => c.Source.MenuItemType);
        Field<StringGraphType>("variant").Resolve(c => c.Source.Variant);
        Field<StringGraphType>("matchDecision").Description("matched, review, unmatched or non_product.").Resolve(c => c.Source.MatchDecision);
        Field<FloatGraphType>("matchScore").Resolve(c => c.Source.MatchScore);
        Field<StringGraphType>("category").Resolve(c => c.Source.CategoryName);
        Field<NonNullGraphType<DecimalGraphType>>("quantity").Resolve(c => c.Source.Quantity);
        Field<NonNullGraphType<DecimalGraphType>>("unitPrice").Description("Price of one unit without addons.").Resolve(c => c.Source.UnitPrice);
        Field<NonNullGraphType<DecimalGraphType>>("totalPrice").Description("(unit price + addons) × quantity, before discounts, excluding taxes.")
            .Resolve(c => c.Source.TotalPrice);
        Field<NonNullGraphType<DecimalGraphType>>("discount").Description("The order discount allocated to this line.").Resolve(c => c.Source.DiscountAmount);
        Field<NonNullGraphType<DecimalGraphType>>("tax").Description("The order tax allocated to this line.").Resolve(c => c.Source.TaxAmount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AutoRegisteringObjectGraphType<OrderLineAddon>>>>>("addons")
            .Description("Addons per unit of the line (quantity is per item unit).").WithComplexityImpact(1, 2)
            .Resolve(c => c.Loaders().Addons.Load(c.Source.Key));
    }
}

/// <summary>Customers: analysts see the pseudonym and locality; name, phone, address and GSTIN are for role admin only.</summary>
public sealed class CustomerGraphType : ObjectGraphType<CustomerRow>
{
    public CustomerGraphType()
    {
        Name = "Customer";
        Description = "A deduplicated customer. Analysts see the pseudonym (a keyed hash) and locality only; name, phone, address and GSTIN need role admin.";
        Field<NonNullGraphType<StringGraphType>>("pseudonym").Description("Stable keyed hash of the customer key: the identity analysts use.")
            .Resolve(c => c.Source.Pseudonym);
        Field<StringGraphType>("locality").Description("Area from the address, e.g. 'Sector 66'.").Resolve(c => c.Source.Locality);
        Personal("name", "Customer name (admin only).", c => c.Name);
        Personal("phone", "Phone, E.164 (admin only).", c => c.Phone);
        Personal("address", "Delivery address (admin only).", c => c.Address);
        Personal("gstin", "GSTIN (admin only).", c => c.Gstin);
    }

    private void Personal(string name, string description, Func<CustomerRow, string?> value) =>
        Field<StringGraphType>(name).Description(description).AuthorizeWithRoles(Roles.Admin)
            .Resolve(c =>
            {
                if (c.User?.IsInRole(Roles.Admin) == true) return value(c.Source);
                c.Errors.Add(new ExecutionError($"Not authorized: '{name}' is personal data and needs role {Roles.Admin}.") { Code = RoleAuthorizationRule.ErrorCode });
                return null;
            });
}

public sealed class OrderEdgeGraphType : EdgeType<OrderGraphType>
{
    public OrderEdgeGraphType() => Name = "OrderEdge";
}

/// <summary>A page of orders with keyset cursors; totalCount runs its own count only when asked for.</summary>
public sealed class OrderConnectionGraphType : ObjectGraphType<OrderPage>
{
    public OrderConnectionGraphType()
    {
        Name = "OrderConnection";
        Description = "A page of orders ordered by business date, IST time, restaurant and order id.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderEdgeGraphType>>>>("edges")
            .Resolve(c => c.Source.Orders.Select(o => new Edge<OrderRow> { Cursor = OrderCursor.Of(o).Encode(), Node = o }).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderGraphType>>>>("nodes").Resolve(c => c.Source.Orders);
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Resolve(c => new PageInfo
        {
            HasNextPage = c.Source.HasNextPage,
            HasPreviousPage = false,
            StartCursor = c.Source.Orders.Count > 0 ? OrderCursor.Of(c.Source.Orders[0]).Encode() : null,
            EndCursor = c.Source.Orders.Count > 0 ? OrderCursor.Of(c.Source.Orders[^1]).Encode() : null,
        });
        Field<NonNullGraphType<LongGraphType>>("totalCount").Description("Orders matching the filters (all pages); costs a count query.")
            .ResolveAsync(async c => await c.Query<OrderQueries>().CountAsync(c.Source.Filter, c.Source.Status, c.CancellationToken));
    }
}

internal static class ResolveContextExtensions
{
    public static T Query<T>(this IResolveFieldContext context) where T : notnull => context.RequestServices!.GetRequiredService<T>();

    public static OrderLoaders Loaders(this IResolveFieldContext context) => context.RequestServices!.GetRequiredService<OrderLoaders>();
}
