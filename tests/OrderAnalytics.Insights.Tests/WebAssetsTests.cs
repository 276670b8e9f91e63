using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using OrderAnalytics.Testing;

namespace OrderAnalytics.Insights.Tests;

/// <summary>The committed build in wwwroot: current with web/, self-contained, no source maps, within a size budget.</summary>
public sealed partial class WebAssetsTests
{
    private static readonly string Web = Path.Combine(Repository.Root, "web");

    [Fact]
    public void BuildInfo_SourceHash_MatchesTheWebSources()
    {
        // The same list and hash as web/vite.config.ts writes into build-info.json.
        string[] fixedFiles = ["package.json", "package-lock.json", "vite.config.ts", "tsconfig.json", "index.html", "graphiql/index.html"];
        var files = fixedFiles
            .Concat(Directory.EnumerateFiles(Path.Combine(Web, "src"), "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(Web, f).Replace(Path.DirectorySeparatorChar, '/')))
            .Order(StringComparer.Ordinal)
            .ToList();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(file + "\0"));
            sha.AppendData(File.ReadAllBytes(Path.Combine(Web, file)));
            sha.AppendData("\0"u8);
        }

        using var info = JsonDocument.Parse(File.ReadAllText(Path.Combine(InsightsFixture.WebRoot, "build-info.json")));
        Assert.True(Convert.ToHexStringLower(sha.GetHashAndReset()) == info.RootElement.GetProperty("sourceSha256").GetString(),
            "src/OrderAnalytics.Analytics/wwwroot is older than web/: run `npm ci && npm run build` in web/ and commit wwwroot.");
        Assert.Equal(files.Count, info.RootElement.GetProperty("sourceFiles").GetInt32());
    }

    [Theory]
    [InlineData("index.html")]
    [InlineData("graphiql/index.html")]
    public void Page_ScriptsAndStyles_AreLocalFilesThatExist(string page)
    {
        var path = Path.Combine(InsightsFixture.WebRoot, page);
        var references = AssetReference().Matches(File.ReadAllText(path)).Select(m => m.Groups["url"].Value).ToList();

        Assert.NotEmpty(references);
        Assert.All(references, url =>
        {
            Assert.DoesNotContain("//", url);   // no CDN, no other host
            Assert.True(File.Exists(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, url))), $"{page} references missing {url}");
        });
    }

    [Fact]
    public void Wwwroot_Build_HasNoSourceMapsAndStaysWithinBudget()
    {
        var files = new DirectoryInfo(InsightsFixture.WebRoot).EnumerateFiles("*", SearchOption.AllDirectories).ToList();

        Assert.DoesNotContain(files, f => f.Name.EndsWith(".map", StringComparison.Ordinal));
        var megabytes = files.Sum(f => f.Length) / 1024.0 / 1024.0;
        Assert.True(megabytes < 10, $"wwwroot is {megabytes:F1} MB; GraphiQL with its editor is about 7 MB of it.");
    }

    [GeneratedRegex("""<(?:script|link)\b[^>]*\b(?:src|href)="(?<url>[^"]+)"[^>]*>""")]
    private static partial Regex AssetReference();
}
