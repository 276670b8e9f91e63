using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using OrderAnalytics.Contracts;
using OrderAnalytics.Ingestion.Tests.Infrastructure;

namespace OrderAnalytics.Ingestion.Tests;

/// <summary>POST /webhooks/petpooja over real HTTP, handing off to a real RabbitMQ.</summary>
[Collection(BrokerCollection.Name)]
public sealed class WebhookReceiverTests(IngestionInfrastructure infra, ITestOutputHelper output) : IAsyncLifetime
{
    private const int MaxBody = 64 * 1024;
    private readonly string _key = Hosts.NewKey(), _rotatedKey = Hosts.NewKey();
    private readonly string _envelope = Hosts.SourceEvents()[10].Json;
    private TestApp _receiver = null!;
    private EventSink _sink = null!;

    public async Task InitializeAsync()
    {
        _sink = await EventSink.StartAsync(infra.Rabbit.ConnectionString);
        _receiver = await Hosts.StartWebhookAsync(infra.Rabbit.ConnectionString, new Dictionary<string, string?>
        {
            ["Webhook:ApiKeys:0"] = _key,
            ["Webhook:ApiKeys:1"] = _rotatedKey,
            ["Webhook:MaxBodyBytes"] = MaxBody.ToString(),
        }, output);
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _sink.DisposeAsync();
    }

    private Task<IReadOnlyList<RawOrderEvent>> ReceivedAsync(int count) =>
        _sink.WaitAsync(events => events.Count >= count, TimeSpan.FromSeconds(15));

    [Fact]
    public async Task Post_EnvelopeObject_Returns202AndHandsOffVerbatim()
    {
        var response = await _receiver.PostJsonAsync(_envelope, _key);

        Assert.Equal(HttpStatusCode.Accepted, response.Status);
        var sent = JsonNode.Parse(_envelope)!;
        Assert.Equal([sent["event_id"]!.GetValue<string>()], response.EventIds);
        var received = Assert.Single(await ReceivedAsync(1));
        Assert.Equal(_envelope, received.Payload);
        Assert.Equal(sent["stream_id"]!.GetValue<long>(), received.StreamId);
        Assert.Equal(EventSources.Webhook, received.Source);
    }

    [Fact]
    public async Task Post_EnvelopeArray_Returns202WithOneEventPerItemInOneMessage()
    {
        var events = Hosts.SourceEvents().Skip(20).Take(3).Select(e => e.Json).ToList();
        var response = await _receiver.PostJsonAsync("[" + string.Join(",\n  ", events) + "]", _key);

        Assert.Equal(HttpStatusCode.Accepted, response.Status);
        Assert.Equal(3, response.Json.GetProperty("accepted").GetInt32());
        var received = await ReceivedAsync(3);
        Assert.Equal(events, received.Select(e => e.Payload));
        Assert.Single(_sink.Messages);
    }

    [Theory]
    [InlineData("token")]
    [InlineData("Token")]
    public async Task Post_BareCallbackWithTokenInBody_Returns202WithSynthesisedEnvelope(string tokenName)
    {
        var callback = Webhooks.Callback(312, _key, tokenName);
        var response = await _receiver.PostJsonAsync(callback);   // no header: the body's token authenticates

        Assert.Equal(HttpStatusCode.Accepted, response.Status);
        var received = Assert.Single(await ReceivedAsync(1));
        var envelope = JsonNode.Parse(received.Payload)!;
        Assert.Equal("312", envelope["aggregate_id"]!.GetValue<string>());
        Assert.Equal("orderdetails", envelope["event_type"]!.GetValue<string>());
        Assert.Equal(received.EventId, envelope["event_id"]!.GetValue<string>());
        Assert.Null(received.StreamId);
        // The callback itself is kept byte for byte as raw_payload.
        Assert.Contains("\"raw_payload\":" + callback, received.Payload);
    }

    [Fact]
    public async Task Post_SameBareCallbackTwice_SameEventId()
    {
        var callback = Webhooks.Callback(313, token: null);
        var first = await _receiver.PostJsonAsync(callback, _key);
        var second = await _receiver.PostJsonAsync(callback, _key);
        var other = await _receiver.PostJsonAsync(Webhooks.Callback(314, token: null), _key);
        var keyed = await _receiver.PostJsonAsync(callback, _key, r => r.Headers.Add("X-Idempotency-Key", "petpooja:order:313"));

        Assert.Equal(HttpStatusCode.Accepted, first.Status);
        Assert.Equal(first.EventIds, second.EventIds);
        Assert.NotEqual(first.EventIds, other.EventIds);
        Assert.NotEqual(first.EventIds, keyed.EventIds);
        var received = await ReceivedAsync(4);
        Assert.Equal(received[0].EventId, received[1].EventId);
        Assert.Equal(JsonNode.Parse(received[0].Payload)!["event_id"]!.GetValue<string>(), first.EventIds[0]);
    }

    [Fact]
    public async Task Post_StatusCallback_OrderIdFromProperties()
    {
        const string status = """{"event": "orderstatus", "Token": "", "properties": {"restID": "1c8w7fp500", "orderID": 110, "status": 10}}""";
        var response = await _receiver.PostJsonAsync(status, _key);

        Assert.Equal(HttpStatusCode.Accepted, response.Status);
        var envelope = JsonNode.Parse(Assert.Single(await ReceivedAsync(1)).Payload)!;
        Assert.Equal("110", envelope["aggregate_id"]!.GetValue<string>());
        Assert.Equal("orderstatus", envelope["event_type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong")]
    [InlineData("")]
    public async Task Post_BadHeaderKey_Returns401(string? key)
    {
        var response = await _receiver.PostJsonAsync(_envelope, key);
        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.NotNull(response.Error);
        Assert.Empty(await _sink.WaitAsync(_ => false, TimeSpan.FromMilliseconds(200)));
    }

    [Theory]
    [InlineData("token", "wrong")]
    [InlineData("Token", "wrong")]
    [InlineData("token", "")]
    public async Task Post_BadTokenAndNoHeader_Returns401(string tokenName, string token)
    {
        var response = await _receiver.PostJsonAsync(Webhooks.Callback(315, token, tokenName));
        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
    }

    [Fact]
    public async Task Post_BadKeyAndMalformedBody_Returns401NotTheReason()
    {
        var response = await _receiver.PostJsonAsync("{\"truncated", "wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.DoesNotContain("JSON", response.Error);
    }

    [Fact]
    public async Task Post_EitherOfTwoKeys_Accepted()
    {
        Assert.Equal(HttpStatusCode.Accepted, (await _receiver.PostJsonAsync(_envelope, _key)).Status);
        Assert.Equal(HttpStatusCode.Accepted, (await _receiver.PostJsonAsync(_envelope, _rotatedKey)).Status);
        Assert.Equal(HttpStatusCode.Accepted, (await _receiver.PostJsonAsync(Webhooks.Callback(316, _rotatedKey))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _receiver.PostJsonAsync(_envelope, _key + _rotatedKey)).Status);
        Assert.Equal(3, (await ReceivedAsync(3)).Count);
    }

    [Theory]
    [InlineData("{\"truncated\": ", "malformed JSON")]
    [InlineData("not json at all", "malformed JSON")]
    [InlineData("", "malformed JSON")]
    [InlineData("[]", "expected an event object")]
    [InlineData("42", "expected an event object")]
    [InlineData("[1, 2]", "not an object")]
    [InlineData("{\"hello\": \"world\"}", "neither an event envelope")]
    public async Task Post_MalformedBody_Returns400WithReason(string body, string reason)
    {
        var response = await _receiver.PostJsonAsync(body, _key);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains(reason, response.Error);
    }

    [Theory]
    [InlineData("""{"stream_id": 5, "raw_event": {"raw_payload": {"properties": {"Order": {}}}}}""")]
    [InlineData("""{"stream_id": 5, "aggregate_id": "", "raw_event": "{\"raw_payload\": {\"properties\": {}}}"}""")]
    [InlineData("""{"event": "orderdetails", "token": "", "properties": {"Order": {"total": 10}}}""")]
    [InlineData("""{"event": "orderdetails", "token": "", "properties": {"Order": {"orderID": {"nested": 1}}}}""")]
    [InlineData("""{"event": "orderdetails", "token": "", "properties": {"Order": {"orderID": "   "}}}""")]
    public async Task Post_MissingOrderId_Returns400WithReason(string body)
    {
        var response = await _receiver.PostJsonAsync(body, _key);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("missing order id", response.Error);
    }

    [Fact]
    public async Task Post_ArrayWithOneBadItem_Returns400NamingItAndHandsOffNothing()
    {
        var body = "[" + _envelope + """, {"event": "orderdetails", "properties": {}}]""";
        var response = await _receiver.PostJsonAsync(body, _key);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.StartsWith("[1]: ", response.Error);
        Assert.Empty(await _sink.WaitAsync(_ => false, TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task Post_OverSizeLimitWithContentLength_Returns413()
    {
        var body = """{"pad": """ + JsonSerializer.Serialize(new string('x', MaxBody)) + "}";
        var response = await _receiver.PostJsonAsync(body, _key);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
        Assert.Contains("body over", response.Error);
    }

    [Fact]
    public async Task Post_OverSizeLimitChunked_Returns413()
    {
        var body = """{"pad": """ + JsonSerializer.Serialize(new string('x', MaxBody * 3)) + "}";
        var content = new Webhooks.ChunkedContent(body);
        content.Headers.ContentType = new("application/json");
        var response = await _receiver.PostAsync(content, _key);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
    }

    [Fact]
    public async Task Post_ChunkedWithinLimit_Accepted()
    {
        var content = new Webhooks.ChunkedContent(Encoding.UTF8.GetBytes(_envelope), chunk: 100);
        content.Headers.ContentType = new("application/json");
        Assert.Equal(HttpStatusCode.Accepted, (await _receiver.PostAsync(content, _key)).Status);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/jsonp")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData(null)]
    public async Task Post_WrongContentType_Returns415(string? contentType)
    {
        var response = await _receiver.PostAsync(Webhooks.Bytes(Encoding.UTF8.GetBytes(_envelope), contentType), _key);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.Status);
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON")]
    [InlineData("application/vnd.petpooja+json")]
    public async Task Post_JsonContentTypeVariants_Accepted(string contentType)
    {
        var response = await _receiver.PostAsync(Webhooks.Bytes(Encoding.UTF8.GetBytes(_envelope), contentType), _key);
        Assert.Equal(HttpStatusCode.Accepted, response.Status);
    }

    [Fact]
    public async Task Post_BrokerDown_Returns503WithRetryAfterThenAcceptsOnceItIsBack()
    {
        Assert.Equal(HttpStatusCode.Accepted, (await _receiver.PostJsonAsync(_envelope, _key)).Status);

        var restart = infra.Rabbit.RestartAsync();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await AmqpAnswersAsync(infra.Rabbit.Port) && DateTime.UtcNow < deadline) await Task.Delay(50);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var down = await _receiver.PostJsonAsync(Webhooks.Callback(317, null), _key);
        output.WriteLine($"answered {(int)down.Status} after {watch.Elapsed}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.Status);
        Assert.NotNull(down.Headers.RetryAfter?.Delta);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), "the hand-off timeout bounds the answer");

        await restart;
        // The sender retries as told; once the broker is back the same event is accepted, and it arrives.
        await using var sink = await EventSink.StartAsync(infra.Rabbit.ConnectionString);
        WebhookResponse up;
        deadline = DateTime.UtcNow.AddSeconds(60);
        do up = await _receiver.PostJsonAsync(Webhooks.Callback(317, null), _key);
        while (up.Status == HttpStatusCode.ServiceUnavailable && DateTime.UtcNow < deadline);
        Assert.Equal(HttpStatusCode.Accepted, up.Status);
        var received = await sink.WaitAsync(events => events.Count >= 1, TimeSpan.FromSeconds(15));
        Assert.Contains(received, e => e.EventId == up.EventIds[0]);
    }

    private static async Task<bool> AmqpAnswersAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            return true;
        }
        catch (Exception) { return false; }
    }

    [Fact]
    public async Task Start_NeitherKeysNorSigningSecret_FailsWithClearError()
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            Hosts.StartWebhookAsync(infra.Rabbit.ConnectionString, new Dictionary<string, string?>()));
        Assert.Contains("Webhook:ApiKeys", ex.Message);
    }

    [Fact]
    public async Task Start_SigningSecretNotBase64_FailsWithClearError()
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            Hosts.StartWebhookAsync(infra.Rabbit.ConnectionString, new Dictionary<string, string?> { ["Webhook:SigningSecret"] = "whsec_not base64!" }));
        Assert.Contains("Webhook:SigningSecret", ex.Message);
    }
}
