namespace OrderAnalytics.Orders.Tests;

public class PersonalDataTests
{
    private static readonly byte[] Key = "0123456789abcdef0123456789abcdef"u8.ToArray();

    [Fact]
    public void Pseudonym_KnownKey_MatchesHmacSha256Prefix()
    {
        var expected = "c_" + Convert.ToHexStringLower(
            System.Security.Cryptography.HMACSHA256.HashData(Key, "phone:+919876543210"u8.ToArray()))[..16];
        Assert.Equal(expected, PersonalData.Pseudonym("phone:+919876543210", Key));
    }

    [Fact]
    public void Pseudonym_Shape_PrefixAnd16Hex()
    {
        var p = PersonalData.Pseudonym("name:asha testwala|sector 66", Key);
        Assert.Equal(18, p.Length);
        Assert.StartsWith("c_", p);
        Assert.All(p[2..], c => Assert.True(char.IsAsciiHexDigitLower(c)));
    }

    [Fact]
    public void Pseudonym_SameInput_Stable()
    {
        Assert.Equal(PersonalData.Pseudonym("phone:+919876543210", Key), PersonalData.Pseudonym("phone:+919876543210", Key));
    }

    [Fact]
    public void Pseudonym_DifferentKeyOrCustomer_Differs()
    {
        var other = "fedcba9876543210fedcba9876543210"u8.ToArray();
        Assert.NotEqual(PersonalData.Pseudonym("phone:+919876543210", Key), PersonalData.Pseudonym("phone:+919876543210", other));
        Assert.NotEqual(PersonalData.Pseudonym("phone:+919876543210", Key), PersonalData.Pseudonym("phone:+919876543211", Key));
    }

    [Fact]
    public void Pseudonym_DoesNotContainRawPhone()
    {
        Assert.DoesNotContain("9876543210", PersonalData.Pseudonym("phone:+919876543210", Key));
    }

    [Fact]
    public void Pseudonym_ShortKey_Throws()
    {
        Assert.Throws<ArgumentException>(() => PersonalData.Pseudonym("phone:+919876543210", new byte[8]));
    }

    [Fact]
    public void Pseudonym_LongUnicodeKey_Works()
    {
        var p = PersonalData.Pseudonym("name:" + new string('अ', 5000), Key);
        Assert.Equal(18, p.Length);
    }

    [Fact]
    public void PseudonymOrNull_Null_GivesNull()
    {
        Assert.Null(PersonalData.PseudonymOrNull(null, Key));
    }

    [Theory]
    [InlineData("+919876543210", "+91******3210")]
    [InlineData("9876543210", "******3210")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void MaskPhone_KeepsCountryAndLastFour(string? phone, string expected)
    {
        Assert.Equal(expected, PersonalData.MaskPhone(phone));
    }
}
