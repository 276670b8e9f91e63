using System.Collections.Frozen;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace OrderAnalytics.Orders;

/// <summary>Known property names of each PetPooja object, both dialects, matched case-insensitively.</summary>
internal enum F
{
    /// <summary>Known name we do not read (it may still mark the pull dialect).</summary>
    None,

    // envelope
    StreamId, EventId, AggregateId, EventType, OccurredAt, RawEvent, RawPayload,

    // callback / raw_payload
    Event, Properties,

    // properties
    Order, Customer, OrderItem, Tax, Discount, Restaurant, PartPayments,

    /// <summary>Pull-API "part_payment": a "0"/"1" flag in most integrations, the rows themselves in some.</summary>
    PartPaymentFlag,

    // Restaurant
    RestId, ResName, Address, Contact,

    // Order
    OrderId, Total, CoreTotal, TaxTotal, DiscountTotal, DeliveryCharges, PackagingCharge, ServiceCharge, RoundOff,
    CreatedOn, OrderType, OrderFrom, SubOrderType, PaymentType, Status, Biller, OrderFromId, CustomerInvoiceId,
    TableNo, TokenNo, Assignee, NoOfPersons, Comment,

    // Customer
    Name, Phone, Gstin,

    // Item
    ItemId, ItemCode, Quantity, Price, ItemTax, ItemDiscount, CategoryName, CategoryId, SpecialNotes, SapCode,
    VendorItemCode, Addons,

    // Addon
    AddonId, GroupName, GroupId,

    // Tax / Discount rows
    Title, Type, Rate, Amount, RowId,

    // Status callback
    StatusCode, CancelReason, Timestamp,
}

/// <summary>What a property name means: the field, its canonical spelling (for reasons), and whether only the pull-API dialect uses it.</summary>
internal readonly record struct FieldInfo(F Field, string Name, bool PullOnly);

/// <summary>A case-insensitive name → field table looked up straight from the document's UTF-8 bytes, without allocating.</summary>
internal sealed class FieldMap
{
    private const int MaxStackName = 64;
    private readonly FrozenDictionary<string, FieldInfo> _map;
    private readonly FrozenDictionary<string, FieldInfo>.AlternateLookup<ReadOnlySpan<char>> _spans;

    public FieldMap(params (string Name, F Field)[] entries) : this(entries, [])
    {
    }

    public FieldMap((string Name, F Field)[] entries, (string Name, F Field)[] pullOnly)
    {
        var all = entries.Select(e => (e.Name, Info: new FieldInfo(e.Field, e.Name, false)))
            .Concat(pullOnly.Select(e => (e.Name, Info: new FieldInfo(e.Field, e.Name, true))));
        _map = all.ToFrozenDictionary(e => e.Name, e => e.Info, StringComparer.OrdinalIgnoreCase);
        _spans = _map.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool TryGet(JsonProperty property, out FieldInfo info)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (raw.Length <= MaxStackName)
        {
            Span<char> chars = stackalloc char[raw.Length];
            var ascii = true;
            for (var i = 0; i < raw.Length; i++)
            {
                var b = raw[i];
                if (b >= 0x80 || b == (byte)'\\')
                {
                    ascii = false;
                    break;
                }
                chars[i] = (char)b;
            }
            if (ascii) return _spans.TryGetValue(chars, out info);
        }
        // escaped, non-ASCII or long: unescape (allocates) and look up
        try
        {
            return _map.TryGetValue(property.Name, out info);
        }
        catch (InvalidOperationException)
        {
            // an escaped lone surrogate: not a name we know
            info = default;
            return false;
        }
    }
}

internal static class Fields
{
    public static readonly FieldMap Envelope = new(
        ("stream_id", F.StreamId), ("event_id", F.EventId), ("aggregate_id", F.AggregateId),
        ("event_type", F.EventType), ("occurred_at", F.OccurredAt), ("raw_event", F.RawEvent),
        ("properties", F.Properties));

    public static readonly FieldMap RawEvent = new(("raw_payload", F.RawPayload), ("properties", F.Properties));

    public static readonly FieldMap Callback = new(("event", F.Event), ("properties", F.Properties));

    public static readonly FieldMap Properties = new(
        [
            ("Order", F.Order), ("Customer", F.Customer), ("OrderItem", F.OrderItem), ("OrderItems", F.OrderItem),
            ("Tax", F.Tax), ("Taxes", F.Tax), ("Discount", F.Discount), ("Discounts", F.Discount),
            ("Restaurant", F.Restaurant), ("part_payments", F.PartPayments),
        ],
        [("part_payment", F.PartPaymentFlag)]);

    public static readonly FieldMap Restaurant = new(
        [("restID", F.RestId), ("res_name", F.ResName), ("address", F.Address), ("contact_information", F.Contact)],
        [("restaurantid", F.None), ("restaurant_state", F.None)]);

    public static readonly FieldMap Order = new(
        [
            ("orderID", F.OrderId), ("total", F.Total), ("core_total", F.CoreTotal), ("tax_total", F.TaxTotal),
            ("discount_total", F.DiscountTotal), ("delivery_charges", F.DeliveryCharges),
            ("packaging_charge", F.PackagingCharge), ("service_charge", F.ServiceCharge), ("round_off", F.RoundOff),
            ("created_on", F.CreatedOn), ("order_type", F.OrderType), ("order_from", F.OrderFrom),
            ("sub_order_type", F.SubOrderType), ("payment_type", F.PaymentType), ("status", F.Status),
            ("biller", F.Biller), ("order_from_id", F.OrderFromId), ("customer_invoice_id", F.CustomerInvoiceId),
            ("table_no", F.TableNo), ("token_no", F.TokenNo), ("assignee", F.Assignee),
            ("no_of_persons", F.NoOfPersons), ("comment", F.Comment), ("part_payments", F.PartPayments),
        ],
        [
            ("container_charges", F.PackagingCharge), ("part_payment", F.PartPaymentFlag), ("refId", F.None),
            ("sub_order_type_id", F.None), ("custom_payment_type", F.None), ("advance_order", F.None),
            ("order_date", F.None), ("waivedOff", F.None), ("tip", F.None),
        ]);

    public static readonly FieldMap Customer = new(
        [("name", F.Name), ("phone", F.Phone), ("address", F.Address), ("gstin", F.Gstin)],
        [("gst_no", F.Gstin), ("created_date", F.None)]);

    public static readonly FieldMap Item = new(
        [
            ("itemid", F.ItemId), ("itemcode", F.ItemCode), ("name", F.Name), ("quantity", F.Quantity),
            ("price", F.Price), ("total", F.Total), ("tax", F.ItemTax), ("discount", F.ItemDiscount),
            ("category_name", F.CategoryName), ("specialnotes", F.SpecialNotes), ("sap_code", F.SapCode),
            ("vendoritemcode", F.VendorItemCode), ("addon", F.Addons), ("addons", F.Addons),
        ],
        [
            ("categoryname", F.CategoryName), ("categoryid", F.CategoryId), ("total_tax", F.ItemTax),
            ("total_discount", F.ItemDiscount), ("itemsapcode", F.SapCode), ("item_tax_info", F.None),
            ("tax_ids", F.None),
        ]);

    public static readonly FieldMap Addon = new(
        ("addonid", F.AddonId), ("addon_id", F.AddonId), ("name", F.Name), ("group_name", F.GroupName),
        ("addon_group_id", F.GroupId), ("group_id", F.GroupId), ("quantity", F.Quantity), ("price", F.Price),
        ("addon_sap_code", F.SapCode), ("sap_code", F.SapCode));

    public static readonly FieldMap TaxRow = new(
        [("title", F.Title), ("type", F.Type), ("rate", F.Rate), ("amount", F.Amount)],
        [("taxid", F.RowId), ("discountid", F.RowId)]);

    public static readonly FieldMap PartPayment = new(
        ("payment_type", F.Type), ("type", F.Type), ("custom_payment_type", F.Type), ("payment_mode", F.Type),
        ("amount", F.Amount));

    public static readonly FieldMap StatusCallback = new(
        ("restID", F.RestId), ("Restaurant", F.Restaurant), ("orderID", F.OrderId), ("order_id", F.OrderId),
        ("status", F.StatusCode), ("cancel_reason", F.CancelReason), ("cancelReason", F.CancelReason),
        ("timestamp", F.Timestamp));
}
