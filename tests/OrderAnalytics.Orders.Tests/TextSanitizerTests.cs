namespace OrderAnalytics.Orders.Tests;

public class TextSanitizerTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData(" Cup ", "Cup")]
    [InlineData("line1\nline2", "line1\nline2")]
    [InlineData("a\u0000b", "ab")]
    [InlineData("\u0000", null)]
    public void Clean_Values_TrimmedAndStripped(string? input, string? expected)
    {
        Assert.Equal(expected, TextSanitizer.Clean(input, 500, out _, out _));
    }

    [Fact]
    public void Clean_Long_CutAndReported()
    {
        var result = TextSanitizer.Clean(new string('a', 600), 500, out var truncated, out var stripped);
        Assert.Equal(500, result!.Length);
        Assert.True(truncated);
        Assert.False(stripped);
    }

    [Fact]
    public void Clean_Unchanged_ReturnsSameInstance()
    {
        const string s = "Classic Tiramisu";
        Assert.Same(s, TextSanitizer.Clean(s, 500, out _, out _));
    }

    [Fact]
    public void Preview_LongText_ShortSingleLine()
    {
        var p = TextSanitizer.Preview("abc\n" + new string('x', 100));
        Assert.True(p.Length <= 41);
        Assert.DoesNotContain('\n', p);
        Assert.EndsWith("…", p);
    }
}
