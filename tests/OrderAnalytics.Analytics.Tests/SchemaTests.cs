using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderAnalytics.Analytics;
using OrderAnalytics.Testing;

namespace OrderAnalytics.Analytics.Tests;

/// <summary>The committed SDL (src/OrderAnalytics.Analytics/schema.graphql) is the schema the service serves.</summary>
public sealed class SchemaTests
{
    public static string SchemaFile => Path.Combine(Repository.Root, "src", "OrderAnalytics.Analytics", "schema.graphql");

    public static string PrintSchema()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAnalyticsApi(new ConfigurationBuilder().Build());
        using var provider = services.BuildServiceProvider();
        var schema = provider.GetRequiredService<ISchema>();
        schema.Initialize();
        return schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true }).ReplaceLineEndings("\n").TrimEnd() + "\n";
    }

    [Fact]
    public void Print_CurrentSchema_EqualsCommittedSdl()
    {
        var printed = PrintSchema();
        if (Environment.GetEnvironmentVariable("UPDATE_SCHEMA") == "1") File.WriteAllText(SchemaFile, printed);

        var committed = File.Exists(SchemaFile) ? File.ReadAllText(SchemaFile).ReplaceLineEndings("\n") : "";
        Assert.True(committed == printed,
            $"The GraphQL schema differs from {SchemaFile}. If the change is intended, regenerate the file with\n" +
            "  UPDATE_SCHEMA=1 dotnet test tests/OrderAnalytics.Analytics.Tests --filter FullyQualifiedName~SchemaTests\n" +
            "then review the diff and commit it with the change.\n" + FirstDifference(committed, printed));
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "<end of file>";
            var al = i < a.Length ? a[i] : "<end of schema>";
            if (el != al) return $"First difference at line {i + 1}:\n  committed: {el}\n  printed:   {al}";
        }
        return "";
    }
}
