using OrderAnalytics.Contracts;

namespace OrderAnalytics.Orders.Tests;

public class CustomerKeysTests
{
    [Fact]
    public void For_ValidPhone_UsesPhone()
    {
        Assert.Equal("phone:+919876543210", CustomerKeys.For("+919876543210", "Asha Testwala", "Sector 66", isAggregatorOrder: false));
    }

    [Fact]
    public void For_AggregatorNameAndLocality_UsesName()
    {
        Assert.Equal("name:asha testwala|sector 66", CustomerKeys.For(null, "Asha Testwala", "Sector 66", isAggregatorOrder: true));
    }

    [Theory]
    [InlineData("  Dr. Asha   TESTWALA ", "asha testwala")]
    [InlineData("asha testwala", "asha testwala")]
    [InlineData("Ásha Téstwala", "asha testwala")]
    [InlineData("Asha D'Souza", "asha dsouza")]
    [InlineData("Asha-Testwala", "asha testwala")]
    [InlineData("ASHA TESTWALA", "asha testwala")]
    [InlineData("Asha Te\u0301stwala", "asha testwala")]
    [InlineData("Çeçilia Øster", "cecilia oster")]
    public void For_NameSpellingVariants_SameKey(string name, string expectedName)
    {
        Assert.Equal($"name:{expectedName}|dlf phase 3", CustomerKeys.For(null, name, "DLF Phase 3", isAggregatorOrder: true));
    }

    [Theory]
    [InlineData("Rahul")]
    [InlineData("Rahul K")]
    [InlineData("Guest User")]
    [InlineData("Zomato Customer")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("12345 67890")]
    [InlineData("Mr. X")]
    public void For_NameNotConfident_GivesNull(string? name)
    {
        Assert.Null(CustomerKeys.For(null, name, "Sector 66", isAggregatorOrder: true));
    }

    [Fact]
    public void For_NoLocality_GivesNull()
    {
        Assert.Null(CustomerKeys.For(null, "Asha Testwala", null, isAggregatorOrder: true));
    }

    [Fact]
    public void For_PosOrderWithoutPhone_GivesNull()
    {
        Assert.Null(CustomerKeys.For(null, "Asha Testwala", "Sector 66", isAggregatorOrder: false));
    }

    [Fact]
    public void NormaliseName_Devanagari_KeptAndConfident()
    {
        var n = CustomerKeys.NormaliseName("अनन्या शर्मा", out var confident);
        Assert.True(confident);
        Assert.Equal("अनन्या शर्मा", n);
    }

    [Fact]
    public void NormaliseName_SqlInjection_LettersOnly()
    {
        Assert.Equal("robert drop table orders", CustomerKeys.NormaliseName("Robert'); DROP TABLE orders;--", out _));
    }

    [Theory]
    [InlineData("Zomato", null, true)]
    [InlineData("Swiggy", null, true)]
    [InlineData("Home Website", null, true)]
    [InlineData("POS", null, false)]
    [InlineData("pos", "AC", false)]
    [InlineData(null, null, false)]
    [InlineData("", "Zomato", true)]
    public void IsAggregatorOrder_ByChannel(string? orderFrom, string? subOrderType, bool expected)
    {
        var order = new OrderData { RestaurantRef = "r", OrderId = "1", OrderFrom = orderFrom, SubOrderType = subOrderType };
        Assert.Equal(expected, CustomerKeys.IsAggregatorOrder(order));
    }

    [Fact]
    public void For_SameInputs_Deterministic()
    {
        var a = CustomerKeys.For(null, "Asha Testwala", "Sector 66", true);
        var b = CustomerKeys.For(null, "Asha Testwala", "Sector 66", true);
        Assert.Equal(a, b);
    }
}
