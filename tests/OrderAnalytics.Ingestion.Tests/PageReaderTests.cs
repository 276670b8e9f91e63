using System.Text;
using OrderAnalytics.Fetcher;
using OrderAnalytics.Ingestion.Tests.Infrastructure;
using OrderAnalytics.Simulator;

namespace OrderAnalytics.Ingestion.Tests;

public class PageReaderTests
{
    private static bool Read(string json, out UpstreamPage page, out string error) =>
        PageReader.TryRead(Encoding.UTF8.GetBytes(json), out page, out error);

    private const string Event1 = """{"stream_id": 11, "event_id": "e-11", "occurred_at": "2026-01-03T17:40:38.027940+00:00", "raw_event": {}}""";
    private const string Event2 = """{"stream_id": 12, "event_id": "e-12", "raw_event": "{\"raw_payload\": {}}"}""";

    [Fact]
    public void TryRead_DataAndTotal_ReadsEventsAndTotal()
    {
        Assert.True(Read($$"""{"data": [{{Event1}}, {{Event2}}], "total": 250}""", out var page, out var error), error);
        Assert.Equal([11L, 12L], page.Events.Select(e => e.StreamId));
        Assert.Equal(["e-11", "e-12"], page.Events.Select(e => e.EventId));
        Assert.Equal(250, page.Total);
    }

    [Fact]
    public void TryRead_DataAndCount_ReadsCountAsTotal()
    {
        Assert.True(Read($$"""{"count": 7, "data": [{{Event1}}]}""", out var page, out _));
        Assert.Equal(7, page.Total);
    }

    [Fact]
    public void TryRead_NeitherTotalNorCount_TotalIsNull()
    {
        Assert.True(Read($$"""{"data": [{{Event1}}]}""", out var page, out _));
        Assert.Null(page.Total);
        Assert.Single(page.Events);
    }

    [Fact]
    public void TryRead_TotalAndCount_PrefersTotal()
    {
        Assert.True(Read("""{"data": [], "count": 3, "total": 5}""", out var page, out _));
        Assert.Equal(5, page.Total);
    }

    [Theory]
    [InlineData("\"42\"", 42L)]
    [InlineData("null", null)]
    [InlineData("\"many\"", null)]
    [InlineData("4.5", null)]
    public void TryRead_OddTotal_ReadWhereNumericElseNull(string total, long? expected)
    {
        Assert.True(Read($$"""{"data": [], "total": {{total}}}""", out var page, out _));
        Assert.Equal(expected, page.Total);
    }

    [Fact]
    public void TryRead_EmptyData_IsAnEmptyPage()
    {
        Assert.True(Read("""{"data": [], "total": 0}""", out var page, out _));
        Assert.Empty(page.Events);
    }

    [Fact]
    public void TryRead_StreamIdAsString_Accepted()
    {
        Assert.True(Read("""{"data": [{"stream_id": "111", "raw_event": null}]}""", out var page, out _));
        Assert.Equal(111, page.Events[0].StreamId);
    }

    [Fact]
    public void TryRead_MissingStreamId_FailsNamingTheEvent()
    {
        Assert.False(Read($$$"""{"data": [{{{Event1}}}, {"event_id": "x", "raw_event": {}}]}""", out var page, out var error));
        Assert.Contains("[1]", error);
        Assert.Contains("stream_id", error);
        Assert.Empty(page.Events);
    }

    [Theory]
    [InlineData("\"abc\"")]
    [InlineData("1.5")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("true")]
    [InlineData("99999999999999999999999")]
    public void TryRead_NonIntegerStreamId_Fails(string streamId)
    {
        Assert.False(Read("{\"data\": [{\"stream_id\": " + streamId + "}]}", out _, out var error));
        Assert.Contains("stream_id", error);
    }

    [Theory]
    [InlineData("[1]")]
    [InlineData("[\"text\"]")]
    [InlineData("[null]")]
    [InlineData("[[{\"stream_id\": 1}]]")]
    public void TryRead_EventNotAnObject_Fails(string data)
    {
        Assert.False(Read($$"""{"data": {{data}}}""", out _, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"data\": [{\"stream_id\": 1}")]                  // truncated
    [InlineData("{\"data\": [{\"stream_id\": 1}], \"total\": 1")]   // truncated at the very end
    [InlineData("{\"data\": [{\"stream_id\": 1,}]}")]               // trailing comma
    [InlineData("{\"data\": [{\"stream_id\": 1}]} trailing")]
    public void TryRead_InvalidJson_FailsAsInvalidJson(string body)
    {
        Assert.False(Read(body, out var page, out var error));
        Assert.StartsWith("invalid JSON", error);
        Assert.Empty(page.Events);
    }

    [Fact]
    public void TryRead_InvalidUtf8_Fails()
    {
        var body = Encoding.UTF8.GetBytes("""{"data": [{"stream_id": 1, "x": "AB"}]}""");
        body[Array.IndexOf(body, (byte)'A')] = 0xFF;
        Assert.False(PageReader.TryRead(body, out _, out var error));
        Assert.StartsWith("invalid JSON", error);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("{\"data\": {}}")]
    [InlineData("{\"data\": null}")]
    [InlineData("{\"results\": []}")]
    [InlineData("null")]
    public void TryRead_NoDataArray_Fails(string body)
    {
        Assert.False(Read(body, out _, out var error));
        Assert.Equal("no \"data\" array", error);
    }

    [Fact]
    public void TryRead_EventText_KeptVerbatim()
    {
        const string odd = """{ "stream_id" : 5,  "raw_event": {"name": "Belgium Chocolate \u0026 Caf\u00e9 ₹", "n": 1.50} }""";
        Assert.True(Read($$"""{"data": [{{odd}}]}""", out var page, out _));
        Assert.Equal(odd, page.Events[0].Json);
    }

    [Fact]
    public void TryRead_MissingOrOddEventIdAndOccurredAt_AreNull()
    {
        Assert.True(Read("""{"data": [{"stream_id": 1}, {"stream_id": 2, "event_id": 7, "occurred_at": "yesterday"}, {"stream_id": 3, "event_id": ""}]}""",
            out var page, out _));
        Assert.All(page.Events, e => Assert.Null(e.EventId));
        Assert.All(page.Events, e => Assert.Null(e.OccurredAt));
    }

    [Fact]
    public void TryRead_OccurredAt_ParsedAsUtc()
    {
        Assert.True(Read($$"""{"data": [{{Event1}}]}""", out var page, out _));
        Assert.Equal(new DateTimeOffset(2026, 1, 3, 17, 40, 38, 27, TimeSpan.Zero).AddTicks(9400), page.Events[0].OccurredAt);
    }

    [Fact]
    public void TryRead_SimulatorPage_EveryEventRoundTrips()
    {
        var source = Hosts.SourceEvents().Take(300).ToList();
        var body = Encoding.UTF8.GetBytes(SimulatorEndpoints.Render(source, 12345));

        Assert.True(PageReader.TryRead(body, out var page, out var error), error);
        Assert.Equal(12345, page.Total);
        Assert.Equal(source.Select(e => (e.StreamId, e.Json)), page.Events.Select(e => (e.StreamId, e.Json)));
        Assert.All(page.Events, e => Assert.NotNull(e.EventId));
    }
}
