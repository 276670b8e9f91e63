using System.Text.Json;
using System.Text.Json.Nodes;
using OrderAnalytics.Contracts;

namespace OrderAnalytics.Orders.Tests;

public partial class OrderEventParserTests
{
    // ------------------------------------------------------------ webhook dialect, full envelope

    [Fact]
    public void Parse_WebhookEnvelope_ReadsOrderFields()
    {
        var o = Parse.Order(Fixture.Text("webhook_envelope.json"));

        Assert.Equal("webhook", o.Dialect);
        Assert.Equal("1c8w7fp500", o.RestaurantRef);
        Assert.Equal("Dach & Nona", o.RestaurantName);
        Assert.Equal("House 1, Example Lane, Gurgaon", o.RestaurantAddress);
        Assert.Equal("9000000001", o.RestaurantContact);
        Assert.Equal("110", o.OrderId);
        Assert.Equal(111, o.StreamId);
        Assert.Equal("0b6f4c1e-3d6a-4f0e-9a52-1c2d3e4f5a6b", o.EventId);
        Assert.Equal(new DateTimeOffset(2025, 6, 8, 15, 26, 1, 27, TimeSpan.Zero).AddTicks(9400), o.OccurredAt);
        Assert.Equal("2025-06-08 20:55:58", o.CreatedOnRaw);
        Assert.Null(o.CreatedAtUtc);
        Assert.Null(o.BusinessDate);
        Assert.Equal("Delivery", o.OrderType);
        Assert.Equal("Zomato", o.OrderFrom);
        Assert.Equal("Zomato", o.SubOrderType);
        Assert.Equal("Online", o.PaymentType);
        Assert.Equal("Success", o.Status);
        Assert.Equal("Zomato", o.Biller);
        Assert.Equal("6054307452", o.OrderFromId);
        Assert.Equal("110", o.CustomerInvoiceId);
        Assert.Null(o.TableNo);
        Assert.Null(o.TokenNo);
        Assert.Null(o.Assignee);
        Assert.Equal(0, o.NoOfPersons);
        Assert.Null(o.Comment);
        Assert.Equal(1661.0m, o.Total);
        Assert.Equal(1440.0m, o.CoreTotal);
        Assert.Equal(241.2m, o.TaxTotal);
        Assert.Equal(100.0m, o.DiscountTotal);
        Assert.Equal(0m, o.DeliveryCharges);
        Assert.Equal(80.0m, o.PackagingCharge);
        Assert.Equal(0m, o.ServiceCharge);
        Assert.Equal(-0.20m, o.RoundOff);
        Assert.Empty(o.Flags);
        Assert.Empty(o.PartPayments);
    }

    [Fact]
    public void Parse_WebhookEnvelope_ReadsCustomerItemsAddonsTaxesDiscounts()
    {
        var o = Parse.Order(Fixture.Text("webhook_envelope.json"));

        Assert.NotNull(o.Customer);
        Assert.Equal("Asha Testwala", o.Customer!.Name);
        Assert.Null(o.Customer.PhoneRaw);
        Assert.Equal("Flat 101, Tower 2, Sector 66, Gurgaon Delhi NCR India", o.Customer.Address);
        Assert.Null(o.Customer.Gstin);

        Assert.Equal(2, o.Items.Count);
        var first = o.Items[0];
        Assert.Equal(1, first.LineNo);
        Assert.Equal("1282571499", first.PetpoojaItemId);
        Assert.Equal("VANILLAICE", first.ItemCode);
        Assert.Equal("Old Fashion Vanilla Ice Cream (Perfect Plenty (300ml))", first.NameRaw);
        Assert.Equal(1m, first.Quantity);
        Assert.Equal(360m, first.UnitPrice);
        Assert.Equal(360m, first.TotalPrice);
        Assert.Equal(60.3m, first.TaxAmount);
        Assert.Equal(25m, first.DiscountAmount);
        Assert.Equal("Comfort Classics", first.CategoryName);
        Assert.Null(first.CategoryId);
        Assert.Null(first.SapCode);
        Assert.Null(first.Match);

        var addon = Assert.Single(first.Addons);
        Assert.Equal("53392899", addon.PetpoojaAddonId);
        Assert.Equal("Cup", addon.Name);
        Assert.Equal("Cuporcone", addon.GroupName);
        Assert.Equal(1m, addon.Quantity);
        Assert.Equal(0m, addon.Price);
        Assert.Null(addon.SapCode);

        Assert.Equal(2, o.Items[1].LineNo);
        Assert.Equal("less sugar", o.Items[1].SpecialNotes);
        Assert.Empty(o.Items[1].Addons);

        Assert.Equal(2, o.Taxes.Count);
        Assert.Equal(new TaxData("CGST@9", "P", 9.0m, 120.6m), o.Taxes[0]);
        Assert.Equal(new DiscountData("Special Discount", "F", 0m, 100m), Assert.Single(o.Discounts));
    }

    [Fact]
    public void Parse_RawEventAsJsonString_SameOrderAsObject()
    {
        var root = Fixture.Node("webhook_envelope.json");
        var asObject = Parse.Order(root.ToJsonString());
        root["raw_event"] = root["raw_event"]!.ToJsonString();
        var asString = Parse.Order(root.ToJsonString());

        Assert.Equal(Summary(asObject), Summary(asString));
        Assert.Equal("110", asString.OrderId);
        Assert.Equal(2, asString.Items.Count);
    }

    [Fact]
    public void Parse_RawPayloadAsJsonString_IsAccepted()
    {
        var json = Fixture.Mutate("webhook_envelope.json", r =>
            r["raw_event"]!["raw_payload"] = r["raw_event"]!["raw_payload"]!.ToJsonString());
        Assert.Equal("110", Parse.Order(json).OrderId);
    }

    [Fact]
    public void Parse_RawEventHoldingCallbackDirectly_IsAccepted()
    {
        var json = Fixture.Mutate("webhook_envelope.json", r => r["raw_event"] = r["raw_event"]!["raw_payload"]!.DeepClone());
        Assert.Equal("110", Parse.Order(json).OrderId);
    }

    [Fact]
    public void Parse_StreamIdOnlyOnRawEvent_UsesRawStreamId()
    {
        var json = Fixture.Mutate("webhook_envelope.json", r => r.Remove("stream_id"));
        var result = new OrderEventParser().Parse(Fixture.Raw(json, streamId: 999, eventId: "raw-id"));
        Assert.Equal(999, result.Order!.StreamId);
        Assert.Equal("0b6f4c1e-3d6a-4f0e-9a52-1c2d3e4f5a6b", result.Order.EventId);
    }

    // ------------------------------------------------------------ pull-API dialect

    [Fact]
    public void Parse_PullDialect_MapsRenamedFields()
    {
        var o = Parse.Order(Fixture.Text("pull_envelope.json"));

        Assert.Equal("pull", o.Dialect);
        Assert.Equal("204", o.OrderId);
        Assert.Equal(205, o.StreamId);
        Assert.Equal(472.50m, o.Total);
        Assert.Equal(450m, o.CoreTotal);
        Assert.Equal(22.50m, o.TaxTotal);
        Assert.Equal(0m, o.PackagingCharge);
        Assert.Equal(2, o.NoOfPersons);
        Assert.Equal("window table", o.Comment);
        Assert.Equal("06ABCDE1234F1Z5", o.Customer!.Gstin);
        Assert.Equal("+91 98765 43210", o.Customer.PhoneRaw);

        var item = Assert.Single(o.Items);
        Assert.Equal("9988776655", item.PetpoojaItemId);
        Assert.Equal("Desserts", item.CategoryName);
        Assert.Equal("55", item.CategoryId);
        Assert.Equal(22.50m, item.TaxAmount);
        Assert.Equal(0m, item.DiscountAmount);
        Assert.Equal("SAP-BCP", item.SapCode);
        Assert.Equal(2m, item.Quantity);
        Assert.Equal(225m, item.UnitPrice);

        var addon = Assert.Single(item.Addons);
        Assert.Equal("777", addon.PetpoojaAddonId);
        Assert.Equal("88", addon.GroupId);
        Assert.Equal("SAP-WC", addon.SapCode);
        Assert.Equal("Waffle Cone", addon.Name);

        Assert.Equal(new TaxData("CGST@2.5", "P", 2.5m, 11.25m, "1"), o.Taxes[0]);
        Assert.Empty(o.Discounts);
        Assert.Equal([new PartPaymentData("Cash", 200m), new PartPaymentData("Card", 272.5m)], o.PartPayments);
    }

    [Fact]
    public void Parse_PullContainerCharges_MapsToPackagingCharge()
    {
        var json = Fixture.Mutate("pull_envelope.json", r => Fixture.Order(r)["container_charges"] = "35.5");
        Assert.Equal(35.5m, Parse.Order(json).PackagingCharge);
    }

    [Fact]
    public void Parse_PullDiscountRowWithId_ReadsDiscountId()
    {
        var json = Fixture.Mutate("pull_envelope.json", r => Fixture.Properties(r)["Discount"] = new JsonArray(
            new JsonObject { ["discountid"] = "9", ["title"] = "Loyalty", ["type"] = "F", ["rate"] = "0", ["amount"] = "50" }));
        Assert.Equal(new DiscountData("Loyalty", "F", 0m, 50m, "9"), Assert.Single(Parse.Order(json).Discounts));
    }

    [Theory]
    [InlineData("categoryname", "\"Desserts\"")]
    [InlineData("itemsapcode", "\"SAP-1\"")]
    [InlineData("total_tax", "\"10\"")]
    [InlineData("categoryid", "12")]
    public void Parse_SinglePullOnlyItemField_SetsPullDialect(string field, string valueJson)
    {
        var json = Fixture.Mutate("webhook_envelope.json", r => Fixture.Item(r, 0)[field] = JsonNode.Parse(valueJson));
        Assert.Equal("pull", Parse.Order(json).Dialect);
    }

    [Fact]
    public void Parse_PropertyNamesInOtherCase_AreMatched()
    {
        var json = Fixture.Mutate("bare_callback.json", r =>
        {
            var props = r["properties"]!.AsObject();
            var order = props["Order"]!.DeepClone();
            props.Remove("Order");
            props["order"] = order;
            var id = order["orderID"]!.DeepClone();
            order.AsObject().Remove("orderID");
            order["OrderId"] = id;
        });
        Assert.Equal("312", Parse.Order(json).OrderId);
    }

    // ------------------------------------------------------------ bare callback

    [Fact]
    public void Parse_BareCallback_ReadsRestaurantAndOrderIdFromProperties()
    {
        var o = Parse.Order(Fixture.Text("bare_callback.json"));
        Assert.Equal("1c8w7fp500", o.RestaurantRef);
        Assert.Equal("312", o.OrderId);
        Assert.Null(o.StreamId);
        Assert.Equal("evt-test", o.EventId);
        Assert.Null(o.OccurredAt);
        Assert.Equal("webhook", o.Dialect);
        Assert.Single(o.Items);
    }

    [Fact]
    public void Parse_BareCallbackWithCapitalToken_IsAccepted()
    {
        var json = Fixture.Mutate("bare_callback.json", r =>
        {
            r.Remove("token");
            r["Token"] = "shared-token";
        });
        Assert.Equal("312", Parse.Order(json).OrderId);
    }

    [Fact]
    public void Parse_BareCallbackWithoutEventName_InfersOrderFromShape()
    {
        var json = Fixture.Mutate("bare_callback.json", r => r.Remove("event"));
        Assert.Equal("312", Parse.Order(json).OrderId);
    }

    [Fact]
    public void Parse_PosEmptyCustomer_GivesNullCustomer()
    {
        Assert.Null(Parse.Order(Fixture.Text("bare_callback.json")).Customer);
    }

    [Fact]
    public void Parse_CustomerObjectAbsent_GivesNullCustomer()
    {
        var json = Fixture.Mutate("bare_callback.json", r => r["properties"]!.AsObject().Remove("Customer"));
        Assert.Null(Parse.Order(json).Customer);
    }

    [Fact]
    public void Parse_CustomerNull_GivesNullCustomer()
    {
        var json = Fixture.Mutate("bare_callback.json", r => r["properties"]!["Customer"] = null);
        Assert.Null(Parse.Order(json).Customer);
    }

    // ------------------------------------------------------------ type drift

    [Theory]
    [InlineData("110", "110")]
    [InlineData("\" 110 \"", "110")]
    [InlineData("110.0", "110")]
    [InlineData("\"A-110\"", "A-110")]
    public void Parse_OrderIdIntOrString_NormalisedText(string rawJson, string expected)
    {
        var json = Fixture.Mutate("bare_callback.json", r => Fixture.Order(r)["orderID"] = JsonNode.Parse(rawJson));
        Assert.Equal(expected, Parse.Order(json).OrderId);
    }

    [Fact]
    public void Parse_AggregateIdNumberAndOrderIdString_Match()
    {
        var json = Fixture.Mutate("webhook_envelope.json", r =>
        {
            r["aggregate_id"] = 110;
            Fixture.Order(r)["orderID"] = "110";
        });
        Assert.Equal("110", Parse.Order(json).OrderId);
    }

    [Theory]
    [InlineData("\"-0.20\"", -0.20)]
    [InlineData("-0.2", -0.2)]
    [InlineData("\"\"", 0)]
    [InlineData("null", 0)]
    [InlineData("\"  0.30 \"", 0.30)]
    [InlineData("0", 0)]
    [InlineData("\"1e-1\"", 0.1)]
    public void Parse_RoundOffVariants_ParsedAsDecimal(string rawJson, double expected)
    {
        var json = Fixture.Mutate("bare_callback.json", r => Fixture.Order(r)["round_off"] = JsonNode.Parse(rawJson));
        Assert.Equal((decimal)expected, Parse.Order(json).RoundOff);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("\"1\"", 1)]
    [InlineData("1.0", 1)]
    [InlineData("\"2.5\"", 2.5)]
    [InlineData("\"\"", 0)]
    [InlineData("null", 0)]
    public void Parse_ItemQuantityVariants_ParsedAsDecimal(string rawJson, double expected)
    {
        var json = Fixture.Mutate("bare_callback.json", r => Fixture.Item(r, 0)["quantity"] = JsonNode.Parse(rawJson));
        Assert.Equal((decimal)expected, Parse.Order(json).Items[0].Quantity);
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("\"0\"", 0)]
    [InlineData("12", 12)]
    [InlineData("\"12.00\"", 12)]
    public void Parse_AddonPriceStringOrInt_Parsed(string rawJson, double expected)
    {
        var json = Fixture.Mutate("webhook_envelope.json", r => Fixture.Item(r, 0)["addon"]![0]!["price"] = JsonNode.Parse(rawJson));
        Assert.Equal((decimal)expected, Parse.Order(json).Items[0].Addons[0].Price);
    }

    [Theory]
    [InlineData("\"3\"", 3)]
    [InlineData("3.0", 3)]
    [InlineData("\"\"", null)]
    [InlineData("null", null)]
    public void Parse_NoOfPersonsVariants_Parsed(string rawJson, int? expected)
    {
        var json = Fixture.Mutate("bare_callback.json", r => Fixture.Order(r)["no_of_persons"] = JsonNode.Parse(rawJson));
        Assert.Equal(expected, Parse.Order(json).NoOfPersons);
    }

    [Fact]
    public void Parse_ServiceChargeIntAndMoneyAsStrings_Parsed()
    {
        var json = Fixture.Mutate("bare_callback.json", r =>
        {
            var o = Fixture.Order(r);
            o["service_charge"] = 20;
            o["total"] = "230.00";
            o["core_total"] = "200";
            o["delivery_charges"] = "";
        });
        var order = Parse.Order(json);
        Assert.Equal(20m, order.ServiceCharge);
        Assert.Equal(230m, order.Total);
        Assert.Equal(0m, order.DeliveryCharges);
    }

    [Fact]
    public void Parse_MissingOptionalFields_Defaults()
    {
        const string json = """
            {"event":"orderdetails","properties":{"Restaurant":{"restID":"r1"},"Order":{"orderID":5}}}
            """;
        var o = Parse.Order(json);
        Assert.Equal("r1", o.RestaurantRef);
        Assert.Equal("5", o.OrderId);
        Assert.Null(o.CreatedOnRaw);
        Assert.Null(o.Customer);
        Assert.Empty(o.Items);
        Assert.Empty(o.Taxes);
        Assert.Empty(o.Discounts);
        Assert.Equal(0m, o.Total);
        Assert.Null(o.NoOfPersons);
        Assert.Null(o.RestaurantName);
    }

    [Fact]
    public void Parse_NullsEverywhere_Defaults()
    {
        var json = Fixture.Mutate("webhook_envelope.json", r =>
        {
            var o = Fixture.Order(r);
            foreach (var key in o.Select(p => p.Key).Where(k => k != "orderID").ToList()) o[key] = null;
            var props = Fixture.Properties(r);
            props["Tax"] = null;
            props["Discount"] = null;
            Fixture.Item(r, 0)["addon"] = null;
            Fixture.Item(r, 0)["tax"] = null;
        });
        var order = Parse.Order(json);
        Assert.Equal(0m, order.Total);
        Assert.Empty(order.Taxes);
        Assert.Empty(order.Items[0].Addons);
        Assert.Null(order.OrderType);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("\"\"")]
    [InlineData("[]")]
    [InlineData("null")]
    public void Parse_EmptyItemsShapes_GivesNoItemsNotQuarantine(string rawJson)
    {
        var json = Fixture.Mutate("bare_callback.json", r => r["properties"]!["OrderItem"] = JsonNode.Parse(rawJson));
        Assert.Empty(Parse.Order(json).Items);
    }

    [Fact]
    public void Parse_NumberAsFreeText_KeptAsText()
    {
        var json = Fixture.Mutate("bare_callback.json", r =>
        {
            Fixture.Order(r)["table_no"] = 7;
            Fixture.Order(r)["token_no"] = 12.5;
        });
        var o = Parse.Order(json);
        Assert.Equal("7", o.TableNo);
        Assert.Equal("12.5", o.TokenNo);
    }

    [Fact]
    public void Parse_HtmlEntityInItemName_KeptRaw()
    {
        var json = Fixture.Mutate("bare_callback.json", r => Fixture.Item(r, 0)["name"] = "Fig &amp; Orange");
        Assert.Equal("Fig &amp; Orange", Parse.Order(json).Items[0].NameRaw);
    }

    [Fact]
    public void Parse_UnknownExtraFields_Ignored()
    {
        var json = Fixture.Mutate("webhook_envelope.json", r =>
        {
            Fixture.Order(r)["brand_new_field"] = new JsonObject { ["x"] = 1 };
            Fixture.Properties(r)["Extra"] = new JsonArray(1, 2, 3);
        });
        Assert.Equal("webhook", Parse.Order(json).Dialect);
    }

    [Fact]
    public void Parse_IgnoredEventType_GivesIgnoredOutcome()
    {
        var json = Fixture.Mutate("bare_callback.json", r => r["event"] = "menu_push");
        var r = Parse.Payload(json);
        Assert.True(r.IsIgnored);
        Assert.Equal(EventOutcomes.Ignored, r.Outcome);
        Assert.Contains("menu_push", r.Reason);
    }

    [Fact]
    public void Parse_Result_ConvertsToCleanedEvent()
    {
        var raw = Fixture.RawFile("webhook_envelope.json");
        var result = new OrderEventParser().Parse(raw);
        var cleaned = result.ToCleanedEvent(raw);
        Assert.Same(raw, cleaned.Raw);
        Assert.Equal(EventOutcomes.Order, cleaned.Outcome);
        Assert.Same(result.Order, cleaned.Order);
    }

    [Fact]
    public void Parse_SameInputTwice_EqualResults()
    {
        var a = Parse.Order(Fixture.Text("pull_envelope.json"));
        var b = Parse.Order(Fixture.Text("pull_envelope.json"));
        Assert.Equal(Summary(a), Summary(b));
    }

    [Fact]
    public void Parse_WebhookPartPaymentsOnOrder_Read()
    {
        var json = Fixture.Mutate("bare_callback.json", r =>
        {
            Fixture.Order(r)["payment_type"] = "Part Payment";
            Fixture.Order(r)["part_payments"] = new JsonArray(
                new JsonObject { ["type"] = "Cash", ["amount"] = 100 },
                new JsonObject { ["payment_type"] = "Online", ["amount"] = "110" });
        });
        var o = Parse.Order(json);
        Assert.Equal([new PartPaymentData("Cash", 100m), new PartPaymentData("Online", 110m)], o.PartPayments);
        Assert.Equal("webhook", o.Dialect);
    }

    [Theory]
    [InlineData("\"0\"")]
    [InlineData("\"1\"")]
    [InlineData("1")]
    [InlineData("null")]
    public void Parse_PullPartPaymentFlag_NotTakenAsRows(string flagJson)
    {
        var json = Fixture.Mutate("pull_envelope.json", r =>
        {
            Fixture.Order(r)["part_payment"] = JsonNode.Parse(flagJson);
            Fixture.Order(r).Remove("part_payments");
        });
        var o = Parse.Order(json);
        Assert.Empty(o.PartPayments);
        Assert.Equal("pull", o.Dialect);
    }

    [Fact]
    public void Parse_PullPartPaymentArray_TakenAsRows()
    {
        var json = Fixture.Mutate("pull_envelope.json", r =>
        {
            Fixture.Order(r)["part_payment"] = Fixture.Order(r)["part_payments"]!.DeepClone();
            Fixture.Order(r).Remove("part_payments");
        });
        Assert.Equal(2, Parse.Order(json).PartPayments.Count);
    }

    [Fact]
    public void Parse_PartPaymentsOnProperties_Read()
    {
        var json = Fixture.Mutate("bare_callback.json", r =>
            Fixture.Properties(r)["part_payments"] = new JsonArray(new JsonObject { ["payment_type"] = "Card", ["amount"] = 210 }));
        Assert.Equal([new PartPaymentData("Card", 210m)], Parse.Order(json).PartPayments);
    }

    [Fact]
    public void Parse_EscapedPropertyName_Matched()
    {
        var json = Fixture.Text("bare_callback.json").Replace("\"orderID\"", "\"order\\u0049D\"");
        Assert.Equal("312", Parse.Order(json).OrderId);
    }

    private static string Summary(OrderData o) => JsonSerializer.Serialize(o);
}
