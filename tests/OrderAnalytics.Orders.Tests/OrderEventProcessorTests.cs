using OrderAnalytics.Contracts;

namespace OrderAnalytics.Orders.Tests;

public partial class OrderEventProcessorTests
{
    private readonly OrderEventProcessor _processor = new(new OrderEventParser(), new OrderCleaner(new FixedTime()));

    [Fact]
    public void Process_OrderEvent_ParsedAndCleaned()
    {
        var raw = Fixture.RawFile("webhook_envelope.json");
        var e = _processor.Process(raw);
        Assert.Equal(EventOutcomes.Order, e.Outcome);
        Assert.Same(raw, e.Raw);
        Assert.Equal(new DateOnly(2025, 6, 8), e.Order!.BusinessDate);
        Assert.Equal("name:asha testwala|sector 66", e.Order.Customer!.CustomerKey);
        Assert.Null(e.Reason);
    }

    [Fact]
    public void Process_StatusEvent_PassedThrough()
    {
        var e = _processor.Process(Fixture.RawFile("status_envelope.json"));
        Assert.Equal(EventOutcomes.Status, e.Outcome);
        Assert.Equal(-1, e.Status!.Code);
        Assert.Null(e.Order);
    }

    [Fact]
    public void Process_BadEvent_Quarantined()
    {
        var e = _processor.Process(Fixture.Raw("{not json"));
        Assert.Equal(EventOutcomes.Quarantined, e.Outcome);
        Assert.StartsWith("payload: not valid JSON", e.Reason);
    }

    [Fact]
    public void Process_Batch_OneOutcomePerEventInOrder()
    {
        var batch = new[]
        {
            Fixture.RawFile("webhook_envelope.json"),
            Fixture.Raw("[]"),
            Fixture.RawFile("status_callback.json"),
            Fixture.RawFile("pull_envelope.json"),
        };
        var results = _processor.Process(batch);
        Assert.Equal(new[] { EventOutcomes.Order, EventOutcomes.Quarantined, EventOutcomes.Status, EventOutcomes.Order },
            results.Select(r => r.Outcome));
        Assert.All(results.Zip(batch), p => Assert.Same(p.Second, p.First.Raw));
    }

    [Fact]
    public void Process_InParallel_SameResultsAsSequential()
    {
        var raws = new[] { "webhook_envelope.json", "pull_envelope.json", "bare_callback.json", "status_callback.json", "test_order.json" }
            .Select(Fixture.RawFile).ToArray();
        var expected = raws.Select(r => System.Text.Json.JsonSerializer.Serialize(_processor.Process(r) with { Raw = null! })).ToArray();
        var mismatches = 0;
        Parallel.For(0, 2000, i =>
        {
            var actual = System.Text.Json.JsonSerializer.Serialize(_processor.Process(raws[i % raws.Length]) with { Raw = null! });
            if (actual != expected[i % raws.Length]) Interlocked.Increment(ref mismatches);
        });
        Assert.Equal(0, mismatches);
    }
}
