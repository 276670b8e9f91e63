namespace OrderAnalytics.Orders.Tests;

public class PhoneNormalizerTests
{
    private readonly PhoneNormalizer _phones = new();

    [Theory]
    [InlineData("+91 98765 43210")]
    [InlineData("+91-98765-43210")]
    [InlineData("+919876543210")]
    [InlineData("098765 43210")]
    [InlineData("09876543210")]
    [InlineData("9876543210")]
    [InlineData("98765 43210")]
    [InlineData("91-9876543210")]
    [InlineData("919876543210")]
    [InlineData("0091 98765 43210")]
    [InlineData("(+91) 98765-43210")]
    [InlineData(" 9876543210 ")]
    public void ToE164_IndianMobileFormats_GivesE164(string raw)
    {
        Assert.Equal("+919876543210", _phones.ToE164(raw));
    }

    [Fact]
    public void ToE164_GurgaonLandline_GivesE164()
    {
        Assert.Equal("+911244567890", _phones.ToE164("0124 456 7890"));
    }

    [Fact]
    public void ToE164_ForeignNumberWithPlus_KeepsCountry()
    {
        Assert.Equal("+14155552671", _phones.ToE164("+1 415 555 2671"));
    }

    [Fact]
    public void ToE164_TwoNumbers_TakesFirstValid()
    {
        Assert.Equal("+919812345678", _phones.ToE164("12345 / 98123 45678"));
        Assert.Equal("+919876543210", _phones.ToE164("9876543210, 9812345678"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("12345")]
    [InlineData("98765")]
    [InlineData("xxxxxx3210")]
    [InlineData("+91 XXXXX X3210")]
    [InlineData("5555555555")]
    [InlineData("not available")]
    [InlineData("98765432109876543210")]
    [InlineData("'; DROP TABLE customers;--")]
    public void ToE164_InvalidOrMasked_GivesNull(string? raw)
    {
        Assert.Null(_phones.ToE164(raw));
    }

    [Fact]
    public void ToE164_HugeInput_GivesNullQuickly()
    {
        Assert.Null(_phones.ToE164(new string('9', 1_000_000)));
    }
}
