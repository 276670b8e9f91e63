namespace OrderAnalytics.Contracts;

/// <summary>
/// One order in the canonical shape both PetPooja dialects are parsed into, enriched by the cleaner
/// (UTC time, business date, E.164 phone, menu matches, quality flags). Money is in rupees.
/// </summary>
public sealed record OrderData
{
    public required string RestaurantRef { get; init; }      // PetPooja restID
    public string? RestaurantName { get; init; }
    public string? RestaurantAddress { get; init; }
    public string? RestaurantContact { get; init; }

    public required string OrderId { get; init; }            // orderID / aggregate_id, as text
    public long? StreamId { get; init; }
    public string? EventId { get; init; }
    public DateTimeOffset? OccurredAt { get; init; }         // when the upstream stored the event (unreliable)
    public string Dialect { get; init; } = "webhook";         // "webhook" or "pull"

    public string? CreatedOnRaw { get; init; }               // "2025-06-08 20:55:58", IST wall clock
    public DateTimeOffset? CreatedAtUtc { get; init; }       // set by the cleaner
    public DateOnly? BusinessDate { get; init; }             // IST, day runs 05:00-04:59; set by the cleaner

    public string? OrderType { get; init; }
    public string? OrderFrom { get; init; }
    public string? SubOrderType { get; init; }
    public string? PaymentType { get; init; }
    public string? Status { get; init; }
    public string? Biller { get; init; }
    public string? OrderFromId { get; init; }
    public string? CustomerInvoiceId { get; init; }
    public string? TableNo { get; init; }
    public string? TokenNo { get; init; }
    public string? Assignee { get; init; }
    public int? NoOfPersons { get; init; }
    public string? Comment { get; init; }

    public decimal CoreTotal { get; init; }
    public decimal TaxTotal { get; init; }
    public decimal DiscountTotal { get; init; }
    public decimal DeliveryCharges { get; init; }
    public decimal PackagingCharge { get; init; }
    public decimal ServiceCharge { get; init; }
    public decimal RoundOff { get; init; }
    public decimal Total { get; init; }

    public CustomerData? Customer { get; init; }              // null when the payload has no usable customer
    public IReadOnlyList<OrderItemData> Items { get; init; } = [];
    public IReadOnlyList<TaxData> Taxes { get; init; } = [];
    public IReadOnlyList<DiscountData> Discounts { get; init; } = [];
    public IReadOnlyList<PartPaymentData> PartPayments { get; init; } = [];
    public IReadOnlyList<QualityFlag> Flags { get; init; } = [];
}

public sealed record CustomerData
{
    public string? Name { get; init; }
    public string? PhoneRaw { get; init; }
    public string? PhoneE164 { get; init; }                  // set by the cleaner when the phone is valid
    public string? Address { get; init; }
    public string? Gstin { get; init; }
    public string? Locality { get; init; }                   // e.g. "Sector 66", "DLF Phase 3"; set by the cleaner
    /// <summary>Stable dedup key: "phone:+9198..." or "name:{normalised name}|{locality}"; null = no customer row.</summary>
    public string? CustomerKey { get; init; }
}

public sealed record OrderItemData
{
    public int LineNo { get; init; }
    public string? PetpoojaItemId { get; init; }
    public string? ItemCode { get; init; }
    public required string NameRaw { get; init; }
    public decimal Quantity { get; init; }
    public decimal UnitPrice { get; init; }
    public decimal TotalPrice { get; init; }
    public decimal TaxAmount { get; init; }
    public decimal DiscountAmount { get; init; }
    public string? CategoryName { get; init; }
    public string? CategoryId { get; init; }
    public string? SpecialNotes { get; init; }
    public string? SapCode { get; init; }
    public string? VendorItemCode { get; init; }
    public IReadOnlyList<AddonData> Addons { get; init; } = [];
    public MenuMatch? Match { get; init; }                    // set by the cleaner
}

public sealed record AddonData
{
    public string? PetpoojaAddonId { get; init; }
    public required string Name { get; init; }
    public string? GroupName { get; init; }
    public string? GroupId { get; init; }
    public decimal Quantity { get; init; }
    public decimal Price { get; init; }
    public string? SapCode { get; init; }
}

public sealed record TaxData(string Title, string? Type, decimal Rate, decimal Amount, string? TaxId = null);

public sealed record DiscountData(string Title, string? Type, decimal Rate, decimal Amount, string? DiscountId = null);

public sealed record PartPaymentData(string PaymentType, decimal Amount);

/// <summary>A data-quality finding on an order; the order is still loaded.</summary>
public sealed record QualityFlag(string Code, string Detail);

/// <summary>Result of matching a raw item name to the menu.</summary>
public sealed record MenuMatch(
    string Decision,            // "matched", "review", "unmatched", "non_product"
    string? MenuItemName,       // menu name (best suggestion when Decision is "review")
    string? Variant,            // menu variant code, e.g. "REGULAR_TUB_300ML"
    double Score,
    string NormalisedName);

/// <summary>An order-status callback (PetPooja codes: -1 cancelled, 1/2/3 accepted, 5 food ready, 4 dispatched, 10 delivered).</summary>
public sealed record OrderStatusUpdate(
    string RestaurantRef,
    string OrderId,
    int Code,
    string Status,
    DateTimeOffset At,
    string? CancelReason);
