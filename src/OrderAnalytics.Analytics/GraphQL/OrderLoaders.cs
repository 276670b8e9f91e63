using OrderAnalytics.Analytics.Queries;

namespace OrderAnalytics.Analytics.GraphQL;

/// <summary>The batch loaders of one request (registered scoped): the children of every order on a page in one query each.</summary>
public sealed class OrderLoaders(OrderQueries queries)
{
    public BatchLoader<OrderKey, IReadOnlyList<OrderLine>> Lines { get; } = new(async (keys, ct) => ToLists(await queries.LinesAsync(keys, ct)), []);
    public BatchLoader<LineKey, IReadOnlyList<OrderLineAddon>> Addons { get; } = new(async (keys, ct) => ToLists(await queries.AddonsAsync(keys, ct)), []);
    public BatchLoader<OrderKey, IReadOnlyList<OrderTaxLine>> Taxes { get; } = new(async (keys, ct) => ToLists(await queries.TaxesAsync(keys, ct)), []);
    public BatchLoader<OrderKey, IReadOnlyList<OrderDiscountLine>> Discounts { get; } = new(async (keys, ct) => ToLists(await queries.DiscountsAsync(keys, ct)), []);
    public BatchLoader<OrderKey, IReadOnlyList<OrderPartPaymentLine>> PartPayments { get; } = new(async (keys, ct) => ToLists(await queries.PartPaymentsAsync(keys, ct)), []);
    public BatchLoader<OrderKey, IReadOnlyList<OrderFlag>> Flags { get; } = new(async (keys, ct) => ToLists(await queries.FlagsAsync(keys, ct)), []);
    public BatchLoader<long, CustomerRow> Customers { get; } = new(queries.CustomersAsync);

    private static IReadOnlyDictionary<TKey, IReadOnlyList<T>> ToLists<TKey, T>(ILookup<TKey, T> lookup) where TKey : notnull =>
        lookup.ToDictionary(g => g.Key, g => (IReadOnlyList<T>)g.ToList());
}
