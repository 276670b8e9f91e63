namespace OrderAnalytics.Data.Entities;

/// <summary>
/// The latest known version of one order. Keyed by (restaurant, PetPooja order id): ids repeat across restaurants.
/// <see cref="Version"/> is the upstream stream id (0 for bare callbacks without one); a lower version never overwrites.
/// </summary>
public sealed class Order
{
    public long RestaurantId { get; set; }
    public required string OrderId { get; set; }
    public long? CustomerId { get; set; }
    /// <summary>
    /// Where this order was delivered (e.g. "Sector 66", "DLF Phase 3"), from its own address; null when it carries none.
    /// Kept on the order, not read from the customer: a customer who moves keeps their old orders' areas.
    /// </summary>
    public string? Locality { get; set; }
    public long Version { get; set; }
    public long? StreamId { get; set; }
    public string? EventId { get; set; }
    public DateTimeOffset? OccurredAt { get; set; }
    /// <summary>IST wall clock as PetPooja sent it.</summary>
    public DateTime? CreatedOn { get; set; }
    public DateTimeOffset? CreatedAtUtc { get; set; }
    /// <summary>IST business day (05:00–04:59).</summary>
    public DateOnly? BusinessDate { get; set; }
    public string? OrderType { get; set; }
    public string? OrderFrom { get; set; }
    public string? SubOrderType { get; set; }
    public string? OrderStatus { get; set; }
    public string? PaymentType { get; set; }
    public string? Biller { get; set; }
    public string? OrderFromId { get; set; }
    public string? CustomerInvoiceId { get; set; }
    public string? TableNo { get; set; }
    public string? TokenNo { get; set; }
    public string? Assignee { get; set; }
    public int? NoOfPersons { get; set; }
    public string? Comment { get; set; }
    public decimal CoreTotal { get; set; }
    public decimal TaxTotal { get; set; }
    public decimal DiscountTotal { get; set; }
    public decimal DeliveryCharges { get; set; }
    public decimal PackagingCharge { get; set; }
    public decimal ServiceCharge { get; set; }
    public decimal RoundOff { get; set; }
    public decimal Total { get; set; }
    public string Dialect { get; set; } = "webhook";
    public bool IsTest { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class OrderItem
{
    public long OrderItemId { get; set; }
    public long RestaurantId { get; set; }
    public required string OrderId { get; set; }
    public int LineNo { get; set; }
    public long? MenuItemId { get; set; }
    public string? PetpoojaItemid { get; set; }
    public string? Itemcode { get; set; }
    public required string NameRaw { get; set; }
    public decimal Quantity { get; set; }
    public decimal UnitPrice { get; set; }
    public decimal TotalPrice { get; set; }
    public decimal TaxAmount { get; set; }
    public decimal DiscountAmount { get; set; }
    public string? CategoryName { get; set; }
    /// <summary>Pull-API categoryid.</summary>
    public string? CategoryId { get; set; }
    public string? Specialnotes { get; set; }
    public string? SapCode { get; set; }
    public string? Vendoritemcode { get; set; }
    /// <summary>matched / review / unmatched / non_product.</summary>
    public string? MatchDecision { get; set; }
    public double? MatchScore { get; set; }
    public string? NormalisedName { get; set; }
}

public sealed class OrderItemAddon
{
    public long Id { get; set; }
    public long RestaurantId { get; set; }
    public required string OrderId { get; set; }
    public int LineNo { get; set; }
    public int AddonLineNo { get; set; }
    public long? AddonId { get; set; }
    public string? PetpoojaAddonid { get; set; }
    public required string AddonName { get; set; }
    public string? GroupName { get; set; }
    /// <summary>addon_group_id / group_id, where the integration sends it.</summary>
    public string? GroupId { get; set; }
    public decimal Quantity { get; set; }
    public decimal Price { get; set; }
    public string? AddonSapCode { get; set; }
}

public sealed class OrderTax
{
    public long Id { get; set; }
    public long RestaurantId { get; set; }
    public required string OrderId { get; set; }
    public int LineNo { get; set; }
    public required string TaxTitle { get; set; }
    /// <summary>Pull-API taxid.</summary>
    public string? TaxId { get; set; }
    public decimal TaxRate { get; set; }
    public string? TaxType { get; set; }
    public decimal TaxAmount { get; set; }
}

public sealed class OrderDiscount
{
    public long Id { get; set; }
    public long RestaurantId { get; set; }
    public required string OrderId { get; set; }
    public int LineNo { get; set; }
    public required string DiscountTitle { get; set; }
    /// <summary>Pull-API discountid.</summary>
    public string? DiscountId { get; set; }
    public string? DiscountType { get; set; }
    public decimal DiscountRate { get; set; }
    public decimal DiscountAmount { get; set; }
}

public sealed class OrderPartPayment
{
    public long RestaurantId { get; set; }
    public required string OrderId { get; set; }
    public int LineNo { get; set; }
    public required string PaymentType { get; set; }
    public decimal Amount { get; set; }
}

/// <summary>A data-quality finding on a loaded order (the order is kept; analytics can filter on it).</summary>
public sealed class OrderQualityFlag
{
    public long RestaurantId { get; set; }
    public required string OrderId { get; set; }
    public required string Code { get; set; }
    public required string Detail { get; set; }
}
