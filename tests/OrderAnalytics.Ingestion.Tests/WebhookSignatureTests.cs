using System.Net;
using OrderAnalytics.Ingestion.Tests.Infrastructure;

namespace OrderAnalytics.Ingestion.Tests;

/// <summary>Standard Webhooks signatures (webhook-id, webhook-timestamp, webhook-signature: v1,HMAC-SHA256) over real HTTP.</summary>
[Collection(BrokerCollection.Name)]
public sealed class WebhookSignatureTests(IngestionInfrastructure infra, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _secret = Webhooks.NewSigningSecret();
    private readonly string _body = Hosts.SourceEvents()[3].Json;
    private TestApp _receiver = null!;

    public async Task InitializeAsync() =>
        _receiver = await Hosts.StartWebhookAsync(infra.Rabbit.ConnectionString,
            new Dictionary<string, string?> { ["Webhook:SigningSecret"] = _secret }, output);

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task Post_ValidSignature_Returns202WithoutApiKey()
    {
        var response = await _receiver.PostJsonAsync(_body, configure: Webhooks.Sign(_secret, _body));
        Assert.Equal(HttpStatusCode.Accepted, response.Status);
    }

    [Fact]
    public async Task Post_SignatureAmongSeveral_Accepted()
    {
        var sign = Webhooks.Sign(_secret, _body);
        var response = await _receiver.PostJsonAsync(_body, configure: request =>
        {
            sign(request);
            var valid = request.Headers.GetValues("webhook-signature").Single();
            request.Headers.Remove("webhook-signature");
            request.Headers.Add("webhook-signature", $"v1,AAAA v1a,bm90IGl0 {valid}");
        });
        Assert.Equal(HttpStatusCode.Accepted, response.Status);
    }

    [Fact]
    public async Task Post_TamperedBody_Returns401()
    {
        var tampered = _body.Replace("\"stream_id\":", "\"stream_id\": ");
        var response = await _receiver.PostJsonAsync(tampered, configure: Webhooks.Sign(_secret, _body));
        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("no valid v1 signature", response.Error);
    }

    [Fact]
    public async Task Post_OtherSecret_Returns401()
    {
        var response = await _receiver.PostJsonAsync(_body, configure: Webhooks.Sign(Webhooks.NewSigningSecret(), _body));
        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
    }

    [Theory]
    [InlineData(-6 * 60)]
    [InlineData(+6 * 60)]
    [InlineData(-24 * 3600)]
    public async Task Post_TimestampOutsideFiveMinutes_Returns401(int offsetSeconds)
    {
        var response = await _receiver.PostJsonAsync(_body,
            configure: Webhooks.Sign(_secret, _body, DateTimeOffset.UtcNow.AddSeconds(offsetSeconds)));
        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Contains("tolerance", response.Error);
    }

    [Fact]
    public async Task Post_TimestampWithinFiveMinutes_Accepted()
    {
        var response = await _receiver.PostJsonAsync(_body, configure: Webhooks.Sign(_secret, _body, DateTimeOffset.UtcNow.AddMinutes(-4)));
        Assert.Equal(HttpStatusCode.Accepted, response.Status);
    }

    [Theory]
    [InlineData("99999999999999999", "tolerance")]
    [InlineData("-99999999999999999", "timestamp")]
    [InlineData("9223372036854775807", "tolerance")]
    [InlineData("1e9", "timestamp")]
    [InlineData("soon", "timestamp")]
    public async Task Post_AbsurdTimestamp_Returns401NotServerError(string timestamp, string reason)
    {
        var response = await _receiver.PostJsonAsync(_body, configure: request =>
        {
            request.Headers.Add("webhook-id", "msg_1");
            request.Headers.Add("webhook-timestamp", timestamp);
            request.Headers.Add("webhook-signature", "v1,AAAA");
        });
        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Contains(reason, response.Error);
    }

    [Theory]
    [InlineData("webhook-id")]
    [InlineData("webhook-timestamp")]
    [InlineData("webhook-signature")]
    public async Task Post_MissingSignatureHeader_Returns401(string header)
    {
        var sign = Webhooks.Sign(_secret, _body);
        var response = await _receiver.PostJsonAsync(_body, configure: request =>
        {
            sign(request);
            request.Headers.Remove(header);
        });
        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Contains("missing", response.Error);
    }

    [Theory]
    [InlineData("v1,not base64 at all!")]
    [InlineData("v1,")]
    [InlineData("v2,AAAA")]
    [InlineData(",,,,")]
    public async Task Post_GarbledSignature_Returns401(string signature)
    {
        var sign = Webhooks.Sign(_secret, _body);
        var response = await _receiver.PostJsonAsync(_body, configure: request =>
        {
            sign(request);
            request.Headers.Remove("webhook-signature");
            request.Headers.TryAddWithoutValidation("webhook-signature", signature);
        });
        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
    }

    [Fact]
    public async Task Post_KeysAndSecretConfigured_BothRequired()
    {
        var key = Hosts.NewKey();
        await using var both = await Hosts.StartWebhookAsync(infra.Rabbit.ConnectionString,
            new Dictionary<string, string?> { ["Webhook:SigningSecret"] = _secret, ["Webhook:ApiKeys:0"] = key }, output);

        Assert.Equal(HttpStatusCode.Unauthorized, (await both.PostJsonAsync(_body, configure: Webhooks.Sign(_secret, _body))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await both.PostJsonAsync(_body, key)).Status);
        Assert.Equal(HttpStatusCode.Accepted, (await both.PostJsonAsync(_body, key, Webhooks.Sign(_secret, _body))).Status);
    }
}
