using System.Text.Json.Nodes;

namespace OrderAnalytics.Orders.Tests;

public partial class OrderEventParserTests
{
    [Fact]
    public void Parse_OrderIdMissing_QuarantinedNamingField()
    {
        var json = Fixture.Mutate("webhook_envelope.json", r => Fixture.Order(r).Remove("orderID"));
        Assert.Equal("properties.Order.orderID: missing", Parse.Quarantined(json));
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("null")]
    [InlineData("\"   \"")]
    public void Parse_OrderIdEmpty_QuarantinedAsMissing(string rawJson)
    {
        var json = Fixture.Mutate("bare_callback.json", r => Fixture.Order(r)["orderID"] = JsonNode.Parse(rawJson));
        Assert.Equal("properties.Order.orderID: missing", Parse.Quarantined(json));
    }

    [Fact]
    public void Parse_OrderIdObject_QuarantinedWrongType()
    {
        var json = Fixture.Mutate("bare_callback.json", r => Fixture.Order(r)["orderID"] = new JsonObject());
        Assert.Equal("properties.Order.orderID: expected an id, got an object", Parse.Quarantined(json));
    }

    [Fact]
    public void Parse_OrderIdTooLong_Quarantined()
    {
        var json = Fixture.Mutate("bare_callback.json", r => Fixture.Order(r)["orderID"] = new string('9', 65));
        Assert.Equal("properties.Order.orderID: too long (65 chars > 64)", Parse.Quarantined(json));
    }

    [Fact]
    public void Parse_AggregateIdDisagrees_QuarantinedWithBothIds()
    {
        var json = Fixture.Mutate("webhook_envelope.json", r => r["aggregate_id"] = "111");
        Assert.Equal("aggregate_id: '111' does not match properties.Order.orderID '110'", Parse.Quarantined(json));
    }

    [Fact]
    public void Parse_RestIdMissing_Quarantined()
    {
        var json = Fixture.Mutate("webhook_envelope.json", r => Fixture.Properties(r)["Restaurant"]!.AsObject().Remove("restID"));
        Assert.Equal("properties.Restaurant.restID: missing", Parse.Quarantined(json));
    }

    [Fact]
    public void Parse_RestaurantMissing_Quarantined()
    {
        var json = Fixture.Mutate("webhook_envelope.json", r => Fixture.Properties(r).Remove("Restaurant"));
        Assert.Equal("properties.Restaurant.restID: missing", Parse.Quarantined(json));
    }

    [Fact]
    public void Parse_RestaurantNotObject_Quarantined()
    {
        var json = Fixture.Mutate("webhook_envelope.json", r => Fixture.Properties(r)["Restaurant"] = 5);
        Assert.Equal("properties.Restaurant: expected an object, got a number", Parse.Quarantined(json));
    }

    [Fact]
    public void Parse_OrderMissing_Quarantined()
    {
        var json = Fixture.Mutate("webhook_envelope.json", r => Fixture.Properties(r).Remove("Order"));
        Assert.Equal("properties.Order: missing", Parse.Quarantined(json));
    }

    [Fact]
    public void Parse_PropertiesMissing_Quarantined()
    {
        var json = Fixture.Mutate("webhook_envelope.json", r => r["raw_event"]!["raw_payload"]!.AsObject().Remove("properties"));
        Assert.Equal("properties: missing", Parse.Quarantined(json));
    }

    [Fact]
    public void Parse_RawEventStringNotJson_QuarantinedWithParserMessage()
    {
        var json = Fixture.Mutate("webhook_envelope.json", r => r["raw_event"] = "{\"source\": \"petpooja\", ");
        var reason = Parse.Quarantined(json);
        Assert.StartsWith("raw_event: not valid JSON (", reason);
        Assert.EndsWith(")", reason);
    }

    [Fact]
    public void Parse_RawEventStringHoldingArray_Quarantined()
    {
        var json = Fixture.Mutate("webhook_envelope.json", r => r["raw_event"] = "[1,2]");
        Assert.Equal("raw_event: expected a JSON object, got an array", Parse.Quarantined(json));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("\"\"")]
    public void Parse_RawEventNullOrEmpty_QuarantinedMissing(string rawJson)
    {
        var json = Fixture.Mutate("webhook_envelope.json", r => r["raw_event"] = JsonNode.Parse(rawJson));
        Assert.Equal("raw_event: missing", Parse.Quarantined(json));
    }

    [Fact]
    public void Parse_RawPayloadMissing_Quarantined()
    {
        var json = Fixture.Mutate("webhook_envelope.json", r => r["raw_event"]!.AsObject().Remove("raw_payload"));
        Assert.Equal("raw_event.raw_payload: missing", Parse.Quarantined(json));
    }

    [Fact]
    public void Parse_PayloadNotJson_Quarantined()
    {
        var reason = Parse.Quarantined("{\"stream_id\": 1, \"raw_event\": ");
        Assert.StartsWith("payload: not valid JSON (", reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_PayloadEmpty_Quarantined(string payload)
    {
        Assert.Equal("payload: empty", Parse.Quarantined(payload));
    }

    [Theory]
    [InlineData("[]", "payload: expected a JSON object, got an array")]
    [InlineData("42", "payload: expected a JSON object, got a number")]
    [InlineData("\"text\"", "payload: expected a JSON object, got a string")]
    [InlineData("{}", "payload: neither an event envelope (raw_event) nor a PetPooja callback (properties)")]
    public void Parse_PayloadWrongShape_Quarantined(string payload, string expected)
    {
        Assert.Equal(expected, Parse.Quarantined(payload));
    }

    [Fact]
    public void Parse_NullRawEvent_Quarantined()
    {
        Assert.Equal("raw: null event", new OrderEventParser().Parse(null!).Reason);
    }

    [Fact]
    public void Parse_ItemQuantityNotNumber_QuarantinedWithIndexAndValue()
    {
        var json = Fixture.Mutate("webhook_envelope.json", r =>
        {
            var items = Fixture.Properties(r)["OrderItem"]!.AsArray();
            items.Add(items[1]!.DeepClone());
            items[2]!["quantity"] = "abc";
        });
        Assert.Equal("properties.OrderItem[2].quantity: not a number ('abc')", Parse.Quarantined(json));
    }

    [Fact]
    public void Parse_ItemNameMissing_Quarantined()
    {
        var json = Fixture.Mutate("webhook_envelope.json", r => Fixture.Item(r, 1).Remove("name"));
        Assert.Equal("properties.OrderItem[1].name: missing", Parse.Quarantined(json));
    }

    [Fact]
    public void Parse_AddonNameMissing_Quarantined()
    {
        var json = Fixture.Mutate("webhook_envelope.json", r => Fixture.Item(r, 0)["addon"]![0]!.AsObject().Remove("name"));
        Assert.Equal("properties.OrderItem[0].addon[0].name: missing", Parse.Quarantined(json));
    }

    [Fact]
    public void Parse_AddonPriceNotNumber_Quarantined()
    {
        var json = Fixture.Mutate("webhook_envelope.json", r => Fixture.Item(r, 0)["addon"]![0]!["price"] = "free");
        Assert.Equal("properties.OrderItem[0].addon[0].price: not a number ('free')", Parse.Quarantined(json));
    }

    [Fact]
    public void Parse_ItemNotObject_Quarantined()
    {
        var json = Fixture.Mutate("bare_callback.json", r => Fixture.Properties(r)["OrderItem"]!.AsArray().Add("oops"));
        Assert.Equal("properties.OrderItem[1]: expected an object, got a string", Parse.Quarantined(json));
    }

    [Fact]
    public void Parse_ItemsNotArray_Quarantined()
    {
        var json = Fixture.Mutate("bare_callback.json", r => Fixture.Properties(r)["OrderItem"] = 3);
        Assert.Equal("properties.OrderItem: expected an array, got a number", Parse.Quarantined(json));
    }

    [Fact]
    public void Parse_TaxAmountNotNumber_Quarantined()
    {
        var json = Fixture.Mutate("bare_callback.json", r => Fixture.Properties(r)["Tax"]![1]!["amount"] = "five");
        Assert.Equal("properties.Tax[1].amount: not a number ('five')", Parse.Quarantined(json));
    }

    [Fact]
    public void Parse_TotalBoolean_Quarantined()
    {
        var json = Fixture.Mutate("bare_callback.json", r => Fixture.Order(r)["total"] = true);
        Assert.Equal("properties.Order.total: expected a number, got true", Parse.Quarantined(json));
    }

    [Theory]
    [InlineData("\"NaN\"", "properties.Order.total: not a finite number ('NaN')")]
    [InlineData("\"Infinity\"", "properties.Order.total: not a finite number ('Infinity')")]
    [InlineData("\"1e30\"", "properties.Order.total: out of range ('1e30')")]
    [InlineData("1e30", "properties.Order.total: out of range (1e30)")]
    [InlineData("1e400", "properties.Order.total: out of range (1e400)")]
    [InlineData("99999999", "properties.Order.total: out of range (99999999 exceeds 10000000)")]
    public void Parse_AbsurdTotal_Quarantined(string rawJson, string expected)
    {
        var json = Fixture.Mutate("bare_callback.json", r => Fixture.Order(r)["total"] = JsonNode.Parse(rawJson));
        Assert.Equal(expected, Parse.Quarantined(json));
    }

    [Fact]
    public void Parse_AbsurdQuantity_Quarantined()
    {
        var json = Fixture.Mutate("bare_callback.json", r => Fixture.Item(r, 0)["quantity"] = 1e9);
        Assert.StartsWith("properties.OrderItem[0].quantity: out of range", Parse.Quarantined(json));
    }

    [Fact]
    public void Parse_NoOfPersonsFraction_Quarantined()
    {
        var json = Fixture.Mutate("bare_callback.json", r => Fixture.Order(r)["no_of_persons"] = 2.5);
        Assert.Equal("properties.Order.no_of_persons: not a whole number (2.5)", Parse.Quarantined(json));
    }

    [Fact]
    public void Parse_StreamIdNotNumber_Quarantined()
    {
        var json = Fixture.Mutate("webhook_envelope.json", r => r["stream_id"] = "abc");
        Assert.Equal("stream_id: not a number ('abc')", Parse.Quarantined(json));
    }

    [Fact]
    public void Parse_EventMissingAndShapeUnknown_Quarantined()
    {
        Assert.Equal("event: missing, and properties hold neither Order nor status",
            Parse.Quarantined("""{"properties":{"foo":1}}"""));
    }

    [Fact]
    public void Parse_TooManyItems_Quarantined()
    {
        var json = Fixture.Mutate("bare_callback.json", r =>
        {
            var items = Fixture.Properties(r)["OrderItem"]!.AsArray();
            var template = items[0]!;
            for (var i = 0; i < 1000; i++) items.Add(template.DeepClone());
        });
        Assert.Equal("properties.OrderItem: too many entries (1001 > 1000)", Parse.Quarantined(json));
    }

    [Fact]
    public void Parse_PayloadTooLarge_Quarantined()
    {
        var parser = new OrderEventParser(new OrderParserOptions { MaxPayloadChars = 100 });
        var r = parser.Parse(Fixture.RawFile("bare_callback.json"));
        Assert.True(r.IsQuarantined);
        Assert.StartsWith("payload: too large (", r.Reason);
    }

    [Fact]
    public void Parse_DuplicateProperty_Quarantined()
    {
        var reason = Parse.Quarantined("""{"event":"orderdetails","properties":{"Restaurant":{"restID":"r"},"Order":{"orderID":1,"orderID":2}}}""");
        Assert.StartsWith("payload: not valid JSON (", reason);
        Assert.Contains("orderID", reason);
    }

    [Fact]
    public void Parse_NoOfPersonsNegative_Quarantined()
    {
        var json = Fixture.Mutate("bare_callback.json", r => Fixture.Order(r)["no_of_persons"] = -1);
        Assert.Equal("properties.Order.no_of_persons: out of range (-1)", Parse.Quarantined(json));
    }

    [Fact]
    public void Parse_PartPaymentNotObject_Quarantined()
    {
        var json = Fixture.Mutate("pull_envelope.json", r => Fixture.Order(r)["part_payments"]!.AsArray().Add(5));
        Assert.Equal("properties.Order.part_payments[2]: expected an object, got a number", Parse.Quarantined(json));
    }

    [Fact]
    public void Parse_DiscountRowNotObject_Quarantined()
    {
        var json = Fixture.Mutate("webhook_envelope.json", r => Fixture.Properties(r)["Discount"]!.AsArray().Add("x"));
        Assert.Equal("properties.Discount[1]: expected an object, got a string", Parse.Quarantined(json));
    }

    [Fact]
    public void Parse_AddonListNotArray_Quarantined()
    {
        var json = Fixture.Mutate("webhook_envelope.json", r => Fixture.Item(r, 1)["addon"] = 1);
        Assert.Equal("properties.OrderItem[1].addon: expected an array, got a number", Parse.Quarantined(json));
    }

    [Fact]
    public void Parse_ItemPriceNaNString_Quarantined()
    {
        var json = Fixture.Mutate("webhook_envelope.json", r => Fixture.Item(r, 1)["price"] = "NaN");
        Assert.Equal("properties.OrderItem[1].price: not a finite number ('NaN')", Parse.Quarantined(json));
    }

    [Fact]
    public void Parse_PropertiesAsJsonString_Accepted()
    {
        var json = Fixture.Mutate("bare_callback.json", r => r["properties"] = r["properties"]!.ToJsonString());
        Assert.Equal("312", Parse.Order(json).OrderId);
    }
}
