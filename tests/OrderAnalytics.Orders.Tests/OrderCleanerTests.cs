using System.Text.Json.Nodes;
using OrderAnalytics.Contracts;

namespace OrderAnalytics.Orders.Tests;

public class OrderCleanerTests
{
    private readonly OrderCleaner _cleaner = new(new FixedTime());

    private OrderData Clean(string payload) => _cleaner.Clean(Parse.Order(payload));

    private OrderData CleanFixture(string name, Action<JsonObject>? change = null) =>
        Clean(change is null ? Fixture.Text(name) : Fixture.Mutate(name, change));

    private static string[] Codes(OrderData o) => o.Flags.Select(f => f.Code).ToArray();

    // ------------------------------------------------------------ whole orders

    [Fact]
    public void Clean_WebhookFixture_EnrichedWithoutFlags()
    {
        var o = CleanFixture("webhook_envelope.json");

        Assert.Equal(new DateTimeOffset(2025, 6, 8, 15, 25, 58, TimeSpan.Zero), o.CreatedAtUtc);
        Assert.Equal(new DateOnly(2025, 6, 8), o.BusinessDate);
        Assert.Equal("Sector 66", o.Customer!.Locality);
        Assert.Null(o.Customer.PhoneE164);
        Assert.Equal("name:asha testwala|sector 66", o.Customer.CustomerKey);
        Assert.Empty(o.Flags);
    }

    [Fact]
    public void Clean_PullFixture_PhoneKey()
    {
        var o = CleanFixture("pull_envelope.json");
        Assert.Equal("+919876543210", o.Customer!.PhoneE164);
        Assert.Equal("phone:+919876543210", o.Customer.CustomerKey);
        Assert.Null(o.Customer.Locality);
        Assert.Empty(o.Flags);
    }

    [Fact]
    public void Clean_PosEmptyCustomer_NoCustomer()
    {
        var o = CleanFixture("bare_callback.json");
        Assert.Null(o.Customer);
        Assert.Empty(o.Flags);
    }

    [Fact]
    public void Clean_Twice_SameResult()
    {
        var once = CleanFixture("webhook_envelope.json", r => Fixture.Order(r)["total"] = 5000);
        var twice = _cleaner.Clean(once);
        Assert.Equal(once.Flags, twice.Flags);
        Assert.Equal(once.Customer, twice.Customer);
        Assert.Equal(once.BusinessDate, twice.BusinessDate);
    }

    [Fact]
    public void Clean_KeepsParserFlags()
    {
        var o = CleanFixture("bare_callback.json", r => Fixture.Order(r)["comment"] = new string('c', 600));
        Assert.Equal([QualityFlagCodes.TextTruncated], Codes(o));
    }

    [Fact]
    public void Clean_DoesNotMutateInput()
    {
        var parsed = Parse.Order(Fixture.Text("webhook_envelope.json"));
        _cleaner.Clean(parsed);
        Assert.Null(parsed.CreatedAtUtc);
        Assert.Null(parsed.Customer!.Locality);
    }

    // ------------------------------------------------------------ time

    [Theory]
    [InlineData("2025-06-09 04:59:59", 2025, 6, 8)]
    [InlineData("2025-06-09 05:00:00", 2025, 6, 9)]
    [InlineData("2025-06-09 02:30:00", 2025, 6, 8)]
    public void Clean_BusinessDateBoundary_FiveAmIst(string createdOn, int y, int m, int d)
    {
        var o = CleanFixture("bare_callback.json", r => Fixture.Order(r)["created_on"] = createdOn);
        Assert.Equal(new DateOnly(y, m, d), o.BusinessDate);
        Assert.Empty(o.Flags);
    }

    [Fact]
    public void Clean_LateNightFixture_PreviousBusinessDate()
    {
        var o = CleanFixture("bare_callback.json");
        Assert.Equal(new DateTimeOffset(2025, 8, 14, 21, 0, 0, TimeSpan.Zero), o.CreatedAtUtc);
        Assert.Equal(new DateOnly(2025, 8, 14), o.BusinessDate);
    }

    [Fact]
    public void Clean_CreatedOnWithTAndFraction_Accepted()
    {
        var o = CleanFixture("bare_callback.json", r => Fixture.Order(r)["created_on"] = "2025-08-15T12:00:00.500");
        Assert.Equal(new DateTimeOffset(2025, 8, 15, 6, 30, 0, 500, TimeSpan.Zero), o.CreatedAtUtc);
        Assert.Empty(o.Flags);
    }

    [Fact]
    public void Clean_CreatedOnUnparseable_FlagsAndFallsBackToOccurredAt()
    {
        var o = CleanFixture("webhook_envelope.json", r => Fixture.Order(r)["created_on"] = "08/06/2025 8:55 PM");
        var flag = Assert.Single(o.Flags);
        Assert.Equal(QualityFlagCodes.InvalidTimestamp, flag.Code);
        Assert.Equal("created_on '08/06/2025 8:55 PM' is not a timestamp; business time taken from occurred_at", flag.Detail);
        Assert.Equal(new DateTimeOffset(2025, 6, 8, 15, 26, 1, 27, TimeSpan.Zero).AddTicks(9400), o.CreatedAtUtc);
        Assert.Equal(new DateOnly(2025, 6, 8), o.BusinessDate);
        Assert.Equal("08/06/2025 8:55 PM", o.CreatedOnRaw);
    }

    [Fact]
    public void Clean_CreatedOnMissing_Flags()
    {
        var o = CleanFixture("webhook_envelope.json", r => Fixture.Order(r).Remove("created_on"));
        Assert.Equal("created_on missing; business time taken from occurred_at", Assert.Single(o.Flags).Detail);
    }

    [Fact]
    public void Clean_CreatedOnMissingNoOccurredAt_NoBusinessDate()
    {
        var o = CleanFixture("bare_callback.json", r => Fixture.Order(r).Remove("created_on"));
        Assert.Null(o.CreatedAtUtc);
        Assert.Null(o.BusinessDate);
        Assert.Equal("created_on missing; no occurred_at either, business date unknown", Assert.Single(o.Flags).Detail);
    }

    [Fact]
    public void Clean_CreatedOnInFuture_Flagged()
    {
        // now is 2025-09-01 06:00 UTC = 11:30 IST
        var o = CleanFixture("bare_callback.json", r => Fixture.Order(r)["created_on"] = "2025-09-01 12:00:00");
        var flag = Assert.Single(o.Flags);
        Assert.Equal(QualityFlagCodes.InvalidTimestamp, flag.Code);
        Assert.StartsWith("created_on '2025-09-01 12:00:00' is in the future", flag.Detail);
    }

    [Fact]
    public void Clean_CreatedOnSlightlyAhead_WithinTolerance()
    {
        var o = CleanFixture("bare_callback.json", r => Fixture.Order(r)["created_on"] = "2025-09-01 11:40:00");
        Assert.Empty(o.Flags);
    }

    [Fact]
    public void Clean_CreatedOnBefore2015_Flagged()
    {
        var o = CleanFixture("bare_callback.json", r => Fixture.Order(r)["created_on"] = "2014-12-31 23:00:00");
        Assert.StartsWith("created_on '2014-12-31 23:00:00' is before 2015-01-01", Assert.Single(o.Flags).Detail);
    }

    [Fact]
    public void Clean_UsesInjectedClock()
    {
        var early = new OrderCleaner(new FixedTime(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        var o = early.Clean(Parse.Order(Fixture.Text("bare_callback.json")));
        Assert.Contains(QualityFlagCodes.InvalidTimestamp, Codes(o));
    }

    // ------------------------------------------------------------ customers and phones

    [Theory]
    [InlineData("+91 98765 43210")]
    [InlineData("098765 43210")]
    [InlineData("9876543210")]
    [InlineData("91-9876543210")]
    public void Clean_PhoneFormats_E164AndPhoneKey(string phone)
    {
        var o = CleanFixture("webhook_envelope.json", r => Fixture.Properties(r)["Customer"]!["phone"] = phone);
        Assert.Equal("+919876543210", o.Customer!.PhoneE164);
        Assert.Equal("phone:+919876543210", o.Customer.CustomerKey);
        Assert.Equal(phone, o.Customer.PhoneRaw);
        Assert.Empty(o.Flags);
    }

    [Fact]
    public void Clean_InvalidPhone_FlaggedMaskedAndFallsBackToNameKey()
    {
        var o = CleanFixture("webhook_envelope.json", r => Fixture.Properties(r)["Customer"]!["phone"] = "12345");
        var flag = Assert.Single(o.Flags);
        Assert.Equal(QualityFlagCodes.InvalidPhone, flag.Code);
        Assert.Equal("phone '***45' is not a valid number", flag.Detail);
        Assert.Null(o.Customer!.PhoneE164);
        Assert.Equal("name:asha testwala|sector 66", o.Customer.CustomerKey);
    }

    [Fact]
    public void Clean_PosCustomerWithNameOnly_CustomerWithoutKey()
    {
        var o = CleanFixture("bare_callback.json", r => Fixture.Properties(r)["Customer"]!["name"] = "Asha Testwala");
        Assert.Equal("Asha Testwala", o.Customer!.Name);
        Assert.Null(o.Customer.CustomerKey);
    }

    [Fact]
    public void Clean_PosCustomerWithPhone_PhoneKey()
    {
        var o = CleanFixture("bare_callback.json", r => Fixture.Properties(r)["Customer"]!["phone"] = "9876543210");
        Assert.Equal("phone:+919876543210", o.Customer!.CustomerKey);
    }

    [Fact]
    public void Clean_AggregatorSingleFirstName_NoKey()
    {
        var o = CleanFixture("webhook_envelope.json", r => Fixture.Properties(r)["Customer"]!["name"] = "Asha");
        Assert.Equal("Sector 66", o.Customer!.Locality);
        Assert.Null(o.Customer.CustomerKey);
    }

    [Fact]
    public void Clean_AggregatorAddressWithoutLocality_NoKey()
    {
        var o = CleanFixture("webhook_envelope.json", r => Fixture.Properties(r)["Customer"]!["address"] = "Gurgaon Delhi NCR India");
        Assert.Null(o.Customer!.Locality);
        Assert.Null(o.Customer.CustomerKey);
    }

    [Fact]
    public void Clean_SameCustomerAcrossOrders_SameKey()
    {
        var a = CleanFixture("webhook_envelope.json");
        var b = CleanFixture("webhook_envelope.json", r =>
        {
            Fixture.Order(r)["orderID"] = 777;
            r["aggregate_id"] = "777";
            Fixture.Properties(r)["Customer"]!["name"] = "  ASHA  testwala ";
            Fixture.Properties(r)["Customer"]!["address"] = "Tower 9, sector-66, Gurugram";
        });
        Assert.Equal(a.Customer!.CustomerKey, b.Customer!.CustomerKey);
    }

    // ------------------------------------------------------------ flags

    [Fact]
    public void Clean_NoItems_FlaggedNotDropped()
    {
        var o = CleanFixture("bare_callback.json", r =>
        {
            Fixture.Properties(r)["OrderItem"] = new JsonArray();
            Fixture.Order(r)["core_total"] = 0;
            Fixture.Order(r)["tax_total"] = 0;
            Fixture.Order(r)["total"] = 0;
        });
        Assert.Equal([QualityFlagCodes.NoItems], Codes(o));
        Assert.Equal("order has no item lines", o.Flags[0].Detail);
    }

    [Fact]
    public void Clean_MoneyIdentityBroken_FlaggedWithBothNumbers()
    {
        var o = CleanFixture("webhook_envelope.json", r => Fixture.Order(r)["total"] = 1700);
        var flag = Assert.Single(o.Flags);
        Assert.Equal(QualityFlagCodes.MoneyIdentity, flag.Code);
        Assert.Equal("total 1700.00 but core_total − discount_total + tax_total + packaging_charge + delivery_charges + " +
                     "service_charge + round_off = 1661.00 (difference 39.00)", flag.Detail);
    }

    [Theory]
    [InlineData(1661.99)]
    [InlineData(1660.01)]
    [InlineData(1662.0)]
    public void Clean_MoneyWithinOneRupee_NotFlagged(double total)
    {
        var o = CleanFixture("webhook_envelope.json", r => Fixture.Order(r)["total"] = total);
        Assert.Empty(o.Flags);
    }

    [Fact]
    public void Clean_MoneyJustOverOneRupee_Flagged()
    {
        var o = CleanFixture("webhook_envelope.json", r => Fixture.Order(r)["total"] = 1662.01);
        Assert.Equal([QualityFlagCodes.MoneyIdentity], Codes(o));
    }

    [Fact]
    public void Clean_MoneyIdentityUsesAllComponents()
    {
        var o = CleanFixture("bare_callback.json", r =>
        {
            var order = Fixture.Order(r);
            order["delivery_charges"] = "30";
            order["service_charge"] = 10;
            order["packaging_charge"] = 15;
            order["discount_total"] = "20";
            order["round_off"] = "0.5";
            order["total"] = 245.5; // 200 - 20 + 10 + 15 + 30 + 10 + 0.5
        });
        Assert.Empty(o.Flags);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-50)]
    public void Clean_NonPositiveItemPrice_Flagged(double price)
    {
        var o = CleanFixture("webhook_envelope.json", r => Fixture.Item(r, 1)["price"] = price);
        var flag = Assert.Single(o.Flags);
        Assert.Equal(QualityFlagCodes.NonPositivePrice, flag.Code);
        Assert.StartsWith("line 2 'Classic Tiramisu' price ", flag.Detail);
    }

    [Fact]
    public void Clean_FreeAddon_NotFlagged()
    {
        var o = CleanFixture("webhook_envelope.json");
        Assert.Equal(0m, o.Items[0].Addons[0].Price);
        Assert.DoesNotContain(QualityFlagCodes.NonPositivePrice, Codes(o));
    }

    [Fact]
    public void Clean_ZeroPriceOnComplimentaryOrder_NotFlagged()
    {
        var o = CleanFixture("bare_callback.json", r =>
        {
            Fixture.Order(r)["status"] = "Complimentary";
            Fixture.Item(r, 0)["price"] = 0;
        });
        Assert.DoesNotContain(QualityFlagCodes.NonPositivePrice, Codes(o));
    }

    [Fact]
    public void Clean_ManyBadLines_OneFlagWithSummary()
    {
        var o = CleanFixture("bare_callback.json", r =>
        {
            var items = Fixture.Properties(r)["OrderItem"]!.AsArray();
            items[0]!["price"] = 0;
            for (var i = 0; i < 7; i++) items.Add(items[0]!.DeepClone());
        });
        var flag = Assert.Single(o.Flags, f => f.Code == QualityFlagCodes.NonPositivePrice);
        Assert.EndsWith("(+3 more lines)", flag.Detail);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(51)]
    [InlineData(500)]
    public void Clean_UnrealisticQuantity_Flagged(double quantity)
    {
        var o = CleanFixture("bare_callback.json", r => Fixture.Item(r, 0)["quantity"] = quantity);
        Assert.Contains(QualityFlagCodes.UnrealisticQuantity, Codes(o));
        Assert.StartsWith("line 1 'Classic Chocolate Lamington (2pcs)' quantity ", o.Flags.Single(f => f.Code == QualityFlagCodes.UnrealisticQuantity).Detail);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(50)]
    [InlineData(0.5)]
    public void Clean_RealisticQuantity_NotFlagged(double quantity)
    {
        var o = CleanFixture("bare_callback.json", r => Fixture.Item(r, 0)["quantity"] = quantity);
        Assert.DoesNotContain(QualityFlagCodes.UnrealisticQuantity, Codes(o));
    }

    [Fact]
    public void Clean_KnownTestOrder_Flagged()
    {
        var o = CleanFixture("test_order.json");
        Assert.Equal([QualityFlagCodes.TestOrder], Codes(o));
        Assert.Equal("orderID 99999 is a known test order", o.Flags[0].Detail);
        Assert.Equal(new DateOnly(2025, 1, 1), o.BusinessDate);
        Assert.Null(o.Customer);
    }

    [Fact]
    public void Clean_TestItemInOtherOrder_Flagged()
    {
        var o = CleanFixture("bare_callback.json", r => Fixture.Item(r, 0)["name"] = " test item ");
        var flag = Assert.Single(o.Flags);
        Assert.Equal(QualityFlagCodes.TestOrder, flag.Code);
        Assert.Equal("line 1 is 'test item'", flag.Detail);
    }

    [Fact]
    public void Clean_SeveralProblems_AllFlagged()
    {
        var o = CleanFixture("webhook_envelope.json", r =>
        {
            Fixture.Order(r)["created_on"] = "";
            Fixture.Order(r)["total"] = 1;
            Fixture.Properties(r)["Customer"]!["phone"] = "000";
            Fixture.Item(r, 0)["quantity"] = 0;
            Fixture.Item(r, 1)["price"] = 0;
            Fixture.Item(r, 1)["specialnotes"] = new string('z', 501);
        });
        Assert.Equal(
            new[]
            {
                QualityFlagCodes.TextTruncated, QualityFlagCodes.InvalidTimestamp, QualityFlagCodes.InvalidPhone,
                QualityFlagCodes.NonPositivePrice, QualityFlagCodes.UnrealisticQuantity, QualityFlagCodes.MoneyIdentity,
            },
            Codes(o));
    }
}
