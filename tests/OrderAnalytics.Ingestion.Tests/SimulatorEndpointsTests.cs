using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OrderAnalytics.Ingestion.Tests.Infrastructure;
using OrderAnalytics.Simulator;

namespace OrderAnalytics.Ingestion.Tests;

/// <summary>The simulator host honours shared/spec/upstream.md over real HTTP.</summary>
public sealed class SimulatorEndpointsTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _key = Hosts.NewKey();
    private TestApp _sim = null!;

    public async Task InitializeAsync() => _sim = await Hosts.StartSimulatorAsync(_key, output: output);

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    private async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> GetAsync(string path, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null) request.Headers.Add("X-API-Key", key);
        var response = await _sim.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), response);
    }

    [Theory]
    [InlineData(null, "Authentication credentials were not provided.")]
    [InlineData("wrong-key", "Invalid API key.")]
    [InlineData("", "Authentication credentials were not provided.")]
    public async Task GetOrders_WithoutValidKey_Returns401WithJsonDetail(string? key, string detail)
    {
        var (status, body, _) = await GetAsync("/analytics/orders/?limit=5", key);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(detail, body.GetProperty("detail").GetString());
        Assert.False(body.TryGetProperty("data", out _));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("501")]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("99999999999")]
    public async Task GetOrders_LimitOutsideOneTo500_Returns400WithDetail(string limit)
    {
        var (status, body, _) = await GetAsync($"/analytics/orders/?limit={limit}", _key);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("limit", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task GetOrders_NonNumericCursor_Returns400WithDetail()
    {
        var (status, body, _) = await GetAsync("/analytics/orders/?limit=5&cursor=abc", _key);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("cursor", body.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(500)]
    public async Task GetOrders_LimitAtBounds_ServesThatMany(int limit)
    {
        var (status, body, _) = await GetAsync($"/analytics/orders/?limit={limit}", _key);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(limit, body.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task GetOrders_NoLimit_ServesTheDefaultPage()
    {
        var (_, body, _) = await GetAsync("/analytics/orders/", _key);
        Assert.Equal(SimulatorEndpoints.DefaultPageSize, body.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task GetOrders_PagedByLastStreamId_ServesTheWholeSourceInOrderWithTotal()
    {
        var source = Hosts.SourceEvents();
        var served = new List<string>();
        long cursor = 0;
        while (true)
        {
            var (status, body, _) = await GetAsync($"/analytics/orders/?limit=97&cursor={cursor}", _key);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(source.Count, body.GetProperty("total").GetInt64());
            var data = body.GetProperty("data").EnumerateArray().ToList();
            served.AddRange(data.Select(e => e.GetRawText()));
            if (data.Count < 97) break;
            cursor = data[^1].GetProperty("stream_id").GetInt64();
        }
        Assert.Equal(source.Select(e => e.Json), served);
    }

    [Fact]
    public async Task GetOrders_CursorBeyondEnd_ReturnsEmptyData()
    {
        var total = Hosts.SourceEvents().Count;
        foreach (var cursor in new long[] { total, total + 1, long.MaxValue })
        {
            var (status, body, _) = await GetAsync($"/analytics/orders/?limit=10&cursor={cursor}", _key);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(0, body.GetProperty("data").GetArrayLength());
            Assert.Equal(total, body.GetProperty("total").GetInt64());
        }
    }

    [Fact]
    public async Task GetOrders_WithoutTrailingSlash_AlsoServed()
    {
        var (status, body, _) = await GetAsync("/analytics/orders?limit=3", _key);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(3, body.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task GetOrders_RateLimitFault_Returns429WithRetryAfter()
    {
        await _sim.SetFaultsAsync(_key, new FaultOptions { RateLimitEvery = 2, RetryAfterSeconds = 7 });
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/analytics/orders/?limit=1", _key)).Status);
        var (status, _, response) = await GetAsync("/analytics/orders/?limit=1", _key);
        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
        Assert.Equal(new FaultStats(2, 0, 1, 0, 0, 0), await _sim.GetStatsAsync(_key));
    }

    [Fact]
    public async Task SimulatorEndpoints_WithoutKey_Return401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync("/simulator/truth", null)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync("/simulator/stats", "nope")).Status);
        using var put = new HttpRequestMessage(HttpMethod.Put, "/simulator/faults") { Content = System.Net.Http.Json.JsonContent.Create(new FaultOptions()) };
        Assert.Equal(HttpStatusCode.Unauthorized, (await _sim.Client.SendAsync(put)).StatusCode);
    }

    [Fact]
    public async Task Truth_WithKey_MatchesTheStream()
    {
        var (status, body, _) = await GetAsync("/simulator/truth", _key);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(Hosts.SourceEvents().Count, body.GetProperty("lastStreamId").GetInt64());
    }

    [Fact]
    public async Task Start_WithoutApiKey_FailsWithClearError()
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => Hosts.StartSimulatorAsync(""));
        Assert.Contains("Simulator:ApiKey", ex.Message);
    }
}
