using System.Text.Json.Nodes;
using OrderAnalytics.Contracts;

namespace OrderAnalytics.Orders.Tests;

public partial class OrderEventProcessorTests
{
    private static readonly Func<JsonNode?>[] WrongValues =
    [
        () => null,
        () => "",
        () => "abc",
        () => new JsonObject(),
        () => new JsonArray(),
        () => true,
        () => JsonValue.Create(1e308),
        () => -1,
        () => "NaN",
        () => "'; DROP TABLE orders;--",
        () => new string('€', 5000),
        () => "\u0000",
    ];

    [Theory]
    [InlineData("webhook_envelope.json")]
    [InlineData("pull_envelope.json")]
    [InlineData("status_envelope.json")]
    public void Process_EveryFieldReplacedByEveryWrongValue_NeverThrows(string fixture)
    {
        var paths = new List<Func<JsonObject, (JsonNode Parent, object Key)>>();
        CollectLeaves(Fixture.Node(fixture), [], paths);
        Assert.True(paths.Count > 10);

        var outcomes = new Dictionary<string, int>();
        foreach (var locate in paths)
        {
            foreach (var value in WrongValues)
            {
                var root = Fixture.Node(fixture);
                var (parent, key) = locate(root);
                if (key is string name) parent[name] = value();
                else parent[(int)key] = value();

                var e = _processor.Process(Fixture.Raw(root.ToJsonString()));
                Assert.Contains(e.Outcome, new[] { EventOutcomes.Order, EventOutcomes.Status, EventOutcomes.Quarantined, EventOutcomes.Ignored });
                if (e.Outcome == EventOutcomes.Quarantined) Assert.False(string.IsNullOrWhiteSpace(e.Reason));
                Assert.DoesNotContain("internal error", e.Reason ?? "");
                outcomes[e.Outcome] = outcomes.GetValueOrDefault(e.Outcome) + 1;
            }
        }
        Assert.True(outcomes.GetValueOrDefault(EventOutcomes.Quarantined) > 0);
    }

    private static void CollectLeaves(JsonNode node, List<object> trail, List<Func<JsonObject, (JsonNode, object)>> into)
    {
        IEnumerable<(object Key, JsonNode? Child)> children = node switch
        {
            JsonObject o => o.Select(p => ((object)p.Key, p.Value)).ToList(),
            JsonArray a => a.Select((c, i) => ((object)i, c)).ToList(),
            _ => [],
        };
        foreach (var (key, child) in children)
        {
            var path = trail.Append(key).ToArray();
            into.Add(root =>
            {
                JsonNode current = root;
                for (var i = 0; i < path.Length - 1; i++)
                    current = path[i] is string s ? current[s]! : current[(int)path[i]]!;
                return (current, path[^1]);
            });
            if (child is JsonObject or JsonArray) CollectLeaves(child, [.. path], into);
        }
    }
}
