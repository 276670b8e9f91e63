using System.Text.Json.Nodes;
using OrderAnalytics.Contracts;

namespace OrderAnalytics.Orders.Tests;

public partial class OrderEventParserTests
{
    [Fact]
    public void Parse_StatusEnvelope_GivesStatusUpdate()
    {
        var r = Parse.Payload(Fixture.Text("status_envelope.json"));

        Assert.True(r.IsStatus, r.Reason);
        Assert.Equal(EventOutcomes.Status, r.Outcome);
        Assert.Null(r.Order);
        var s = r.Status!;
        Assert.Equal("1c8w7fp500", s.RestaurantRef);
        Assert.Equal("110", s.OrderId);
        Assert.Equal(-1, s.Code);
        Assert.Equal("cancelled", s.Status);
        Assert.Equal("Customer asked to cancel", s.CancelReason);
        // 21:05:00 IST = 15:35:00 UTC
        Assert.Equal(new DateTimeOffset(2025, 6, 8, 15, 35, 0, TimeSpan.Zero), s.At);
        Assert.Equal(TimeSpan.Zero, s.At.Offset);
    }

    [Fact]
    public void Parse_StatusBareCallback_GivesStatusUpdate()
    {
        var s = Parse.Payload(Fixture.Text("status_callback.json")).Status!;
        Assert.Equal("110", s.OrderId);
        Assert.Equal(10, s.Code);
        Assert.Equal("delivered", s.Status);
        Assert.Null(s.CancelReason);
        Assert.Equal(new DateTimeOffset(2025, 6, 8, 16, 10, 30, TimeSpan.Zero), s.At);
    }

    [Theory]
    [InlineData("-1", -1, "cancelled")]
    [InlineData("1", 1, "accepted")]
    [InlineData("2", 2, "accepted")]
    [InlineData("3", 3, "accepted")]
    [InlineData("5", 5, "food_ready")]
    [InlineData("4", 4, "dispatched")]
    [InlineData("10", 10, "delivered")]
    [InlineData("Delivered", 10, "delivered")]
    [InlineData("food ready", 5, "food_ready")]
    public void Parse_StatusCodes_MappedToNames(string code, int expectedCode, string expectedName)
    {
        var json = Fixture.Mutate("status_callback.json", r => r["properties"]!["status"] = code);
        var s = Parse.Payload(json).Status!;
        Assert.Equal(expectedCode, s.Code);
        Assert.Equal(expectedName, s.Status);
    }

    [Theory]
    [InlineData("7")]
    [InlineData("0")]
    [InlineData("2.5")]
    [InlineData("lost")]
    public void Parse_StatusUnknownCode_Quarantined(string code)
    {
        var json = Fixture.Mutate("status_callback.json", r => r["properties"]!["status"] = code);
        Assert.Equal($"properties.status: unknown status code '{code}'", Parse.Quarantined(json));
    }

    [Fact]
    public void Parse_StatusMissing_Quarantined()
    {
        var json = Fixture.Mutate("status_callback.json", r => r["properties"]!.AsObject().Remove("status"));
        Assert.Equal("properties.status: missing", Parse.Quarantined(json));
    }

    [Fact]
    public void Parse_StatusWithoutRestId_Quarantined()
    {
        var json = Fixture.Mutate("status_callback.json", r => r["properties"]!.AsObject().Remove("restID"));
        Assert.Equal("properties.restID: missing", Parse.Quarantined(json));
    }

    [Fact]
    public void Parse_StatusRestaurantObject_ReadsRestId()
    {
        var json = Fixture.Mutate("status_callback.json", r =>
        {
            r["properties"]!.AsObject().Remove("restID");
            r["properties"]!["Restaurant"] = new JsonObject { ["restID"] = "abc" };
        });
        Assert.Equal("abc", Parse.Payload(json).Status!.RestaurantRef);
    }

    [Fact]
    public void Parse_StatusWithoutOrderId_Quarantined()
    {
        var json = Fixture.Mutate("status_callback.json", r => r["properties"]!.AsObject().Remove("orderID"));
        Assert.Equal("properties.orderID: missing", Parse.Quarantined(json));
    }

    [Fact]
    public void Parse_StatusAggregateMismatch_Quarantined()
    {
        var json = Fixture.Mutate("status_envelope.json", r => r["aggregate_id"] = "999");
        Assert.Equal("aggregate_id: '999' does not match properties.orderID '110'", Parse.Quarantined(json));
    }

    [Fact]
    public void Parse_StatusWithoutTimestamp_FallsBackToOccurredAt()
    {
        var json = Fixture.Mutate("status_envelope.json", r => r["raw_event"]!["raw_payload"]!["properties"]!.AsObject().Remove("timestamp"));
        Assert.Equal(new DateTimeOffset(2025, 6, 8, 15, 40, 0, TimeSpan.Zero), Parse.Payload(json).Status!.At);
    }

    [Fact]
    public void Parse_StatusBadTimestamp_FallsBackToOccurredAt()
    {
        var json = Fixture.Mutate("status_envelope.json", r => r["raw_event"]!["raw_payload"]!["properties"]!["timestamp"] = "yesterday");
        Assert.Equal(new DateTimeOffset(2025, 6, 8, 15, 40, 0, TimeSpan.Zero), Parse.Payload(json).Status!.At);
    }

    [Fact]
    public void Parse_StatusWithoutAnyTime_Quarantined()
    {
        var json = Fixture.Mutate("status_callback.json", r => r["properties"]!.AsObject().Remove("timestamp"));
        Assert.Equal("properties.timestamp: missing, and no occurred_at to fall back on", Parse.Quarantined(json));
    }

    [Fact]
    public void Parse_StatusBadTimestampNoFallback_Quarantined()
    {
        var json = Fixture.Mutate("status_callback.json", r => r["properties"]!["timestamp"] = "32/13/2025");
        Assert.Equal("properties.timestamp: not a timestamp ('32/13/2025'), and no occurred_at to fall back on", Parse.Quarantined(json));
    }

    [Fact]
    public void Parse_StatusCancelReasonCamelCase_Read()
    {
        var json = Fixture.Mutate("status_callback.json", r =>
        {
            r["properties"]!["status"] = -1;
            r["properties"]!["cancelReason"] = "Out of stock";
        });
        Assert.Equal("Out of stock", Parse.Payload(json).Status!.CancelReason);
    }

    [Fact]
    public void Parse_StatusEventTypeOnlyOnEnvelope_Classified()
    {
        var json = Fixture.Mutate("status_envelope.json", r => r["raw_event"]!["raw_payload"]!.AsObject().Remove("event"));
        Assert.True(Parse.Payload(json).IsStatus);
    }
}
