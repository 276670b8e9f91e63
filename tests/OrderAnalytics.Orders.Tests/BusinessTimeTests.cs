namespace OrderAnalytics.Orders.Tests;

public class BusinessTimeTests
{
    [Theory]
    [InlineData("2025-06-08 20:55:58", 2025, 6, 8, 15, 25, 58)]
    [InlineData("2025-06-08T20:55:58", 2025, 6, 8, 15, 25, 58)]
    [InlineData("2025-06-08 20:55", 2025, 6, 8, 15, 25, 0)]
    [InlineData(" 2025-06-08 20:55:58 ", 2025, 6, 8, 15, 25, 58)]
    [InlineData("2025/06/08 20:55:58", 2025, 6, 8, 15, 25, 58)]
    [InlineData("2025-06-08 03:00:00", 2025, 6, 7, 21, 30, 0)]
    [InlineData("2025-06-08T20:55:58Z", 2025, 6, 8, 20, 55, 58)]
    [InlineData("2025-06-08T20:55:58+05:30", 2025, 6, 8, 15, 25, 58)]
    [InlineData("2025-06-08T20:55:58+0000", 2025, 6, 8, 20, 55, 58)]
    public void TryParseIst_AcceptedFormats_GivesUtcInstant(string text, int y, int mo, int d, int h, int mi, int s)
    {
        Assert.True(BusinessTime.TryParseIst(text, out var utc));
        Assert.Equal(new DateTimeOffset(y, mo, d, h, mi, s, TimeSpan.Zero), utc);
        Assert.Equal(TimeSpan.Zero, utc.Offset);
    }

    [Fact]
    public void TryParseIst_FractionalSeconds_Kept()
    {
        Assert.True(BusinessTime.TryParseIst("2025-06-08 20:55:58.123456", out var utc));
        Assert.Equal(new DateTimeOffset(2025, 6, 8, 15, 25, 58, TimeSpan.Zero).AddTicks(1234560), utc);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2025-06-08")]
    [InlineData("08-06-2025 20:55:58")]
    [InlineData("2025-13-08 20:55:58")]
    [InlineData("2025-02-30 10:00:00")]
    [InlineData("2025-06-08 24:00:00")]
    [InlineData("2025-06-08 20:61:00")]
    [InlineData("2025-06-08 20:55:58 IST")]
    [InlineData("2025-06-08 20:55:58.")]
    [InlineData("0000-01-01 00:00:00")]
    [InlineData("yesterday evening at nine")]
    [InlineData("2025-06-08X20:55:58")]
    [InlineData("2025-06/08 20:55:58")]
    public void TryParseIst_Invalid_ReturnsFalse(string? text)
    {
        Assert.False(BusinessTime.TryParseIst(text, out _));
    }

    [Theory]
    [InlineData("2025-06-09 04:59:59", 2025, 6, 8)]
    [InlineData("2025-06-09 05:00:00", 2025, 6, 9)]
    [InlineData("2025-06-09 02:30:00", 2025, 6, 8)]
    [InlineData("2025-06-09 00:00:00", 2025, 6, 8)]
    [InlineData("2025-06-08 23:59:59", 2025, 6, 8)]
    [InlineData("2025-01-01 04:59:00", 2024, 12, 31)]
    [InlineData("2024-03-01 04:00:00", 2024, 2, 29)]
    public void BusinessDateOf_DayStartsAtFiveIst(string ist, int y, int m, int d)
    {
        Assert.True(BusinessTime.TryParseIst(ist, out var utc));
        Assert.Equal(new DateOnly(y, m, d), BusinessTime.BusinessDateOf(utc));
    }

    [Fact]
    public void BusinessDateOf_UtcInstantNearMidnightUtc_UsesIst()
    {
        // 23:40 UTC on the 8th = 05:10 IST on the 9th
        Assert.Equal(new DateOnly(2025, 6, 9), BusinessTime.BusinessDateOf(new DateTimeOffset(2025, 6, 8, 23, 40, 0, TimeSpan.Zero)));
        // 23:20 UTC on the 8th = 04:50 IST on the 9th
        Assert.Equal(new DateOnly(2025, 6, 8), BusinessTime.BusinessDateOf(new DateTimeOffset(2025, 6, 8, 23, 20, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("2026-01-03T17:40:38.027940+00:00")]
    [InlineData("2026-01-03T23:10:38.02794+05:30")]
    [InlineData("2026-01-03 17:40:38.02794")]
    public void TryParseInstant_Iso_GivesUtc(string text)
    {
        Assert.True(BusinessTime.TryParseInstant(text, out var utc));
        Assert.Equal(new DateTimeOffset(2026, 1, 3, 17, 40, 38, TimeSpan.Zero).AddTicks(279400), utc);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a date")]
    public void TryParseInstant_Invalid_ReturnsFalse(string? text)
    {
        Assert.False(BusinessTime.TryParseInstant(text, out _));
    }

    [Fact]
    public void BusinessDateOf_MinValue_DoesNotThrow()
    {
        Assert.Equal(DateOnly.MinValue, BusinessTime.BusinessDateOf(DateTimeOffset.MinValue));
        Assert.Equal(new DateOnly(9999, 12, 31), BusinessTime.BusinessDateOf(DateTimeOffset.MaxValue));
    }
}
