using OrderAnalytics.Cli;
using OrderAnalytics.Cli.Commands;

namespace OrderAnalytics.Matching.Tests;

/// <summary>The CLI's entry logic run in-process on temporary files.</summary>
public sealed class CliAppTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("oa-cli-").FullName;
    private readonly StringWriter _out = new(), _err = new();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string File(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    private int Run(params string[] args) => CliApp.Run(args, _out, _err);

    private string[] RunMatch(string input)
    {
        var output = Path.Combine(_dir, "out", "result.csv");
        var code = Run("match", "--menu", TestData.Path("cleaned_menu.csv"), "--input", File("names.txt", input), "--output", output);
        Assert.True(code == 0, _err.ToString());
        return System.IO.File.ReadAllLines(output);
    }

    [Fact]
    public void Run_MatchOnPlainList_WritesHeaderAndOneRowPerName()
    {
        var lines = RunMatch("Classic Tiramisu\nPistachio Ice Cream (Perfect Plenty)\n\nPaneer Tikka, Large\n500 Pidge/porter Delivery Charges\nSwiggy Delivery Charges\n");

        Assert.Equal(MatchCommand.Header, lines[0]);
        Assert.Equal("raw_name,decision,menu_item,variant,score", lines[0]);
        Assert.Equal(6, lines.Length);
        Assert.Equal("Classic Tiramisu,matched,Classic Tiramisu,1_PIECE,100", lines[1]);
        Assert.StartsWith("Pistachio Ice Cream (Perfect Plenty),review,Pistachio Ice Cream,PERFECT_PLENTY_", lines[2]);
        Assert.StartsWith("\"Paneer Tikka, Large\",unmatched,,,", lines[3]);
        // non_product is matched only when it found its Extra/Service row, else unmatched.
        Assert.Equal("500 Pidge/porter Delivery Charges,matched,500 Pidge/Porter Delivery Charges,1_PIECE,100", lines[4]);
        Assert.StartsWith("Swiggy Delivery Charges,unmatched,,,", lines[5]);
    }

    [Fact]
    public void Run_MatchOnCountNameTsv_UsesTheNameColumn()
    {
        var lines = RunMatch("count\tname\n1232\tClassic Tiramisu\n1048\tCup\n");
        Assert.Equal(3, lines.Length);
        Assert.Equal("Classic Tiramisu,matched,Classic Tiramisu,1_PIECE,100", lines[1]);
        Assert.Equal("Cup,matched,Cup,1_PIECE,100", lines[2]);
    }

    [Fact]
    public void Run_Match_PrintsOneSummaryLineToStderr()
    {
        RunMatch("Classic Tiramisu\nPaneer Tikka\n");
        var summary = _err.ToString().Trim();
        Assert.DoesNotContain('\n', summary);
        Assert.Contains("matched=1", summary);
        Assert.Contains("unmatched=1", summary);
        Assert.Contains("review=0", summary);
    }

    [Fact]
    public void Run_MatchOnTheRealNameList_DecidesEveryName()
    {
        var output = Path.Combine(_dir, "items.csv");
        Assert.Equal(0, Run("match", "--menu", TestData.Path("cleaned_menu.csv"), "--input", TestData.Path("order_item_names.tsv"), "--output", output));
        var rows = System.IO.File.ReadAllLines(output).Skip(1).ToList();
        Assert.Equal(443, rows.Count);
        Assert.All(rows, r => Assert.Matches(",(matched|review|unmatched),", r));
    }

    [Theory]
    [InlineData("match", "--menu", "MENU")]                                                  // missing --input/--output
    [InlineData("match", "--menu", "MENU", "--input", "missing.txt", "--output", "o.csv")]  // missing file
    [InlineData("match", "--menu", "missing.csv", "--input", "INPUT", "--output", "o.csv")]
    [InlineData("match", "--menu", "MENU", "--input", "INPUT", "--output", "o.csv", "--ouput", "x")]   // typo'd option
    [InlineData("match", "--menu", "MENU", "--input")]                                       // option without value
    [InlineData("match", "stray")]
    [InlineData("frobnicate")]
    [InlineData]
    public void Run_BadArguments_ExitWithTwoAndSayWhy(params string[] args)
    {
        var menu = TestData.Path("cleaned_menu.csv");
        var input = File("in.txt", "Cup\n");
        var resolved = args.Select(a => a switch { "MENU" => menu, "INPUT" => input, "o.csv" => Path.Combine(_dir, "o.csv"), _ => a }).ToArray();

        Assert.Equal(CliApp.BadUsage, Run(resolved));
        Assert.Contains("usage:", _err.ToString());
        Assert.False(System.IO.File.Exists(Path.Combine(_dir, "o.csv")));
    }

    [Fact]
    public void Run_MenuWithoutVariantColumn_ExitsWithTwo()
    {
        var code = Run("match", "--menu", File("menu.csv", "name,type\nCup,Extra\n"), "--input", File("in.txt", "Cup\n"),
            "--output", Path.Combine(_dir, "o.csv"));
        Assert.Equal(CliApp.BadUsage, code);
        Assert.Contains("variant", _err.ToString());
    }
}
