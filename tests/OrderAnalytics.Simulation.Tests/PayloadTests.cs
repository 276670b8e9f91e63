using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OrderAnalytics.Simulation.Tests;

public class PayloadTests
{
    private static IReadOnlyList<SimulatedEvent> Events => Streams.DefaultEvents;

    private static IEnumerable<SimulatedEvent> WellFormedOrders =>
        Events.Where(e => e.Facts.Kind == SimulatedEventKind.OrderDetails);

    [Fact]
    public void Json_EveryEvent_IsAValidEnvelope()
    {
        foreach (var e in Events)
        {
            using var doc = JsonDocument.Parse(e.Json);
            var root = doc.RootElement;
            Assert.Equal(e.StreamId, root.GetProperty("stream_id").GetInt64());
            Assert.True(Guid.TryParse(root.GetProperty("event_id").GetString(), out _));
            Assert.Equal("order", root.GetProperty("aggregate_type").GetString());
            Assert.Equal(e.Facts.OrderId, root.GetProperty("aggregate_id").GetString());
            var type = root.GetProperty("event_type").GetString();
            Assert.Equal(e.Facts.Kind == SimulatedEventKind.OrderStatus ? "orderstatus" : "orderdetails", type);
            var occurred = DateTimeOffset.Parse(root.GetProperty("occurred_at").GetString()!, CultureInfo.InvariantCulture);
            Assert.Equal(TimeSpan.Zero, occurred.Offset);
            Assert.Equal(e.Facts.OccurredAt, occurred);
            Assert.True(root.TryGetProperty("raw_event", out _));
        }
    }

    [Fact]
    public void Json_EventIds_AreUniqueAndDeterministic()
    {
        var ids = Events.Select(e => JsonDocument.Parse(e.Json).RootElement.GetProperty("event_id").GetString()).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        var again = new OrderStream(new SimulationOptions()).GetPage(0, 50)
            .Select(e => JsonDocument.Parse(e.Json).RootElement.GetProperty("event_id").GetString());
        Assert.Equal(ids.Take(50), again);
    }

    [Fact]
    public void Json_OccurredAt_IsAfterCreatedOnAndAscending()
    {
        var previous = DateTimeOffset.MinValue;
        foreach (var e in Events)
        {
            Assert.True(e.Facts.OccurredAt >= previous, $"stream {e.StreamId} goes back in time");
            previous = e.Facts.OccurredAt;
            if (e.Facts.IsTestOrder) continue;
            var createdUtc = new DateTimeOffset(e.Facts.CreatedOn, TimeSpan.FromHours(5.5));
            Assert.True(e.Facts.OccurredAt > createdUtc, $"stream {e.StreamId} stored before it was created");
        }
    }

    [Fact]
    public void Json_MoneyIdentity_HoldsOnEveryWellFormedOrder()
    {
        var checkedOrders = 0;
        foreach (var e in WellFormedOrders)
        {
            using var p = Payload.Parse(e.Json);
            var total = p.OrderMoney("total");
            var identity = p.OrderMoney("core_total") - p.OrderMoney("discount_total") + p.OrderMoney("tax_total")
                + p.OrderMoney("packaging_charge") + p.OrderMoney("delivery_charges") + p.OrderMoney("service_charge")
                + p.OrderMoney("round_off");
            Assert.Equal(total, identity);
            Assert.Equal(decimal.Truncate(total), total);
            Assert.Equal(e.Facts.Total, total);
            Assert.Equal(JsonValueKind.String, p.Order.GetProperty("round_off").ValueKind);
            Assert.Equal(JsonValueKind.Number, p.Order.GetProperty("service_charge").ValueKind);
            Assert.InRange(p.OrderMoney("round_off"), -0.5m, 0.5m);
            checkedOrders++;
        }
        Assert.True(checkedOrders > 9_000);
    }

    [Fact]
    public void Json_ChildRows_SumToOrderTotals()
    {
        foreach (var e in WellFormedOrders.Take(4000))
        {
            using var p = Payload.Parse(e.Json);
            var items = p.Items.ToList();
            Assert.NotEmpty(items);
            Assert.Equal(p.OrderMoney("core_total"), items.Sum(i => Payload.Dec(i.GetProperty("total"))));
            Assert.Equal(p.OrderMoney("tax_total"), items.Sum(p.ItemTax));
            Assert.Equal(p.OrderMoney("discount_total"), items.Sum(p.ItemDiscount));
            Assert.Equal(p.OrderMoney("tax_total"), p.Properties.GetProperty("Tax").EnumerateArray().Sum(t => Payload.Dec(t.GetProperty("amount"))));
            Assert.Equal(p.OrderMoney("discount_total"), p.Properties.GetProperty("Discount").EnumerateArray().Sum(t => Payload.Dec(t.GetProperty("amount"))));
            foreach (var item in items)
            {
                var addons = item.GetProperty("addon").EnumerateArray().Sum(a => Payload.Dec(a.GetProperty("price")) * Payload.Dec(a.GetProperty("quantity")));
                var unit = Payload.Dec(item.GetProperty("price"));
                Assert.Equal(Payload.Dec(item.GetProperty("total")), (unit + addons) * Payload.Dec(item.GetProperty("quantity")));
            }
        }
    }

    [Fact]
    public void Json_PartPayments_SumToTotal()
    {
        var found = 0;
        foreach (var e in WellFormedOrders.Where(e => e.Json.Contains("Part Payment", StringComparison.Ordinal)))
        {
            using var p = Payload.Parse(e.Json);
            if (p.Order.GetProperty("payment_type").GetString() != "Part Payment") continue;
            var parts = p.Order.GetProperty("part_payments").EnumerateArray().ToList();
            Assert.Equal(2, parts.Count);
            Assert.Equal(p.OrderMoney("total"), parts.Sum(x => Payload.Dec(x.GetProperty("amount"))));
            found++;
        }
        Assert.True(found > 20, $"only {found} part payments");
    }

    [Fact]
    public void Json_BothDialects_ArePresentWithTheirFieldNames()
    {
        int webhook = 0, pull = 0;
        foreach (var e in WellFormedOrders.Take(6000))
        {
            using var p = Payload.Parse(e.Json);
            var item = p.Items.First();
            if (p.IsPull)
            {
                pull++;
                Assert.Equal("pull", e.Facts.Dialect);
                Assert.True(p.Order.TryGetProperty("container_charges", out _));
                Assert.True(item.TryGetProperty("categoryname", out _));
                Assert.True(item.TryGetProperty("total_tax", out _));
                Assert.True(item.TryGetProperty("itemsapcode", out _));
                Assert.True(p.Properties.GetProperty("Customer").TryGetProperty("gst_no", out _));
                Assert.True(p.Properties.GetProperty("Restaurant").TryGetProperty("restaurant_state", out _));
                Assert.True(p.Properties.GetProperty("Tax")[0].TryGetProperty("taxid", out _));
            }
            else
            {
                webhook++;
                Assert.Equal("webhook", e.Facts.Dialect);
                Assert.Equal(JsonValueKind.Number, p.Order.GetProperty("orderID").ValueKind);
                Assert.True(p.Order.TryGetProperty("packaging_charge", out _));
                Assert.True(p.Order.TryGetProperty("biller", out _));
                Assert.True(item.TryGetProperty("category_name", out _));
                Assert.True(item.TryGetProperty("tax", out _));
                Assert.True(p.Properties.GetProperty("Customer").TryGetProperty("gstin", out _));
            }
        }
        Assert.True(webhook > 1000, $"webhook {webhook}");
        Assert.True(pull > 1000, $"pull {pull}");
    }

    [Fact]
    public void Json_TypeQuirks_TokenSpellingsAndAddonStringsArePresent()
    {
        int token = 0, capitalToken = 0, priceString = 0, priceInt = 0, qtyString = 0, qtyInt = 0, altKeys = 0;
        foreach (var e in WellFormedOrders.Take(5000))
        {
            using var p = Payload.Parse(e.Json);
            if (p.RawPayload.TryGetProperty("token", out _)) token++;
            if (p.RawPayload.TryGetProperty("Token", out _)) capitalToken++;
            foreach (var a in p.Items.SelectMany(i => i.GetProperty("addon").EnumerateArray()))
            {
                if (a.GetProperty("price").ValueKind == JsonValueKind.String) priceString++; else priceInt++;
                if (a.GetProperty("quantity").ValueKind == JsonValueKind.String) qtyString++; else qtyInt++;
                if (a.TryGetProperty("addon_id", out _)) altKeys++;
            }
        }
        Assert.All(new[] { token, capitalToken, priceString, priceInt, qtyString, qtyInt, altKeys }, n => Assert.True(n > 10));
    }

    [Fact]
    public void Json_RawEventAsString_IsPresentAndParses()
    {
        var strings = Events.Where(e => e.Facts.RawEventIsString && e.Facts.Kind != SimulatedEventKind.Malformed).ToList();

        Assert.InRange(strings.Count, Events.Count / 100, Events.Count / 5);
        foreach (var e in strings.Take(300))
        {
            using var p = Payload.Parse(e.Json);
            Assert.True(p.RawEventIsString);
            Assert.Equal("petpooja", p.RawEvent.GetProperty("source").GetString());
        }
    }

    [Fact]
    public void Json_MalformedEvents_AreBrokenInsideAValidEnvelope()
    {
        var malformed = Events.Where(e => e.Facts.Kind == SimulatedEventKind.Malformed).ToList();
        var rate = (double)malformed.Count / Events.Count;

        Assert.InRange(rate, 0.001, 0.004);
        Assert.Equal(Enum.GetValues<MalformationKind>().Length, malformed.Select(e => e.Facts.Malformation).Distinct().Count());
        foreach (var e in malformed)
        {
            using var doc = JsonDocument.Parse(e.Json);
            Assert.False(IsUsableOrder(doc.RootElement.GetProperty("raw_event")), $"stream {e.StreamId} ({e.Facts.Malformation}) looks usable");
        }
    }

    /// <summary>What a strict loader needs: an object (or string of one) with properties.Order.total numeric and OrderItem an array.</summary>
    private static bool IsUsableOrder(JsonElement rawEvent)
    {
        try
        {
            using var inner = rawEvent.ValueKind == JsonValueKind.String ? JsonDocument.Parse(rawEvent.GetString()!) : null;
            var raw = inner?.RootElement ?? rawEvent;
            if (raw.ValueKind != JsonValueKind.Object) return false;
            var props = raw.GetProperty("raw_payload").GetProperty("properties");
            var order = props.GetProperty("Order");
            return order.GetProperty("total").ValueKind == JsonValueKind.Number
                && props.GetProperty("OrderItem").ValueKind == JsonValueKind.Array;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return false;
        }
    }

    [Fact]
    public void Json_ResendsEditsAndCancellations_ArePresent()
    {
        var resends = WellFormedOrders.Where(e => e.Facts.IsResend).ToList();
        Assert.True(resends.Count > 100);
        var byId = Events.ToDictionary(e => e.StreamId);
        foreach (var r in resends.Take(100))
        {
            // Identical raw_event as an earlier event of the same order, new stream id / event id.
            var original = Events.First(e => e.Facts.OrderId == r.Facts.OrderId && e.StreamId < r.StreamId && !e.Facts.IsResend
                && e.Facts.Kind == SimulatedEventKind.OrderDetails && e.Facts.Version == r.Facts.Version);
            using var a = JsonDocument.Parse(original.Json);
            using var b = JsonDocument.Parse(r.Json);
            Assert.Equal(a.RootElement.GetProperty("raw_event").GetRawText(), b.RootElement.GetProperty("raw_event").GetRawText());
            Assert.NotEqual(a.RootElement.GetProperty("event_id").GetString(), b.RootElement.GetProperty("event_id").GetString());
        }

        var successThenCancelled = WellFormedOrders
            .GroupBy(e => e.Facts.OrderId)
            .Count(g => g.First().Facts.OrderStatus == "Success" && g.Last().Facts.OrderStatus == "Cancelled");
        Assert.True(successThenCancelled > 50, $"{successThenCancelled} Success→Cancelled");
        Assert.True(WellFormedOrders.Count(e => e.Facts.Version == 2 && e.Facts.OrderStatus == "Success") > 50);
        Assert.True(WellFormedOrders.Count(e => e.Facts.OrderStatus == "Complimentary") > 3);
    }

    [Fact]
    public void Json_StatusEvents_FollowTheDeliveryLifecycle()
    {
        var status = Events.Where(e => e.Facts.Kind == SimulatedEventKind.OrderStatus).ToList();
        Assert.True(status.Count > 5000);
        var codes = new HashSet<string>();
        var ride = new List<double>();
        var prep = new List<double>();
        foreach (var g in status.GroupBy(e => e.Facts.OrderId).Take(3000))
        {
            var times = new Dictionary<string, DateTime>();
            foreach (var e in g)
            {
                using var p = Payload.Parse(e.Json);
                Assert.Equal("orderstatus", p.RawPayload.GetProperty("event").GetString());
                var props = p.Properties;
                Assert.Equal(e.Facts.OrderId, props.GetProperty("orderID").GetString());
                Assert.Equal("1c8w7fp500", props.GetProperty("restID").GetString());
                var code = props.GetProperty("status").GetString()!;
                codes.Add(code);
                var ts = DateTime.ParseExact(props.GetProperty("timestamp").GetString()!, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                times[code] = ts;
                Assert.Equal(code == "-1", props.GetProperty("cancel_reason").GetString()!.Length > 0);
            }
            if (times.TryGetValue("4", out var dispatched) && times.TryGetValue("10", out var delivered))
            {
                ride.Add((delivered - dispatched).TotalMinutes);
                if (times.TryGetValue("5", out var ready)) Assert.True(ready < dispatched);
            }
            if (times.TryGetValue("5", out var r) && times.TryGetValue("1", out var accepted)) prep.Add((r - accepted).TotalMinutes);
        }
        Assert.Superset(new HashSet<string> { "1", "5", "4", "10", "-1" }, codes);
        Assert.All(ride, m => Assert.InRange(m, 14.9, 45.1));
        Assert.All(prep, m => Assert.InRange(m, 9.9, 26));
        Assert.True(ride.Max() - ride.Min() > 15, "ride durations should depend on distance");
    }

    [Fact]
    public void Json_Customers_FollowChannelRules()
    {
        var phoneFormats = new HashSet<string>();
        int posEmpty = 0, pos = 0;
        foreach (var e in WellFormedOrders.Take(5000))
        {
            using var p = Payload.Parse(e.Json);
            var c = p.Properties.GetProperty("Customer");
            var phone = c.GetProperty("phone").GetString()!;
            var name = c.GetProperty("name").GetString()!;
            switch (e.Facts.OrderFrom)
            {
                case "Zomato" or "Swiggy":
                    Assert.Equal("", phone);
                    if (e.Facts.OrderType == "Delivery" && name.Length > 0) Assert.Contains("Gur", c.GetProperty("address").GetString(), StringComparison.Ordinal);
                    break;
                case "POS":
                    pos++;
                    if (name == "" && phone == "") posEmpty++;
                    break;
            }
            if (phone.Length == 0) continue;
            Assert.Equal(e.Facts.Phone, Regex.Replace(phone, "[^0-9]", "")[^10..]);
            Assert.Matches("^[6-9][0-9]{9}$", e.Facts.Phone);
            phoneFormats.Add(Regex.Replace(phone, "[0-9]", "9"));
        }
        Assert.InRange((double)posEmpty / pos, 0.3, 0.6);
        Assert.Superset(new HashSet<string> { "+99 99999 99999", "99999999999", "9999999999", "99-9999999999", "+999999999999" }, phoneFormats);
    }

    [Fact]
    public void Json_ItemNames_CarryTheRealMess()
    {
        var names = WellFormedOrders.SelectMany(e => e.Facts.Lines).Select(l => l.RawName).ToHashSet();

        Assert.Contains(names, n => n.Contains("&amp;", StringComparison.Ordinal));
        Assert.Contains(names, n => n.Contains("Vanila", StringComparison.Ordinal) || n.Contains("Piec(", StringComparison.Ordinal));
        Assert.Contains(names, n => n.Contains("(Regular Tub (300ml))", StringComparison.Ordinal));
        Assert.Contains(names, n => n.Contains("(2pcs)", StringComparison.Ordinal));
        Assert.Contains(names, n => n.Contains("navratri", StringComparison.OrdinalIgnoreCase));
        var addons = WellFormedOrders.SelectMany(e => e.Facts.Lines).SelectMany(l => l.Addons).GroupBy(a => a)
            .OrderByDescending(g => g.Count()).Select(g => g.Key).Take(2).ToList();
        Assert.Equal(new[] { "Cup", "Waffle Cone" }, addons.Order());
    }

    [Fact]
    public void Json_Taxes_AreGstRowsOfTypeP()
    {
        var titles = new HashSet<string>();
        foreach (var e in WellFormedOrders.Where((e, i) => i < 2000 || e.Json.Contains("GST@9", StringComparison.Ordinal)))
        {
            using var p = Payload.Parse(e.Json);
            var rows = p.Properties.GetProperty("Tax").EnumerateArray().ToList();
            Assert.Equal(2, rows.Count);
            Assert.All(rows, t => Assert.Equal("P", t.GetProperty("type").GetString()));
            titles.UnionWith(rows.Select(t => t.GetProperty("title").GetString()!));
        }
        Assert.Equal(new HashSet<string> { "CGST@2.5", "SGST@2.5", "CGST@9", "SGST@9" }, titles);
    }

    [Fact]
    public void Json_OrderTypes_AreConsistentWithChannel()
    {
        var allowed = new Dictionary<string, string[]>
        {
            ["Zomato"] = ["Delivery", "Pick Up"],
            ["Swiggy"] = ["Delivery", "Pick Up"],
            ["Home Website"] = ["Delivery", "Pick Up"],
            ["POS"] = ["Dine In", "Takeaway", "Delivery (Parcel)"],
        };
        foreach (var e in WellFormedOrders)
            Assert.Contains(e.Facts.OrderType, allowed[e.Facts.OrderFrom!]);
    }

    [Fact]
    public void Json_TestOrder_SitsAtTheStartOfTheStream()
    {
        var test = Assert.Single(Events, e => e.Facts.IsTestOrder);
        using var p = Payload.Parse(test.Json);

        Assert.True(test.StreamId < 100, "the test order belongs to the first day's block");
        Assert.Equal(99999, p.Order.GetProperty("orderID").GetInt32());
        Assert.StartsWith("2025-01-01", p.Order.GetProperty("created_on").GetString(), StringComparison.Ordinal);
        Assert.Equal("Test Item", p.Items.Single().GetProperty("name").GetString());
    }
}
