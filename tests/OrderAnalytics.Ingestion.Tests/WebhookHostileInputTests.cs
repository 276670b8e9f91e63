using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using OrderAnalytics.Ingestion.Tests.Infrastructure;

namespace OrderAnalytics.Ingestion.Tests;

/// <summary>
/// A corpus of hostile bodies POSTed over real HTTP: whatever arrives, the receiver answers quickly with 202 or a 4xx
/// (never a 5xx other than 503), and keeps serving afterwards.
/// </summary>
[Collection(BrokerCollection.Name)]
public sealed class WebhookHostileInputTests(IngestionInfrastructure infra, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly HashSet<HttpStatusCode> Allowed =
    [
        HttpStatusCode.Accepted, HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized, HttpStatusCode.RequestEntityTooLarge,
        HttpStatusCode.UnsupportedMediaType, HttpStatusCode.ServiceUnavailable,
    ];

    private readonly string _key = Hosts.NewKey();
    private TestApp _receiver = null!;

    public async Task InitializeAsync() =>
        _receiver = await Hosts.StartWebhookAsync(infra.Rabbit.ConnectionString, new Dictionary<string, string?>
        {
            ["Webhook:ApiKeys:0"] = _key,
            ["Webhook:MaxBodyBytes"] = (1024 * 1024).ToString(),
        }, output);

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    public sealed record Case(string Name, byte[] Body, string? ContentType = "application/json", bool HeaderKey = true);

    private static Case Text(string name, string body, string? contentType = "application/json") => new(name, Encoding.UTF8.GetBytes(body), contentType);

    private static readonly Lazy<string> SourceEnvelope = new(() => Hosts.SourceEvents()[42].Json);

    private static string Envelope => SourceEnvelope.Value;

    /// <summary>The envelope (or a bare callback) with one value replaced by something hostile.</summary>
    private static IEnumerable<Case> Mutations()
    {
        JsonNode?[] oddValues =
        [
            null, true, false, 0, -1, -0.0, 1.5, long.MinValue, double.MaxValue, -double.MaxValue, "", " ", "x",
            new string('9', 5000), new JsonObject(), new JsonArray(), new JsonArray(1, "2", null), new JsonObject { ["$gt"] = "" },
            "'; DROP TABLE orders; --", "<script>alert(1)</script>", "{{7*7}}", "${jndi:ldap://127.0.0.1/a}", "../../../../etc/passwd",
            "\r\nSet-Cookie: x=1", "%00\u0000", "😀👩‍👩‍👧‍👦", "\u202Eevil\u200B\u0301", "Ünïcödé ₹ 日本語",
        ];
        string[] envelopePaths = ["aggregate_id", "event_id", "stream_id", "raw_event", "occurred_at", "event_type"];
        string[] callbackPaths = ["event", "token", "Token", "properties", "properties.Order", "properties.Order.orderID", "properties.OrderItem"];
        for (var v = 0; v < oddValues.Length; v++)
        {
            foreach (var path in envelopePaths)
                yield return Text($"envelope {path} = value #{v}", Replace(JsonNode.Parse(Envelope)!, path, oddValues[v]));
            foreach (var path in callbackPaths)
                yield return Text($"callback {path} = value #{v}", Replace(JsonNode.Parse(Webhooks.Callback(400 + v, null))!, path, oddValues[v]));
        }
        // raw_event as a string holding odd JSON.
        foreach (var inner in new[] { "", "not json", "{\"raw_payload\": 5}", "{\"raw_payload\": []}", "[]", "{\"raw_payload\": {\"properties\": []}}",
                     new string('[', 10_000) + new string(']', 10_000), "{\"raw_payload\": {\"token\": {\"a\": 1}}}" })
        {
            var node = JsonNode.Parse(Envelope)!;
            node.AsObject().Remove("aggregate_id");
            node["raw_event"] = inner;
            yield return Text($"raw_event string {Short(inner)}", node.ToJsonString());
        }
    }

    private static string Replace(JsonNode root, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        var node = root;
        foreach (var part in parts[..^1]) node = node[part]!;
        node[parts[^1]] = value?.DeepClone();
        return root.ToJsonString();
    }

    private static string Short(string s) => s.Length > 20 ? s[..20] + "…" : s;

    public static IEnumerable<Case> Corpus()
    {
        var envelope = Envelope;
        var callback = Webhooks.Callback(999, null);
        // Truncated JSON at many points.
        for (var i = 1; i < 20; i++)
        {
            yield return Text($"envelope truncated at {i * 5}%", envelope[..(envelope.Length * i / 20)]);
            yield return Text($"callback truncated at {i * 5}%", callback[..(callback.Length * i / 20)]);
        }
        foreach (var body in new[] { "", " ", "\n\t", "null", "true", "0", "-1", "\"text\"", "[]", "{}", "[[]]", "[null]", "[{}]", "[1,2,3]",
                     "{\"raw_event\": null}", "{\"stream_id\": null}", "{\"properties\": null}", "{\"properties\": {}}",
                     "NaN", "Infinity", "-Infinity", "{\"a\": NaN}", "{'single': 'quotes'}", "{\"a\": 1,}", "// comment\n{}", "{\"a\":1}{\"b\":2}",
                     "1e999999", "-1e999999", new string('9', 100_000), "{\"stream_id\": 1" + new string('0', 5000) + "}" })
            yield return Text($"literal {Short(body)}", body);
        foreach (var c in Mutations()) yield return c;

        // Deep nesting: 10k levels of arrays and objects, at the top and inside the payload; and around the limit.
        yield return Text("10k nested arrays", new string('[', 10_000) + new string(']', 10_000));
        yield return Text("10k nested objects", string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000));
        yield return Text("10k unclosed arrays", new string('[', 10_000));
        foreach (var depth in new[] { 60, 63, 64, 65, 1000 })
        {
            var deep = string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
            yield return Text($"callback with {depth}-deep comment", Webhooks.Callback(998, null).Replace("\"Tax\":[]", "\"Tax\":" + deep));
        }

        // Huge strings and many items, within and over the 1 MB limit.
        yield return Text("900 KB orderID", Replace(JsonNode.Parse(callback)!, "properties.Order.orderID", new string('7', 900_000)));
        yield return Text("900 KB item name", callback.Replace("Classic Chocolate Lamington (2pcs)", new string('é', 450_000)));
        yield return Text("900 KB token", Replace(JsonNode.Parse(callback)!, "token", new string('k', 900_000)));
        yield return Text("2 MB body", "{\"pad\": \"" + new string('x', 2_000_000) + "\"}");
        yield return Text("10k callbacks in an array", "[" + string.Join(",", Enumerable.Range(1, 10_000).Select(i => $"{{\"token\":\"\",\"properties\":{{\"Order\":{{\"orderID\":{i}}}}}}}")) + "]");
        yield return Text("50k keys", "{" + string.Join(",", Enumerable.Range(0, 50_000).Select(i => $"\"k{i}\":{i}")) + ",\"properties\":{\"Order\":{\"orderID\":1}}}");
        yield return Text("duplicate keys", "{\"token\":\"\",\"properties\":{\"Order\":{\"orderID\":1}},\"properties\":[]}");

        // Unicode and encodings.
        foreach (var s in new[] { "\\ud800", "\\udfff", "\\ud800\\u0041", "\\u0000", "\\uFFFF", "\\uDBFF\\uDFFF" })
            yield return Text($"escaped {s} in orderID", callback.Replace("\"orderID\":999", $"\"orderID\":\"{s}\""));
        foreach (var s in new[] { "\\ud800", "\\udfff" })
            yield return Text($"escaped {s} in token", callback.Replace("\"token\":\"\"", $"\"token\":\"{s}\""));
        yield return new Case("invalid UTF-8 byte", [.. Encoding.UTF8.GetBytes("{\"token\":\""), 0xFF, 0xFE, .. Encoding.UTF8.GetBytes("\",\"properties\":{\"Order\":{\"orderID\":1}}}")]);
        yield return new Case("overlong UTF-8", [.. Encoding.UTF8.GetBytes("{\"a\":\""), 0xC0, 0xAF, .. Encoding.UTF8.GetBytes("\"}")]);
        yield return new Case("BOM then callback", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(callback)]);
        yield return new Case("UTF-16 body labelled JSON", Encoding.Unicode.GetBytes(callback));
        yield return new Case("random bytes", RandomBytes(4096));

        // Content types.
        foreach (var type in new[] { "application/json; charset=utf-16", "multipart/form-data; boundary=x", "text/json", "application/json;;;", "*/*", "" })
            yield return Text($"content type '{type}'", callback, type);

        // Without the header key: the body's token is all there is.
        yield return new Case("no key, token object", Encoding.UTF8.GetBytes(Replace(JsonNode.Parse(callback)!, "token", new JsonObject { ["k"] = 1 })), HeaderKey: false);
        yield return new Case("no key, 10k nested", Encoding.UTF8.GetBytes(new string('[', 10_000)), HeaderKey: false);
    }

    private static byte[] RandomBytes(int n)
    {
        var bytes = new byte[n];
        new Random(42).NextBytes(bytes);
        return bytes;
    }

    [Fact]
    public async Task Post_HostileCorpus_NeverServerErrorNorHang()
    {
        var corpus = Corpus().ToList();
        var failures = new List<string>();
        var statuses = new Dictionary<HttpStatusCode, int>();
        var total = Stopwatch.StartNew();
        foreach (var c in corpus)
        {
            var watch = Stopwatch.StartNew();
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
                var response = await _receiver.PostAsync(Webhooks.Bytes(c.Body, c.ContentType), c.HeaderKey ? _key : null, ct: timeout.Token);
                statuses[response.Status] = statuses.GetValueOrDefault(response.Status) + 1;
                if (!Allowed.Contains(response.Status)) failures.Add($"{c.Name}: {(int)response.Status} {Short(response.Text)}");
                if (watch.Elapsed > TimeSpan.FromSeconds(10)) failures.Add($"{c.Name}: took {watch.Elapsed}");
            }
            catch (Exception ex)
            {
                failures.Add($"{c.Name}: {ex.GetType().Name} {ex.Message} after {watch.Elapsed}");
            }
        }
        output.WriteLine($"{corpus.Count} cases in {total.Elapsed}: " + string.Join(", ", statuses.Select(s => $"{(int)s.Key}×{s.Value}")));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.Accepted) > 0 && statuses.GetValueOrDefault(HttpStatusCode.BadRequest) > 0);

        // Still serving.
        Assert.Equal(HttpStatusCode.Accepted, (await _receiver.PostJsonAsync(Webhooks.Callback(1, null), _key)).Status);
        using var alive = await _receiver.Client.GetAsync("/alive");
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    [Fact]
    public async Task Post_HostileHeaders_NeverServerError()
    {
        var body = Webhooks.Callback(2, null);
        var variants = new (string Name, Action<HttpRequestMessage> Configure)[]
        {
            ("8 KB key", r => r.Headers.TryAddWithoutValidation("X-API-Key", new string('k', 8 * 1024))),
            ("two keys", r => r.Headers.TryAddWithoutValidation("X-API-Key", ["wrong", _key])),
            ("key with spaces", r => r.Headers.TryAddWithoutValidation("X-API-Key", " " + _key + " ")),
            ("odd idempotency key", r => r.Headers.TryAddWithoutValidation("X-Idempotency-Key", "'; DROP TABLE x; --")),
            ("8 KB idempotency key", r => r.Headers.TryAddWithoutValidation("X-Idempotency-Key", new string('i', 8 * 1024))),
            ("signature headers without a secret", Webhooks.Sign(Webhooks.NewSigningSecret(), body)),
        };
        foreach (var (name, configure) in variants)
        {
            var response = await _receiver.PostJsonAsync(body, name == "8 KB key" || name == "key with spaces" ? null : _key, configure);
            output.WriteLine($"{name}: {(int)response.Status}");
            Assert.Contains(response.Status, Allowed);
        }
    }

    [Fact]
    public async Task Post_ClientVanishesMidBody_ReceiverKeepsServing()
    {
        for (var i = 0; i < 5; i++)
        {
            using var socket = new TcpClient();
            await socket.ConnectAsync("127.0.0.1", _receiver.BaseAddress.Port);
            var stream = socket.GetStream();
            var head = $"POST {Webhooks.Path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nX-API-Key: {_key}\r\nContent-Length: 100000\r\n\r\n{{\"token\":";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.FlushAsync();
        }   // each connection closes with the body unfinished

        Assert.Equal(HttpStatusCode.Accepted, (await _receiver.PostJsonAsync(Webhooks.Callback(3, null), _key)).Status);
    }
}
