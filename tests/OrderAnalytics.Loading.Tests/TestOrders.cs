using OrderAnalytics.Contracts;

namespace OrderAnalytics.Loading.Tests;

/// <summary>Hand-made cleaned events for the scenario tests: small, consistent orders (the money identity holds).</summary>
internal static class TestOrders
{
    public static readonly DateTimeOffset Received = new(2025, 6, 8, 15, 30, 0, TimeSpan.Zero);

    public static OrderItemData Item(string name, decimal price, int quantity = 1, params AddonData[] addons) => new()
    {
        NameRaw = name,
        UnitPrice = price,
        Quantity = quantity,
        TotalPrice = (price + addons.Sum(a => a.Price * a.Quantity)) * quantity,
        Addons = addons,
    };

    public static AddonData Addon(string name, decimal price = 0) => new() { Name = name, GroupName = "Cone/Cup", Quantity = 1, Price = price };

    /// <summary>An order with the given lines (one "Vanilla" line by default), 5 % tax in two rows, an optional flat discount.</summary>
    public static OrderData Order(string orderId, long streamId, string status = "Success", string restaurant = "R1",
        decimal discount = 0, string? customerPhone = null, params OrderItemData[] items)
    {
        if (items.Length == 0) items = [Item("Vanilla", 100)];
        items = items.Select((i, n) => i with { LineNo = n + 1 }).ToArray();
        var core = items.Sum(i => i.TotalPrice);
        var half = Math.Round((core - discount) * 0.025m, 2);
        var created = new DateTimeOffset(2025, 6, 8, 20, 55, 58, TimeSpan.FromHours(5.5));
        return new OrderData
        {
            RestaurantRef = restaurant,
            RestaurantName = "Outlet " + restaurant,
            OrderId = orderId,
            StreamId = streamId,
            EventId = $"ev-{restaurant}-{orderId}-{streamId}",
            OccurredAt = Received,
            CreatedOnRaw = "2025-06-08 20:55:58",
            CreatedAtUtc = created.ToUniversalTime(),
            BusinessDate = new DateOnly(2025, 6, 8),
            OrderType = "Delivery",
            OrderFrom = "Zomato",
            PaymentType = "Online",
            Status = status,
            CoreTotal = core,
            DiscountTotal = discount,
            TaxTotal = 2 * half,
            Total = core - discount + 2 * half,
            Customer = customerPhone is null ? null : new CustomerData
            {
                Name = "Asha", PhoneRaw = customerPhone, PhoneE164 = customerPhone, CustomerKey = "phone:" + customerPhone,
            },
            Items = items,
            Taxes = [new TaxData("CGST@2.5", "P", 2.5m, half), new TaxData("SGST@2.5", "P", 2.5m, half)],
            Discounts = discount == 0 ? [] : [new DiscountData("Special Discount", "F", discount, discount)],
        };
    }

    public static CleanedEvent Event(OrderData order, string? eventId = null) =>
        new(Raw(eventId ?? order.EventId!, order.StreamId), EventOutcomes.Order, Order: order);

    public static CleanedEvent Quarantined(string eventId, long streamId, string reason) =>
        new(Raw(eventId, streamId), EventOutcomes.Quarantined, Reason: reason);

    public static CleanedEvent Status(string eventId, long streamId, string orderId, int code, string status, string restaurant = "R1") =>
        new(Raw(eventId, streamId), EventOutcomes.Status,
            Status: new OrderStatusUpdate(restaurant, orderId, code, status, Received.AddMinutes(10), null));

    private static RawOrderEvent Raw(string eventId, long? streamId) =>
        new(eventId, streamId, EventSources.Backfill, Received, $$"""{"stream_id":{{streamId}},"event_id":"{{eventId}}"}""");
}
