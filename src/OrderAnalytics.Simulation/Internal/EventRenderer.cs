using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace OrderAnalytics.Simulation.Internal;

/// <summary>Writes an <see cref="EventModel"/> as the upstream's JSON envelope, in the order's dialect.</summary>
internal static class EventRenderer
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Like the Django server: '&', quotes in names etc. stay readable, "&amp;" stays "&amp;".
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    [ThreadStatic] private static ArrayBufferWriter<byte>? t_envelopeBuffer;
    [ThreadStatic] private static ArrayBufferWriter<byte>? t_rawBuffer;
    [ThreadStatic] private static Utf8JsonWriter? t_envelopeWriter;
    [ThreadStatic] private static Utf8JsonWriter? t_rawWriter;

    public static SimulatedEvent ToSimulatedEvent(GenContext ctx, EventModel e) => new(e.StreamId, Render(ctx, e), Facts(e));

    public static string Render(GenContext ctx, EventModel e)
    {
        var buffer = t_envelopeBuffer ??= new ArrayBufferWriter<byte>(8192);
        buffer.ResetWrittenCount();
        var w = t_envelopeWriter ??= new Utf8JsonWriter(buffer, WriterOptions);
        w.Reset(buffer);

        var v = e.Order;
        w.WriteStartObject();
        w.WriteNumber("stream_id"u8, e.StreamId);
        w.WriteString("event_id"u8, EventId(ctx.Seed, e.StreamId));
        w.WriteString("aggregate_type"u8, "order"u8);
        w.WriteString("aggregate_id"u8, Str(v.OrderId));
        w.WriteString("event_type"u8, e.Kind == EventModelKind.Status ? "orderstatus"u8 : "orderdetails"u8);
        Span<byte> date = stackalloc byte[40];
        new DateTime(e.OccurredTicks, DateTimeKind.Utc).TryFormat(date, out var n, "yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);
        w.WriteString("occurred_at"u8, date[..n]);
        w.WritePropertyName("raw_event"u8);

        if (e.Kind == EventModelKind.Malformed && e.Malformation == MalformationKind.EmptyRawEvent)
        {
            if (e.MalformationDetail % 2 == 0) w.WriteNullValue();
            else w.WriteStringValue(""u8);
        }
        else if (e.Kind == EventModelKind.Malformed && e.Malformation == MalformationKind.TruncatedRawEvent)
        {
            var raw = RenderRawEvent(ctx, e);
            var text = Encoding.UTF8.GetString(raw);
            var cut = Math.Clamp(text.Length * e.MalformationDetail / 1000, 1, text.Length - 1);
            if (char.IsHighSurrogate(text[cut - 1])) cut--;
            w.WriteStringValue(text.AsSpan(0, cut));
        }
        else if (e.RawAsString)
        {
            w.WriteStringValue(RenderRawEvent(ctx, e));
        }
        else
        {
            WriteRawEvent(ctx, w, e);
        }
        w.WriteEndObject();
        w.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static ReadOnlySpan<byte> RenderRawEvent(GenContext ctx, EventModel e)
    {
        var buffer = t_rawBuffer ??= new ArrayBufferWriter<byte>(8192);
        buffer.ResetWrittenCount();
        var w = t_rawWriter ??= new Utf8JsonWriter(buffer, WriterOptions);
        w.Reset(buffer);
        WriteRawEvent(ctx, w, e);
        w.Flush();
        return buffer.WrittenSpan;
    }

    private static void WriteRawEvent(GenContext ctx, Utf8JsonWriter w, EventModel e)
    {
        var v = e.Order;
        w.WriteStartObject();
        w.WriteString("source"u8, "petpooja"u8);
        if (e.Kind == EventModelKind.Status)
        {
            var s = e.Status!;
            w.WriteString("command_id"u8, GenContext.Hex(Hash.Mix(ctx.Seed, (ulong)v.Restaurant.Index, (ulong)v.OrderId, 0x57A7u + (ulong)(s.Code + 10)), 40));
            w.WriteStartObject("raw_payload"u8);
            w.WriteString("event"u8, "orderstatus"u8);
            w.WriteStartObject("properties"u8);
            w.WriteString("restID"u8, v.Restaurant.RestId);
            w.WriteString("orderID"u8, Str(v.OrderId));
            w.WriteString("status"u8, s.Code.ToString(CultureInfo.InvariantCulture));
            w.WriteString("cancel_reason"u8, s.CancelReason);
            WriteIstProperty(w, "timestamp"u8, s.TimestampIst);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
            return;
        }

        w.WriteString("command_id"u8, v.CommandId);
        w.WriteStartObject("raw_payload"u8);
        w.WriteString("event"u8, "orderdetails"u8);
        w.WriteString(e.TokenCapitalised ? "Token"u8 : "token"u8, e.Token);
        var malformation = e.Kind == EventModelKind.Malformed ? e.Malformation : (MalformationKind?)null;
        if (malformation != MalformationKind.MissingProperties)
        {
            w.WritePropertyName("properties"u8);
            if (v.Pull) WritePullProperties(w, v, malformation);
            else WriteWebhookProperties(w, v, malformation);
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    // ---- webhook dialect ----------------------------------------------------------------------------------

    private static void WriteWebhookProperties(Utf8JsonWriter w, OrderVersion v, MalformationKind? m)
    {
        w.WriteStartObject();
        w.WriteStartArray("Tax"u8);
        foreach (var t in v.Taxes)
        {
            w.WriteStartObject();
            Number(w, "rate"u8, t.Rate, pull: false);
            w.WriteString("type"u8, t.Type);
            w.WriteString("title"u8, t.Title);
            Number(w, "amount"u8, t.Amount, pull: false);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        if (m != MalformationKind.MissingOrder)
        {
            w.WriteStartObject("Order"u8);
            w.WriteNumber("orderID"u8, v.OrderId);
            if (m == MalformationKind.NonNumericTotal) w.WriteString("total"u8, "N/A"u8);
            else Number(w, "total"u8, v.Total, pull: false);
            Number(w, "core_total"u8, v.CoreTotal, pull: false);
            Number(w, "tax_total"u8, v.TaxTotal, pull: false);
            Number(w, "discount_total"u8, v.DiscountTotal, pull: false);
            Number(w, "delivery_charges"u8, v.DeliveryCharges, pull: false);
            Number(w, "packaging_charge"u8, v.PackagingCharge, pull: false);
            w.WriteNumber("service_charge"u8, v.ServiceCharge);
            w.WriteString("round_off"u8, RoundOff(v.RoundOff));
            WriteIstProperty(w, "created_on"u8, v.CreatedIst);
            w.WriteString("order_type"u8, v.OrderType);
            w.WriteString("order_from"u8, v.OrderFrom);
            w.WriteString("sub_order_type"u8, v.SubOrderType);
            w.WriteString("payment_type"u8, v.PaymentType);
            w.WriteString("status"u8, v.Status);
            w.WriteString("biller"u8, v.Biller);
            w.WriteString("order_from_id"u8, v.OrderFromId);
            w.WriteString("customer_invoice_id"u8, Str(v.OrderId));
            w.WriteString("table_no"u8, v.TableNo);
            w.WriteString("token_no"u8, v.TokenNo);
            w.WriteString("assignee"u8, v.Assignee);
            w.WriteNumber("no_of_persons"u8, v.NoOfPersons);
            w.WriteString("comment"u8, v.Comment);
            WritePartPayments(w, v, pull: false);
            w.WriteEndObject();
        }

        w.WriteStartObject("Customer"u8);
        w.WriteString("name"u8, v.Customer.Name);
        w.WriteString("phone"u8, v.Customer.Phone);
        w.WriteString("address"u8, v.Customer.Address);
        w.WriteString("gstin"u8, v.Customer.Gstin);
        w.WriteEndObject();

        WriteItems(w, v, m, pull: false);

        w.WriteStartArray("Discount"u8);
        foreach (var d in v.Discounts)
        {
            w.WriteStartObject();
            Number(w, "rate"u8, d.Rate, pull: false);
            w.WriteString("type"u8, d.Type);
            w.WriteString("title"u8, d.Title);
            Number(w, "amount"u8, d.Amount, pull: false);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartObject("Restaurant"u8);
        w.WriteString("restID"u8, v.Restaurant.RestId);
        w.WriteString("res_name"u8, v.Restaurant.Name);
        w.WriteString("address"u8, v.Restaurant.Address);
        w.WriteString("contact_information"u8, v.Restaurant.Contact);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    // ---- pull-API dialect ---------------------------------------------------------------------------------

    private static void WritePullProperties(Utf8JsonWriter w, OrderVersion v, MalformationKind? m)
    {
        w.WriteStartObject();
        w.WriteStartObject("Restaurant"u8);
        w.WriteString("restID"u8, v.Restaurant.RestId);
        w.WriteString("res_name"u8, v.Restaurant.Name);
        w.WriteString("address"u8, v.Restaurant.Address);
        w.WriteString("contact_information"u8, v.Restaurant.Contact);
        w.WriteString("restaurantid"u8, Str(301_000 + 7L * v.Restaurant.Index));
        w.WriteString("restaurant_state"u8, "Haryana"u8);
        w.WriteEndObject();

        w.WriteStartObject("Customer"u8);
        w.WriteString("name"u8, v.Customer.Name);
        w.WriteString("phone"u8, v.Customer.Phone);
        w.WriteString("address"u8, v.Customer.Address);
        w.WriteString("gst_no"u8, v.Customer.Gstin);
        w.WriteString("created_date"u8, v.Customer.CreatedDate);
        w.WriteEndObject();

        if (m != MalformationKind.MissingOrder)
        {
            w.WriteStartObject("Order"u8);
            w.WriteString("orderID"u8, Str(v.OrderId));
            w.WriteString("refId"u8, v.OrderFromId);
            w.WriteString("order_date"u8, v.CreatedIst.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            WriteIstProperty(w, "created_on"u8, v.CreatedIst);
            w.WriteString("order_type"u8, v.OrderType);
            w.WriteString("order_from"u8, v.OrderFrom);
            w.WriteString("sub_order_type"u8, v.SubOrderType);
            w.WriteString("sub_order_type_id"u8, v.SubOrderTypeId);
            w.WriteString("payment_type"u8, v.PaymentType);
            w.WriteString("custom_payment_type"u8, v.CustomPaymentType);
            w.WriteString("status"u8, v.Status);
            Number(w, "core_total"u8, v.CoreTotal, pull: true);
            Number(w, "tax_total"u8, v.TaxTotal, pull: true);
            Number(w, "discount_total"u8, v.DiscountTotal, pull: true);
            Number(w, "delivery_charges"u8, v.DeliveryCharges, pull: true);
            Number(w, "container_charges"u8, v.PackagingCharge, pull: true);
            w.WriteNumber("service_charge"u8, v.ServiceCharge);
            w.WriteString("round_off"u8, RoundOff(v.RoundOff));
            if (m == MalformationKind.NonNumericTotal) w.WriteString("total"u8, "N/A"u8);
            else Number(w, "total"u8, v.Total, pull: true);
            w.WriteString("advance_order"u8, "0"u8);
            w.WriteString("part_payment"u8, v.PartPayments.Count > 0 ? "1"u8 : "0"u8);
            WritePartPayments(w, v, pull: true);
            w.WriteNumber("waivedOff"u8, 0);
            w.WriteNumber("tip"u8, 0);
            w.WriteString("table_no"u8, v.TableNo);
            w.WriteNumber("no_of_persons"u8, v.NoOfPersons);
            w.WriteString("comment"u8, v.Comment);
            w.WriteEndObject();
        }

        WriteItems(w, v, m, pull: true);

        w.WriteStartArray("Tax"u8);
        foreach (var t in v.Taxes)
        {
            w.WriteStartObject();
            w.WriteString("title"u8, t.Title);
            w.WriteString("type"u8, t.Type);
            Number(w, "rate"u8, t.Rate, pull: true);
            Number(w, "amount"u8, t.Amount, pull: true);
            w.WriteString("taxid"u8, t.Id);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("Discount"u8);
        foreach (var d in v.Discounts)
        {
            w.WriteStartObject();
            w.WriteString("title"u8, d.Title);
            w.WriteString("type"u8, d.Type);
            Number(w, "rate"u8, d.Rate, pull: true);
            Number(w, "amount"u8, d.Amount, pull: true);
            w.WriteString("discountid"u8, d.Id);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    // ---- shared pieces ------------------------------------------------------------------------------------

    private static void WriteItems(Utf8JsonWriter w, OrderVersion v, MalformationKind? m, bool pull)
    {
        var notArray = m == MalformationKind.OrderItemNotArray;
        if (notArray) w.WriteStartObject("OrderItem"u8);
        else w.WriteStartArray("OrderItem"u8);
        var index = 0;
        foreach (var l in v.Lines)
        {
            if (notArray) w.WritePropertyName(Str(index));
            index++;
            var itemId = l.Item?.PetpoojaItemId ?? 1_000_000_001L;
            var code = l.Item?.ItemCode ?? "TEST";
            var category = l.Item?.Category ?? "Test";
            w.WriteStartObject();
            if (pull)
            {
                w.WriteString("itemid"u8, Str(itemId));
                w.WriteString("name"u8, l.RawName);
                w.WriteString("itemcode"u8, code);
                w.WriteString("vendoritemcode"u8, ""u8);
                w.WriteString("specialnotes"u8, l.SpecialNotes);
                Number(w, "price"u8, l.UnitPrice, pull: true);
                w.WriteNumber("quantity"u8, l.Quantity);
                Number(w, "total"u8, l.Total, pull: true);
                Number(w, "total_tax"u8, l.Tax, pull: true);
                Number(w, "total_discount"u8, l.Discount, pull: true);
                w.WriteStartArray("item_tax_info"u8);
                var first = OrderFactory.Round2(l.Tax / v.Taxes.Count);
                for (var i = 0; i < v.Taxes.Count; i++)
                {
                    var t = v.Taxes[i];
                    w.WriteStartObject();
                    w.WriteString("taxid"u8, t.Id);
                    w.WriteString("title"u8, t.Title);
                    Number(w, "rate"u8, t.Rate, pull: true);
                    Number(w, "amount"u8, i < v.Taxes.Count - 1 ? first : l.Tax - first * (v.Taxes.Count - 1), pull: true);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteString("tax_ids"u8, string.Join(',', v.Taxes.Select(t => t.Id)));
                w.WriteString("categoryname"u8, category);
                w.WriteString("categoryid"u8, Str(5000 + (long)(Hash.Of(category) % 900)));
                w.WriteString("itemsapcode"u8, ""u8);
                WriteAddons(w, v, l);
            }
            else
            {
                w.WriteNumber("itemid"u8, itemId);
                w.WriteString("name"u8, l.RawName);
                w.WriteString("itemcode"u8, code);
                w.WriteNumber("quantity"u8, l.Quantity);
                Number(w, "price"u8, l.UnitPrice, pull: false);
                Number(w, "total"u8, l.Total, pull: false);
                Number(w, "tax"u8, l.Tax, pull: false);
                Number(w, "discount"u8, l.Discount, pull: false);
                WriteAddons(w, v, l);
                w.WriteString("category_name"u8, category);
                w.WriteString("specialnotes"u8, l.SpecialNotes);
                w.WriteString("sap_code"u8, ""u8);
                w.WriteString("vendoritemcode"u8, ""u8);
            }
            w.WriteEndObject();
        }
        if (notArray) w.WriteEndObject();
        else w.WriteEndArray();
    }

    private static void WriteAddons(Utf8JsonWriter w, OrderVersion v, ItemLine l)
    {
        w.WriteStartArray("addon"u8);
        foreach (var a in l.Addons)
        {
            w.WriteStartObject();
            if (v.AltAddonKeys)
            {
                w.WriteString("addon_id"u8, a.Addon.AddonId);
                w.WriteString("name"u8, a.Addon.Name);
                w.WriteString("addon_group_id"u8, Str(70_000 + (long)(Hash.Of(a.Addon.GroupName) % 9_000)));
                w.WriteString("group_name"u8, a.Addon.GroupName);
            }
            else
            {
                w.WriteString("addonid"u8, a.Addon.AddonId);
                w.WriteString("name"u8, a.Addon.Name);
            }
            var price = (long)a.Addon.Price;
            if (v.AddonPriceAsString) w.WriteString("price"u8, Str(price));
            else w.WriteNumber("price"u8, price);
            if (v.AddonQuantityAsString) w.WriteString("quantity"u8, Str(a.Quantity));
            else w.WriteNumber("quantity"u8, a.Quantity);
            if (v.AltAddonKeys)
            {
                w.WriteString("sap_code"u8, ""u8);
            }
            else
            {
                w.WriteString("group_name"u8, a.Addon.GroupName);
                w.WriteString("addon_sap_code"u8, ""u8);
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WritePartPayments(Utf8JsonWriter w, OrderVersion v, bool pull)
    {
        if (v.PartPayments.Count == 0) return;
        w.WriteStartArray("part_payments"u8);
        foreach (var p in v.PartPayments)
        {
            w.WriteStartObject();
            w.WriteString("payment_type"u8, p.PaymentType);
            Number(w, "amount"u8, p.Amount, pull);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>Webhook numbers look like Python floats (1661.0, 120.6); pull numbers drop a zero fraction (1661).</summary>
    private static void Number(Utf8JsonWriter w, ReadOnlySpan<byte> name, decimal value, bool pull)
    {
        Span<byte> b = stackalloc byte[40];
        value.TryFormat(b, out var n, pull ? "0.##" : "0.0#", CultureInfo.InvariantCulture);
        w.WritePropertyName(name);
        w.WriteRawValue(b[..n], skipInputValidation: true);
    }

    private static void WriteIstProperty(Utf8JsonWriter w, ReadOnlySpan<byte> name, DateTime ist)
    {
        Span<byte> b = stackalloc byte[24];
        ist.TryFormat(b, out var n, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        w.WriteString(name, b[..n]);
    }

    private static string RoundOff(decimal v) => v.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Str(long v) => v.ToString(CultureInfo.InvariantCulture);

    /// <summary>Deterministic version-4-shaped GUID from the seed and the stream id.</summary>
    public static string EventId(ulong seed, long streamId)
    {
        var a = Hash.Mix(seed, 0xE7E7_1D00UL, (ulong)streamId);
        var b = Hash.Mix(a, 0x1DUL);
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, a);
        BitConverter.TryWriteBytes(bytes[8..], b);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString();
    }

    public static EventFacts Facts(EventModel e)
    {
        var v = e.Order;
        var status = e.Kind == EventModelKind.Status;
        var malformed = e.Kind == EventModelKind.Malformed;
        return new EventFacts
        {
            Kind = status ? SimulatedEventKind.OrderStatus : malformed ? SimulatedEventKind.Malformed : SimulatedEventKind.OrderDetails,
            RestaurantRef = v.Restaurant.RestId,
            OrderId = Str(v.OrderId),
            OccurredAt = new DateTimeOffset(e.OccurredTicks, TimeSpan.Zero),
            CreatedOn = v.CreatedIst,
            BusinessDate = v.BusinessDate,
            OrderStatus = status ? null : v.Status,
            StatusCode = status ? e.Status!.Code : null,
            Total = status ? 0m : v.Total,
            Phone = v.Customer.PhoneNumber?.ToString(CultureInfo.InvariantCulture),
            Dialect = !status && v.Pull ? "pull" : "webhook",
            RawEventIsString = malformed
                ? e.Malformation == MalformationKind.TruncatedRawEvent || (e.Malformation == MalformationKind.EmptyRawEvent ? e.MalformationDetail % 2 == 1 : e.RawAsString)
                : e.RawAsString,
            IsResend = e.IsResend,
            Version = v.Version,
            IsTestOrder = v.IsTest,
            Malformation = malformed ? e.Malformation : null,
            OrderFrom = v.OrderFrom,
            OrderType = v.OrderType,
            Lines = v.LineFacts,
        };
    }
}
