namespace OrderAnalytics.Simulation.Internal;

internal enum Channel : byte { Zomato, Pos, Swiggy, Website }

internal enum OrderKind : byte { Delivery, DineIn, PickUp, Takeaway, DeliveryParcel }

internal enum Lifecycle : byte { Normal, Complimentary, CancelAfter, CancelDirect }

[Flags]
internal enum StatusMask : byte
{
    None = 0,
    Accepted = 1,
    FoodReady = 2,
    Dispatched = 4,
    Delivered = 8,
    Cancelled = 16,
}

/// <summary>
/// The structural decisions for one order: everything that decides how many events it produces. Drawn by
/// the planner from the day's plan stream only, so the stream index can be built without rendering.
/// </summary>
internal struct OrderPlan
{
    public int Restaurant;
    public int CreatedSecond;   // seconds after 05:00 IST of the business date
    public Channel Channel;
    public OrderKind Kind;
    public Lifecycle Lifecycle;
    public bool Edited;
    public byte Resend1, Resend2, Resend3; // re-sends of version 1..3
    public bool Malformed;
    public StatusMask Status;
    public bool Pull;
    public int Index;           // position among this restaurant's orders of the day (creation order)

    public readonly int Versions => 1 + (Edited ? 1 : 0) + (Lifecycle == Lifecycle.CancelAfter ? 1 : 0);

    public readonly int StatusEvents => System.Numerics.BitOperations.PopCount((uint)Status);

    public readonly int EventCount => Versions + Resend1 + Resend2 + Resend3 + StatusEvents + (Malformed ? 1 : 0);

    public readonly byte ResendsOf(int version) => version switch { 1 => Resend1, 2 => Resend2, _ => Resend3 };
}

internal sealed class DayPlan
{
    public required OrderPlan[] Orders { get; init; }     // grouped by restaurant, creation order inside each
    public required int[] OrdersPerRestaurant { get; init; }
    public required bool HasTestOrder { get; init; }

    public int EventCount
    {
        get
        {
            var n = HasTestOrder ? 1 : 0;
            foreach (ref readonly var o in Orders.AsSpan()) n += o.EventCount;
            return n;
        }
    }
}

internal sealed class AddonLine
{
    public required RawAddonName Addon { get; init; }
    public int Quantity { get; init; } = 1;
}

internal sealed class ItemLine
{
    public required string RawName { get; init; }
    public required MenuItem? Item { get; init; }
    public required int Quantity { get; set; }
    public required decimal UnitPrice { get; init; }
    public List<AddonLine> Addons { get; init; } = [];
    public string SpecialNotes { get; init; } = "";

    // Filled by the money step.
    public decimal Total;
    public decimal Tax;
    public decimal Discount;

    public ItemLine Clone() => new()
    {
        RawName = RawName,
        Item = Item,
        Quantity = Quantity,
        UnitPrice = UnitPrice,
        Addons = Addons,
        SpecialNotes = SpecialNotes,
    };
}

internal sealed record MoneyRow(string Title, string Type, decimal Rate, decimal Amount, string Id);

internal sealed record PartPayment(string PaymentType, decimal Amount);

internal sealed record CustomerBlock(string Name, string Phone, string Address, string Gstin, long? PhoneNumber, string CreatedDate, Locality? Locality);

/// <summary>One version of an order, fully computed (money identity holds). Immutable once built.</summary>
internal sealed class OrderVersion
{
    public required RestaurantInfo Restaurant { get; init; }
    public required long OrderId { get; init; }
    public required int Version { get; init; }
    public required DateTime CreatedIst { get; init; }
    public required DateOnly BusinessDate { get; init; }
    public required Channel Channel { get; init; }
    public required OrderKind Kind { get; init; }
    public required bool Pull { get; init; }
    public required string Status { get; init; }
    public required string OrderType { get; init; }
    public required string OrderFrom { get; init; }
    public required string SubOrderType { get; init; }
    public required string SubOrderTypeId { get; init; }
    public required string PaymentType { get; init; }
    public string CustomPaymentType { get; init; } = "";
    public required string Biller { get; init; }
    public required string OrderFromId { get; init; }
    public string TableNo { get; init; } = "";
    public string TokenNo { get; init; } = "";
    public string Assignee { get; init; } = "";
    public int NoOfPersons { get; init; }
    public string Comment { get; init; } = "";
    public required CustomerBlock Customer { get; init; }
    public required IReadOnlyList<ItemLine> Lines { get; init; }
    public required IReadOnlyList<MoneyRow> Taxes { get; init; }
    public required IReadOnlyList<MoneyRow> Discounts { get; init; }
    public IReadOnlyList<PartPayment> PartPayments { get; init; } = [];
    public decimal CoreTotal { get; init; }
    public decimal TaxTotal { get; init; }
    public decimal DiscountTotal { get; init; }
    public decimal PackagingCharge { get; init; }
    public decimal DeliveryCharges { get; init; }
    public int ServiceCharge { get; init; }
    public decimal RoundOff { get; init; }
    public decimal Total { get; init; }
    public bool AddonPriceAsString { get; init; }
    public bool AddonQuantityAsString { get; init; }
    public bool AltAddonKeys { get; init; }
    public bool IsTest { get; init; }
    public required string CommandId { get; init; }
    public required IReadOnlyList<LineFacts> LineFacts { get; init; }
}

internal sealed record StatusInfo(int Code, DateTime TimestampIst, string CancelReason);

internal enum EventModelKind : byte { Order, Status, Malformed }

/// <summary>One event before rendering; <see cref="StreamId"/> is set when the day's events are sorted.</summary>
internal sealed class EventModel
{
    public required EventModelKind Kind { get; init; }
    public required OrderVersion Order { get; init; }        // for status events: the order it refers to
    public StatusInfo? Status { get; init; }
    public required long OccurredTicks { get; init; }        // UTC ticks, microsecond precision
    public required int Seq { get; init; }                   // tie-break inside a day
    public bool RawAsString { get; init; }
    public string Token { get; init; } = "";
    public bool TokenCapitalised { get; init; }
    public bool IsResend { get; init; }
    public MalformationKind Malformation { get; init; }
    public int MalformationDetail { get; init; }             // e.g. truncation point in per-mille
    public long StreamId { get; set; }
}
