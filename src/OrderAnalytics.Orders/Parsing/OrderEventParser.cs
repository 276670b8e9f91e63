using System.Text.Json;
using OrderAnalytics.Contracts;

namespace OrderAnalytics.Orders;

/// <summary>
/// Turns one <see cref="RawOrderEvent"/> into an order, a status update, or a quarantine/ignore reason.
/// Accepts the stored-event envelope (raw_event as an object or as a JSON string) and the bare PetPooja
/// callback, both <c>properties</c> dialects and their type drift. Thread-safe; never throws.
/// </summary>
public sealed class OrderEventParser
{
    private readonly OrderParserOptions _options;
    private readonly JsonDocumentOptions _documentOptions;

    public OrderEventParser(OrderParserOptions? options = null)
    {
        _options = options ?? OrderParserOptions.Default;
        _documentOptions = JsonReadContext.DocumentOptions(_options);
    }

    /// <summary>Parses one event. Never throws: every failure becomes a quarantine with a reason naming the field.</summary>
    public ParseResult Parse(RawOrderEvent raw)
    {
        try
        {
            if (raw is null) return ParseResult.Quarantine("raw: null event");
            var payload = raw.Payload;
            if (string.IsNullOrWhiteSpace(payload)) return ParseResult.Quarantine("payload: empty");
            if (payload.Length > _options.MaxPayloadChars)
                return ParseResult.Quarantine($"payload: too large ({payload.Length} chars > {_options.MaxPayloadChars})");

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(payload, _documentOptions);
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
            {
                // InvalidOperationException: the duplicate-property check meeting an escaped lone surrogate in a name;
                // ArgumentException: the payload string itself holds a lone surrogate and cannot become UTF-8.
                return ParseResult.Quarantine($"payload: not valid JSON ({JsonReadContext.ShortMessage(ex)})");
            }

            using (document)
            using (var ctx = new JsonReadContext(_options))
            {
                return ParseDocument(raw, document.RootElement, ctx);
            }
        }
        catch (QuarantineException q)
        {
            return ParseResult.Quarantine(q.Reason);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ParseResult.Quarantine($"parser: internal error ({ex.GetType().Name}: {TextSanitizer.Preview(ex.Message, 120)})");
        }
    }

    private sealed class Envelope
    {
        public bool Present;
        public long? StreamId;
        public string? EventId;
        public string? AggregateId;
        public string? EventType;
        public DateTimeOffset? OccurredAt;
    }

    private ParseResult ParseDocument(RawOrderEvent raw, JsonElement root, JsonReadContext ctx)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return ParseResult.Quarantine($"payload: expected a JSON object, got {JsonReadContext.Describe(root)}");

        var env = new Envelope();
        JsonElement rawEvent = default;
        var hasTopProperties = false;
        foreach (var p in root.EnumerateObject())
        {
            if (!Fields.Envelope.TryGet(p, out var fi)) continue;
            switch (fi.Field)
            {
                case F.StreamId: env.StreamId = ctx.Integer(p.Value, "", "stream_id", long.MinValue, long.MaxValue); break;
                case F.EventId: env.EventId = ctx.Id(p.Value, "", "event_id"); break;
                case F.AggregateId: env.AggregateId = ctx.Id(p.Value, "", "aggregate_id"); break;
                case F.EventType: env.EventType = ctx.Text(p.Value, "", "event_type", 100); break;
                case F.OccurredAt:
                    var occurred = ctx.Text(p.Value, "", "occurred_at", 64);
                    if (BusinessTime.TryParseInstant(occurred, out var at)) env.OccurredAt = at;
                    break;
                case F.RawEvent: rawEvent = p.Value; env.Present = true; break;
                case F.Properties: hasTopProperties = true; break;
            }
        }

        // Find the PetPooja callback body: {"event", "token", "properties"}.
        JsonElement callback;
        if (env.Present)
        {
            if (!ctx.TryResolveObject(rawEvent, "raw_event", out var rawEventObj))
                return ParseResult.Quarantine("raw_event: missing");

            JsonElement rawPayload = default;
            var hasProperties = false;
            foreach (var p in rawEventObj.EnumerateObject())
            {
                if (!Fields.RawEvent.TryGet(p, out var fi)) continue;
                if (fi.Field == F.RawPayload) rawPayload = p.Value;
                else if (fi.Field == F.Properties) hasProperties = true;
            }

            if (ctx.TryResolveObject(rawPayload, "raw_event.raw_payload", out var payloadObj)) callback = payloadObj;
            else if (hasProperties) callback = rawEventObj;
            else return ParseResult.Quarantine("raw_event.raw_payload: missing");
        }
        else if (hasTopProperties)
        {
            callback = root;
        }
        else
        {
            return ParseResult.Quarantine("payload: neither an event envelope (raw_event) nor a PetPooja callback (properties)");
        }

        JsonElement eventElement = default, propertiesElement = default;
        foreach (var p in callback.EnumerateObject())
        {
            if (!Fields.Callback.TryGet(p, out var fi)) continue;
            if (fi.Field == F.Event) eventElement = p.Value;
            else if (fi.Field == F.Properties) propertiesElement = p.Value;
        }

        var eventName = ctx.Text(eventElement, "", "event", 100) ?? env.EventType;
        if (!ctx.TryResolveObject(propertiesElement, "properties", out var properties))
            return ParseResult.Quarantine("properties: missing");

        var kind = Classify(eventName, properties);
        return kind switch
        {
            EventKind.Order => ParseOrder(raw, env, properties, ctx),
            EventKind.Status => ParseStatus(env, properties, ctx),
            EventKind.Unknown => ParseResult.Quarantine("event: missing, and properties hold neither Order nor status"),
            _ => ParseResult.Ignore($"event '{TextSanitizer.Preview(eventName)}': not an order or status event"),
        };
    }

    private enum EventKind { Order, Status, Other, Unknown }

    private static EventKind Classify(string? eventName, JsonElement properties)
    {
        if (eventName is not null)
        {
            Span<char> buffer = stackalloc char[32];
            var n = 0;
            foreach (var c in eventName)
            {
                if (c is '_' or '-' or ' ' or '.') continue;
                if (n == buffer.Length) return EventKind.Other;
                buffer[n++] = char.ToLowerInvariant(c);
            }
            var name = buffer[..n];
            if (name.SequenceEqual("orderdetails") || name.SequenceEqual("order") || name.SequenceEqual("orderdetail"))
                return EventKind.Order;
            if (name.SequenceEqual("orderstatus") || name.SequenceEqual("orderstatusupdate") || name.SequenceEqual("status"))
                return EventKind.Status;
            if (n > 0) return EventKind.Other;
        }

        // No event name: infer from the shape.
        var hasStatus = false;
        foreach (var p in properties.EnumerateObject())
        {
            if (p.NameEquals("Order") || p.NameEquals("order")) return EventKind.Order;
            if (p.NameEquals("status")) hasStatus = true;
        }
        return hasStatus ? EventKind.Status : EventKind.Unknown;
    }

    // ---------------------------------------------------------------- orders

    private ParseResult ParseOrder(RawOrderEvent raw, Envelope env, JsonElement properties, JsonReadContext ctx)
    {
        JsonElement order = default, customer = default, items = default, taxes = default, discounts = default,
            restaurant = default, partPayments = default;
        foreach (var p in properties.EnumerateObject())
        {
            if (!Fields.Properties.TryGet(p, out var fi)) continue;
            if (fi.PullOnly) ctx.PullDialect = true;
            switch (fi.Field)
            {
                case F.Order: order = p.Value; break;
                case F.Customer: customer = p.Value; break;
                case F.OrderItem: items = p.Value; break;
                case F.Tax: taxes = p.Value; break;
                case F.Discount: discounts = p.Value; break;
                case F.Restaurant: restaurant = p.Value; break;
                case F.PartPayments: partPayments = p.Value; break;
                case F.PartPaymentFlag:
                    if (p.Value.ValueKind == JsonValueKind.Array && partPayments.ValueKind == JsonValueKind.Undefined) partPayments = p.Value;
                    break;
            }
        }

        if (!ctx.TryResolveObject(order, "properties.Order", out var orderObj))
            return ParseResult.Quarantine("properties.Order: missing");

        // Restaurant
        string? restId = null, resName = null, resAddress = null, resContact = null;
        if (ctx.TryResolveObject(restaurant, "properties.Restaurant", out var restObj))
        {
            const string parent = "properties.Restaurant";
            foreach (var p in restObj.EnumerateObject())
            {
                if (!Fields.Restaurant.TryGet(p, out var fi)) continue;
                if (fi.PullOnly) ctx.PullDialect = true;
                switch (fi.Field)
                {
                    case F.RestId: restId = ctx.Id(p.Value, parent, "restID"); break;
                    case F.ResName: resName = ctx.Text(p.Value, parent, "res_name"); break;
                    case F.Address: resAddress = ctx.Text(p.Value, parent, "address"); break;
                    case F.Contact: resContact = ctx.Text(p.Value, parent, "contact_information"); break;
                }
            }
        }
        if (restId is null) return ParseResult.Quarantine("properties.Restaurant.restID: missing");

        var data = ReadOrder(orderObj, ctx, ref partPayments);
        if (data.OrderId.Length == 0) return ParseResult.Quarantine("properties.Order.orderID: missing");
        if (env.AggregateId is not null && !SameId(env.AggregateId, data.OrderId))
            return ParseResult.Quarantine(
                $"aggregate_id: '{TextSanitizer.Preview(env.AggregateId)}' does not match properties.Order.orderID '{TextSanitizer.Preview(data.OrderId)}'");

        var customerData = ctx.TryResolveObject(customer, "properties.Customer", out var customerObj)
            ? ReadCustomer(customerObj, ctx)
            : null;

        var itemList = ReadItems(items, ctx);
        var taxList = ReadRows(taxes, "properties.Tax", ctx, static (t, ty, r, a, id) => new TaxData(t, ty, r, a, id));
        var discountList = ReadRows(discounts, "properties.Discount", ctx, static (t, ty, r, a, id) => new DiscountData(t, ty, r, a, id));
        var parts = ReadPartPayments(partPayments, ctx);

        data = data with
        {
            RestaurantRef = restId,
            RestaurantName = resName,
            RestaurantAddress = resAddress,
            RestaurantContact = resContact,
            StreamId = env.StreamId ?? raw.StreamId,
            EventId = env.EventId ?? NullIfEmpty(raw.EventId),
            OccurredAt = env.OccurredAt,
            Dialect = ctx.PullDialect ? "pull" : "webhook",
            Customer = customerData,
            Items = itemList,
            Taxes = taxList,
            Discounts = discountList,
            PartPayments = parts,
            Flags = ctx.Flags,
        };
        return ParseResult.ForOrder(data);
    }

    private static OrderData ReadOrder(JsonElement o, JsonReadContext ctx, ref JsonElement partPayments)
    {
        const string parent = "properties.Order";
        string? orderId = null, createdOn = null, orderType = null, orderFrom = null, subOrderType = null,
            paymentType = null, status = null, biller = null, orderFromId = null, invoiceId = null, tableNo = null,
            tokenNo = null, assignee = null, comment = null;
        decimal total = 0, core = 0, tax = 0, discount = 0, delivery = 0, packaging = 0, service = 0, roundOff = 0;
        int? persons = null;

        foreach (var p in o.EnumerateObject())
        {
            if (!Fields.Order.TryGet(p, out var fi)) continue;
            if (fi.PullOnly) ctx.PullDialect = true;
            var v = p.Value;
            switch (fi.Field)
            {
                case F.OrderId: orderId = ctx.Id(v, parent, "orderID"); break;
                case F.Total: total = ctx.Money(v, parent, "total"); break;
                case F.CoreTotal: core = ctx.Money(v, parent, "core_total"); break;
                case F.TaxTotal: tax = ctx.Money(v, parent, "tax_total"); break;
                case F.DiscountTotal: discount = ctx.Money(v, parent, "discount_total"); break;
                case F.DeliveryCharges: delivery = ctx.Money(v, parent, "delivery_charges"); break;
                case F.PackagingCharge: packaging = ctx.Money(v, parent, fi.Name); break;
                case F.ServiceCharge: service = ctx.Money(v, parent, "service_charge"); break;
                case F.RoundOff: roundOff = ctx.Money(v, parent, "round_off"); break;
                case F.CreatedOn: createdOn = ctx.Text(v, parent, "created_on", 64); break;
                case F.OrderType: orderType = ctx.Text(v, parent, "order_type", 100); break;
                case F.OrderFrom: orderFrom = ctx.Text(v, parent, "order_from", 100); break;
                case F.SubOrderType: subOrderType = ctx.Text(v, parent, "sub_order_type", 100); break;
                case F.PaymentType: paymentType = ctx.Text(v, parent, "payment_type", 100); break;
                case F.Status: status = ctx.Text(v, parent, "status", 100); break;
                case F.Biller: biller = ctx.Text(v, parent, "biller"); break;
                case F.OrderFromId: orderFromId = ctx.Text(v, parent, "order_from_id", 100); break;
                case F.CustomerInvoiceId: invoiceId = ctx.Text(v, parent, "customer_invoice_id", 100); break;
                case F.TableNo: tableNo = ctx.Text(v, parent, "table_no", 100); break;
                case F.TokenNo: tokenNo = ctx.Text(v, parent, "token_no", 100); break;
                case F.Assignee: assignee = ctx.Text(v, parent, "assignee"); break;
                case F.NoOfPersons: persons = (int?)ctx.Integer(v, parent, "no_of_persons", 0, 100_000); break;
                case F.Comment: comment = ctx.Text(v, parent, "comment"); break;
                case F.PartPayments: partPayments = v; break;
                case F.PartPaymentFlag:
                    // "0"/"1" says whether part_payments exist; an array here is the rows themselves
                    if (v.ValueKind == JsonValueKind.Array && partPayments.ValueKind == JsonValueKind.Undefined) partPayments = v;
                    break;
            }
        }

        return new OrderData
        {
            RestaurantRef = "",
            OrderId = orderId ?? "",
            CreatedOnRaw = createdOn,
            OrderType = orderType,
            OrderFrom = orderFrom,
            SubOrderType = subOrderType,
            PaymentType = paymentType,
            Status = status,
            Biller = biller,
            OrderFromId = orderFromId,
            CustomerInvoiceId = invoiceId,
            TableNo = tableNo,
            TokenNo = tokenNo,
            Assignee = assignee,
            NoOfPersons = persons,
            Comment = comment,
            CoreTotal = core,
            TaxTotal = tax,
            DiscountTotal = discount,
            DeliveryCharges = delivery,
            PackagingCharge = packaging,
            ServiceCharge = service,
            RoundOff = roundOff,
            Total = total,
        };
    }

    private static CustomerData? ReadCustomer(JsonElement c, JsonReadContext ctx)
    {
        const string parent = "properties.Customer";
        string? name = null, phone = null, address = null, gstin = null;
        foreach (var p in c.EnumerateObject())
        {
            if (!Fields.Customer.TryGet(p, out var fi)) continue;
            if (fi.PullOnly) ctx.PullDialect = true;
            switch (fi.Field)
            {
                case F.Name: name = ctx.Text(p.Value, parent, "name"); break;
                case F.Phone: phone = ctx.Text(p.Value, parent, "phone", 100); break;
                case F.Address: address = ctx.Text(p.Value, parent, "address"); break;
                case F.Gstin: gstin = ctx.Text(p.Value, parent, fi.Name, 100); break;
            }
        }

        // POS orders often carry an empty customer: no customer, rather than a fake one.
        if (name is null && phone is null && address is null && gstin is null) return null;
        return new CustomerData { Name = name, PhoneRaw = phone, Address = address, Gstin = gstin };
    }

    private static IReadOnlyList<OrderItemData> ReadItems(JsonElement items, JsonReadContext ctx)
    {
        var e = ctx.Array(items, "properties.OrderItem", out var count);
        if (e is null || count == 0) return [];
        var list = new OrderItemData[count];
        var i = 0;
        foreach (var item in e.Value)
        {
            if (item.ValueKind != JsonValueKind.Object)
                throw JsonReadContext.Fail($"properties.OrderItem[{i}]", $"expected an object, got {JsonReadContext.Describe(item)}");
            list[i] = ReadItem(item, i, ctx);
            i++;
        }
        return list;
    }

    private static OrderItemData ReadItem(JsonElement o, int index, JsonReadContext ctx)
    {
        var parent = new Parent("properties.OrderItem", index);
        string? itemId = null, code = null, name = null, category = null, categoryId = null, notes = null, sap = null, vendor = null;
        decimal qty = 0, price = 0, total = 0, tax = 0, discount = 0;
        IReadOnlyList<AddonData> addons = [];
        foreach (var p in o.EnumerateObject())
        {
            if (!Fields.Item.TryGet(p, out var fi)) continue;
            if (fi.PullOnly) ctx.PullDialect = true;
            var v = p.Value;
            switch (fi.Field)
            {
                case F.ItemId: itemId = ctx.Text(v, parent, "itemid", 100); break;
                case F.ItemCode: code = ctx.Text(v, parent, "itemcode", 100); break;
                case F.Name: name = ctx.Text(v, parent, "name"); break;
                case F.Quantity: qty = ctx.Quantity(v, parent, "quantity"); break;
                case F.Price: price = ctx.Money(v, parent, "price"); break;
                case F.Total: total = ctx.Money(v, parent, "total"); break;
                case F.ItemTax: tax = ctx.Money(v, parent, fi.Name); break;
                case F.ItemDiscount: discount = ctx.Money(v, parent, fi.Name); break;
                case F.CategoryName: category = ctx.Text(v, parent, fi.Name, 200); break;
                case F.CategoryId: categoryId = ctx.Text(v, parent, fi.Name, 100); break;
                case F.SpecialNotes: notes = ctx.Text(v, parent, "specialnotes"); break;
                case F.SapCode: sap = ctx.Text(v, parent, fi.Name, 100); break;
                case F.VendorItemCode: vendor = ctx.Text(v, parent, "vendoritemcode", 100); break;
                case F.Addons: addons = ReadAddons(v, index, fi.Name, ctx); break;
            }
        }
        if (name is null) throw JsonReadContext.Fail(JsonReadContext.Path(parent, "name"), "missing");

        return new OrderItemData
        {
            LineNo = index + 1,
            PetpoojaItemId = itemId,
            ItemCode = code,
            NameRaw = name,
            Quantity = qty,
            UnitPrice = price,
            TotalPrice = total,
            TaxAmount = tax,
            DiscountAmount = discount,
            CategoryName = category,
            CategoryId = categoryId,
            SpecialNotes = notes,
            SapCode = sap,
            VendorItemCode = vendor,
            Addons = addons,
        };
    }

    private static IReadOnlyList<AddonData> ReadAddons(JsonElement addons, int itemIndex, string key, JsonReadContext ctx)
    {
        var e = ctx.Array(addons, $"properties.OrderItem[{itemIndex}].{key}", out var count);
        if (e is null || count == 0) return [];
        var list = new AddonData[count];
        var i = 0;
        foreach (var a in e.Value)
        {
            var parent = new Parent("properties.OrderItem", itemIndex, key, i);
            if (a.ValueKind != JsonValueKind.Object)
                throw JsonReadContext.Fail(parent.ToString(), $"expected an object, got {JsonReadContext.Describe(a)}");
            string? id = null, name = null, group = null, groupId = null, sap = null;
            decimal qty = 0, price = 0;
            foreach (var p in a.EnumerateObject())
            {
                if (!Fields.Addon.TryGet(p, out var fi)) continue;
                var v = p.Value;
                switch (fi.Field)
                {
                    case F.AddonId: id = ctx.Text(v, parent, fi.Name, 100); break;
                    case F.Name: name = ctx.Text(v, parent, "name"); break;
                    case F.GroupName: group = ctx.Text(v, parent, "group_name", 200); break;
                    case F.GroupId: groupId = ctx.Text(v, parent, fi.Name, 100); break;
                    case F.Quantity: qty = ctx.Quantity(v, parent, "quantity"); break;
                    case F.Price: price = ctx.Money(v, parent, "price"); break;
                    case F.SapCode: sap = ctx.Text(v, parent, fi.Name, 100); break;
                }
            }
            if (name is null) throw JsonReadContext.Fail(JsonReadContext.Path(parent, "name"), "missing");
            list[i++] = new AddonData
            {
                PetpoojaAddonId = id,
                Name = name,
                GroupName = group,
                GroupId = groupId,
                Quantity = qty,
                Price = price,
                SapCode = sap,
            };
        }
        return list;
    }

    private static IReadOnlyList<T> ReadRows<T>(JsonElement rows, string path, JsonReadContext ctx,
        Func<string, string?, decimal, decimal, string?, T> create)
    {
        var e = ctx.Array(rows, path, out var count);
        if (e is null || count == 0) return [];
        var list = new T[count];
        var i = 0;
        foreach (var r in e.Value)
        {
            var parent = new Parent(path, i);
            if (r.ValueKind != JsonValueKind.Object)
                throw JsonReadContext.Fail(parent.ToString(), $"expected an object, got {JsonReadContext.Describe(r)}");
            string? title = null, type = null, id = null;
            decimal rate = 0, amount = 0;
            foreach (var p in r.EnumerateObject())
            {
                if (!Fields.TaxRow.TryGet(p, out var fi)) continue;
                if (fi.PullOnly) ctx.PullDialect = true;
                var v = p.Value;
                switch (fi.Field)
                {
                    case F.Title: title = ctx.Text(v, parent, "title", 200); break;
                    case F.Type: type = ctx.Text(v, parent, "type", 20); break;
                    case F.Rate: rate = ctx.Money(v, parent, "rate"); break;
                    case F.Amount: amount = ctx.Money(v, parent, "amount"); break;
                    case F.RowId: id = ctx.Text(v, parent, fi.Name, 100); break;
                }
            }
            list[i++] = create(title ?? "", type, rate, amount, id);
        }
        return list;
    }

    private static IReadOnlyList<PartPaymentData> ReadPartPayments(JsonElement rows, JsonReadContext ctx)
    {
        const string path = "properties.Order.part_payments";
        var e = ctx.Array(rows, path, out var count);
        if (e is null || count == 0) return [];
        var list = new List<PartPaymentData>(count);
        var i = 0;
        foreach (var r in e.Value)
        {
            var parent = new Parent(path, i++);
            if (r.ValueKind != JsonValueKind.Object)
                throw JsonReadContext.Fail(parent.ToString(), $"expected an object, got {JsonReadContext.Describe(r)}");
            string? type = null;
            decimal amount = 0;
            foreach (var p in r.EnumerateObject())
            {
                if (!Fields.PartPayment.TryGet(p, out var fi)) continue;
                if (fi.Field == F.Type) type ??= ctx.Text(p.Value, parent, fi.Name, 100);
                else if (fi.Field == F.Amount) amount = ctx.Money(p.Value, parent, fi.Name);
            }
            list.Add(new PartPaymentData(type ?? "", amount));
        }
        return list;
    }

    // ---------------------------------------------------------------- status callbacks

    private static ParseResult ParseStatus(Envelope env, JsonElement properties, JsonReadContext ctx)
    {
        const string parent = "properties";
        string? restId = null, orderId = null, cancelReason = null, timestamp = null;
        JsonElement statusElement = default;
        foreach (var p in properties.EnumerateObject())
        {
            if (!Fields.StatusCallback.TryGet(p, out var fi)) continue;
            switch (fi.Field)
            {
                case F.RestId: restId = ctx.Id(p.Value, parent, "restID"); break;
                case F.Restaurant:
                    if (restId is null && ctx.TryResolveObject(p.Value, "properties.Restaurant", out var r))
                    {
                        foreach (var rp in r.EnumerateObject())
                        {
                            if (Fields.Restaurant.TryGet(rp, out var rf) && rf.Field == F.RestId)
                                restId = ctx.Id(rp.Value, "properties.Restaurant", "restID");
                        }
                    }
                    break;
                case F.OrderId: orderId = ctx.Id(p.Value, parent, "orderID"); break;
                case F.StatusCode: statusElement = p.Value; break;
                case F.CancelReason: cancelReason = ctx.Text(p.Value, parent, "cancel_reason"); break;
                case F.Timestamp: timestamp = ctx.Text(p.Value, parent, "timestamp", 64); break;
            }
        }

        if (restId is null) return ParseResult.Quarantine("properties.restID: missing");
        if (orderId is null) return ParseResult.Quarantine("properties.orderID: missing");
        if (env.AggregateId is not null && !SameId(env.AggregateId, orderId))
            return ParseResult.Quarantine(
                $"aggregate_id: '{TextSanitizer.Preview(env.AggregateId)}' does not match properties.orderID '{TextSanitizer.Preview(orderId)}'");

        var statusText = ctx.Text(statusElement, parent, "status", 40);
        if (statusText is null) return ParseResult.Quarantine("properties.status: missing");
        if (!OrderStatusCodes.TryParse(statusText, out var code))
            return ParseResult.Quarantine($"properties.status: unknown status code '{TextSanitizer.Preview(statusText)}'");

        DateTimeOffset at;
        if (BusinessTime.TryParseIst(timestamp, out var ts)) at = ts;
        else if (env.OccurredAt is { } occurred) at = occurred;
        else if (timestamp is null) return ParseResult.Quarantine("properties.timestamp: missing, and no occurred_at to fall back on");
        else return ParseResult.Quarantine($"properties.timestamp: not a timestamp ('{TextSanitizer.Preview(timestamp)}'), and no occurred_at to fall back on");

        return ParseResult.ForStatus(new OrderStatusUpdate(restId, orderId, code, OrderStatusCodes.Name(code), at, cancelReason));
    }

    // ---------------------------------------------------------------- helpers

    private static bool SameId(string a, string b) => string.Equals(a, b, StringComparison.Ordinal);

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
