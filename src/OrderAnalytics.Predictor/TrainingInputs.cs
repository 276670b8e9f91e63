using OrderAnalytics.Predictions;

namespace OrderAnalytics.Predictor;

/// <summary>
/// The inputs of one scope (all restaurants, or one) over one window, each read from the store at most once, on first
/// use. A read that fails stays failed for the scope, so only the models needing that input fail with it.
/// </summary>
internal sealed class TrainingInputs(OrderStoreReader reader, long? restaurantId, DataWindow window, PredictorOptions options)
{
    private readonly HashSet<string> _nonProduct = new(options.NonProductTypes, StringComparer.OrdinalIgnoreCase);
    private Task<IReadOnlyList<DailyPoint>>? _daily;
    private Task<IReadOnlyList<HourlyPoint>>? _hourly;
    private Task<IReadOnlyList<MenuLineSales>>? _items;
    private Task<IReadOnlyList<CustomerTransaction>>? _customers;
    private Task<IReadOnlyList<Basket>>? _baskets;
    private Task<IReadOnlyList<DeliveryObservation>>? _deliveries;

    public long? RestaurantId => restaurantId;
    public DataWindow Window => window;
    public PredictorOptions Options => options;

    public ForecastOptions ForecastOptions { get; } = new() { Horizon = options.HorizonDays };

    public bool IsProduct(string menuType) => !_nonProduct.Contains(menuType);

    public Task<IReadOnlyList<DailyPoint>> DailyAsync(CancellationToken ct) => _daily ??= reader.DailyAsync(restaurantId, window, ct);

    public Task<IReadOnlyList<HourlyPoint>> HourlyAsync(CancellationToken ct) => _hourly ??= reader.HourlyAsync(restaurantId, window, ct);

    public Task<IReadOnlyList<MenuLineSales>> ItemSalesAsync(CancellationToken ct) => _items ??= reader.ItemSalesAsync(restaurantId, window, ct);

    public Task<IReadOnlyList<CustomerTransaction>> CustomerTransactionsAsync(CancellationToken ct) =>
        _customers ??= reader.CustomerTransactionsAsync(restaurantId, window, ct);

    public Task<IReadOnlyList<Basket>> BasketsAsync(CancellationToken ct) => _baskets ??= reader.BasketsAsync(restaurantId, window, options.NonProductTypes, ct);

    public Task<IReadOnlyList<DeliveryObservation>> DeliveriesAsync(CancellationToken ct) => _deliveries ??= reader.DeliveriesAsync(restaurantId, window, ct);
}
