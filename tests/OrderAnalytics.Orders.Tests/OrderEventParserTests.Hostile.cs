using System.Text;
using System.Text.Json.Nodes;
using OrderAnalytics.Contracts;

namespace OrderAnalytics.Orders.Tests;

public partial class OrderEventParserTests
{
    public static TheoryData<string> HostilePayloads()
    {
        var full = Fixture.Text("webhook_envelope.json");
        var data = new TheoryData<string>
        {
            "{",
            "}",
            "null",
            "true",
            "\"\\ud800\"",
            "{\"raw_event\": \"\\u0000\"}",
            "{\"raw_event\": {\"raw_payload\": 5}}",
            "{\"raw_event\": {\"raw_payload\": {\"properties\": []}}}",
            "{\"properties\": \"{\\\"Order\\\": 1}\"}",
            "{\"properties\": {\"Order\": {\"orderID\": 1}, \"Restaurant\": {\"restID\": [1]}}}",
            "{\"properties\": {\"Order\": [], \"Restaurant\": {\"restID\": \"r\"}}}",
            "{\"properties\": {\"Order\": {\"orderID\": 1}, \"Restaurant\": {\"restID\": \"r\"}, \"OrderItem\": [{\"name\": {\"a\": 1}}]}}",
            "{\"properties\": {\"Order\": {\"orderID\": 1}, \"Restaurant\": {\"restID\": \"r\"}, \"OrderItem\": [{\"name\": \"x\", \"addon\": 7}]}}",
            "{\"properties\": {\"Order\": {\"orderID\": 1}, \"Restaurant\": {\"restID\": \"r\"}, \"Customer\": {\"name\": [\"x\"]}}}",
            "{\"stream_id\": 1e999, \"raw_event\": {}}",
            "{\"stream_id\": -1, \"event_id\": 5, \"aggregate_id\": {}, \"raw_event\": {}}",
            "{\"event\": \"orderstatus\", \"properties\": {\"status\": {}}}",
            "{\"event\": 12, \"properties\": {}}",
            "{\"event\": \"" + new string('x', 10_000) + "\", \"properties\": {}}",
            "{\"occurred_at\": \"9999-99-99\", \"raw_event\": {\"properties\": {}}}",
            "{\"raw_event\": \"\\ud800\"}",
            "{\"\\ud800\": 1, \"properties\": {\"\\udc00x\": 2, \"Order\": {\"orderID\": 1}, \"Restaurant\": {\"restID\": \"r\"}}}",
            "{\"properties\": {\"Order\": {\"orderID\": 1, \"comment\": \"a\\udc00b\"}, \"Restaurant\": {\"restID\": \"r\"}}}",
        };
        // every prefix of a real event: truncated JSON
        for (var cut = 2; cut < full.Length; cut += 97) data.Add(full[..cut]);
        // a real event with a byte changed here and there
        var rng = new Random(7);
        for (var i = 0; i < 40; i++)
        {
            var chars = full.ToCharArray();
            for (var k = 0; k < 3; k++) chars[rng.Next(chars.Length)] = "{}[]\",:0a\\ "[rng.Next(11)];
            data.Add(new string(chars));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(HostilePayloads))]
    public void Parse_HostilePayload_NeverThrowsAndGivesOneOutcome(string payload)
    {
        var r = new OrderEventParser().Parse(Fixture.Raw(payload));
        Assert.Contains(r.Outcome, new[] { EventOutcomes.Order, EventOutcomes.Status, EventOutcomes.Quarantined, EventOutcomes.Ignored });
        if (r.IsQuarantined || r.IsIgnored)
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Reason));
            Assert.True(r.Reason!.Length < 400, r.Reason);
            Assert.DoesNotContain("internal error", r.Reason);
        }
        if (r.IsOrder) Assert.NotNull(r.Order);
    }

    [Fact]
    public void Parse_LoneSurrogateEscapeInText_QuarantinedNamingField()
    {
        var json = Fixture.Text("bare_callback.json").Replace("\"comment\": \"\"", "\"comment\": \"a\\ud800b\"");
        Assert.Equal("properties.Order.comment: not valid text (unpaired surrogate escape)", Parse.Quarantined(json));
    }

    [Fact]
    public void Parse_LoneSurrogateInPropertyName_QuarantinedAsInvalidJson()
    {
        var json = Fixture.Text("bare_callback.json").Replace("\"comment\": \"\"", "\"\\ud800\": \"x\"");
        Assert.StartsWith("payload: not valid JSON (", Parse.Quarantined(json));
    }

    [Fact]
    public void Parse_ThousandsOfRandomCorruptions_NeverThrowOrFailInternally()
    {
        var parser = new OrderEventParser();
        var rng = new Random(12345);
        var sources = new[] { "webhook_envelope.json", "pull_envelope.json", "status_envelope.json" }.Select(Fixture.Text).ToArray();
        const string alphabet = "{}[]\",:0a\\ -.e\u0000\ud800é";
        for (var i = 0; i < 3000; i++)
        {
            var chars = sources[i % sources.Length].ToCharArray();
            var edits = 1 + rng.Next(4);
            for (var k = 0; k < edits; k++) chars[rng.Next(chars.Length)] = alphabet[rng.Next(alphabet.Length)];
            var r = parser.Parse(Fixture.Raw(new string(chars)));
            Assert.True(r.IsOrder || r.IsStatus || r.IsQuarantined || r.IsIgnored);
            if (!r.IsOrder && !r.IsStatus) Assert.False(r.Reason is null || r.Reason.Contains("internal error"), r.Reason ?? "(null reason)");
        }
    }

    [Fact]
    public void Parse_PayloadStringWithLoneSurrogateChar_QuarantinedAsInvalidJson()
    {
        var json = Fixture.Text("bare_callback.json").Replace("Pick Up", "Pick \ud800Up");
        Assert.StartsWith("payload: not valid JSON (", Parse.Quarantined(json));
    }

    [Fact]
    public void Parse_DeepNesting_QuarantinedNotThrown()
    {
        var deep = new StringBuilder();
        for (var i = 0; i < 10_000; i++) deep.Append("{\"a\":");
        deep.Append('1');
        for (var i = 0; i < 10_000; i++) deep.Append('}');
        var reason = Parse.Quarantined(deep.ToString());
        Assert.StartsWith("payload: not valid JSON (The maximum configured depth of 32 has been exceeded", reason);
    }

    [Fact]
    public void Parse_DeepNestingInsideRawEventString_Quarantined()
    {
        var nested = string.Concat(Enumerable.Repeat("[", 100)) + string.Concat(Enumerable.Repeat("]", 100));
        var json = Fixture.Mutate("webhook_envelope.json", r => r["raw_event"] = nested);
        Assert.StartsWith("raw_event: not valid JSON (The maximum configured depth", Parse.Quarantined(json));
    }

    [Fact]
    public void Parse_OneMegabyteAddress_TruncatedAndFlagged()
    {
        var huge = new string('A', 1024 * 1024);
        var json = Fixture.Mutate("webhook_envelope.json", r => Fixture.Properties(r)["Customer"]!["address"] = huge);
        var o = Parse.Order(json);
        Assert.Equal(500, o.Customer!.Address!.Length);
        var flag = Assert.Single(o.Flags);
        Assert.Equal(QualityFlagCodes.TextTruncated, flag.Code);
        Assert.Equal("properties.Customer.address: 1048576 chars cut to 500", flag.Detail);
    }

    [Fact]
    public void Parse_OneMegabyteItemName_Truncated()
    {
        var json = Fixture.Mutate("bare_callback.json", r => Fixture.Item(r, 0)["name"] = new string('n', 1024 * 1024));
        var o = Parse.Order(json);
        Assert.Equal(500, o.Items[0].NameRaw.Length);
        Assert.Contains(o.Flags, f => f.Code == QualityFlagCodes.TextTruncated && f.Detail.StartsWith("properties.OrderItem[0].name"));
    }

    [Fact]
    public void Parse_OneMegabyteOrderId_Quarantined()
    {
        var json = Fixture.Mutate("bare_callback.json", r => Fixture.Order(r)["orderID"] = new string('1', 1024 * 1024));
        Assert.Equal("properties.Order.orderID: too long (1048576 chars > 64)", Parse.Quarantined(json));
    }

    [Fact]
    public void Parse_TruncationAtSurrogatePair_DoesNotSplitPair()
    {
        var text = new string('a', 499) + "😀😀";
        var json = Fixture.Mutate("bare_callback.json", r => Fixture.Order(r)["comment"] = text);
        var comment = Parse.Order(json).Comment!;
        Assert.Equal(499, comment.Length);
        Assert.False(char.IsHighSurrogate(comment[^1]));
    }

    [Fact]
    public void Parse_UnicodeNames_KeptIntact()
    {
        var json = Fixture.Mutate("webhook_envelope.json", r =>
        {
            Fixture.Properties(r)["Customer"]!["name"] = "अनन्या शर्मा 🍦";
            Fixture.Item(r, 0)["name"] = "Crème Brûlée Ice Cream";
        });
        var o = Parse.Order(json);
        Assert.Equal("अनन्या शर्मा 🍦", o.Customer!.Name);
        Assert.Equal("Crème Brûlée Ice Cream", o.Items[0].NameRaw);
        Assert.Empty(o.Flags);
    }

    [Fact]
    public void Parse_SqlInjectionLookingName_KeptAsPlainText()
    {
        const string name = "Robert'); DROP TABLE orders;--";
        var json = Fixture.Mutate("webhook_envelope.json", r => Fixture.Properties(r)["Customer"]!["name"] = name);
        Assert.Equal(name, Parse.Order(json).Customer!.Name);
    }

    [Fact]
    public void Parse_NulCharactersInText_RemovedAndFlagged()
    {
        var json = Fixture.Mutate("bare_callback.json", r => Fixture.Order(r)["comment"] = "no\u0000 nuts\u0007");
        var o = Parse.Order(json);
        Assert.Equal("no nuts", o.Comment);
        Assert.Contains(o.Flags, f => f.Code == QualityFlagCodes.TextTruncated && f.Detail == "properties.Order.comment: control characters removed");
    }

    [Fact]
    public void Parse_ControlCharacterInOrderId_Quarantined()
    {
        var json = Fixture.Mutate("bare_callback.json", r => Fixture.Order(r)["orderID"] = "12\u00003");
        Assert.Equal("properties.Order.orderID: contains control characters", Parse.Quarantined(json));
    }

    [Fact]
    public void Parse_HugeNumberLiteral_QuarantinedWithShortReason()
    {
        var json = Fixture.Mutate("bare_callback.json", r => Fixture.Order(r)["total"] = "X");
        json = json.Replace("\"total\":\"X\"", "\"total\":" + new string('9', 100_000));
        var reason = Parse.Quarantined(json);
        Assert.StartsWith("properties.Order.total: out of range (", reason);
        Assert.True(reason.Length < 200);
    }

    [Fact]
    public void Parse_WrongTypesForTextFields_Quarantined()
    {
        var json = Fixture.Mutate("bare_callback.json", r => Fixture.Order(r)["comment"] = new JsonArray(1, 2));
        Assert.Equal("properties.Order.comment: expected text, got an array", Parse.Quarantined(json));
    }

    [Fact]
    public void Parse_ManyEventsInParallel_ThreadSafe()
    {
        var parser = new OrderEventParser();
        var raws = new[] { "webhook_envelope.json", "pull_envelope.json", "bare_callback.json", "status_envelope.json" }
            .Select(Fixture.RawFile).ToArray();
        var outcomes = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 2000, i => outcomes.Add(parser.Parse(raws[i % raws.Length]).Outcome));
        Assert.Equal(1500, outcomes.Count(o => o == EventOutcomes.Order));
        Assert.Equal(500, outcomes.Count(o => o == EventOutcomes.Status));
    }
}
