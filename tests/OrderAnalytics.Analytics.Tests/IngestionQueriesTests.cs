namespace OrderAnalytics.Analytics.Tests;

[Collection(AnalyticsCollection.Name)]
public sealed class IngestionQueriesTests(AnalyticsFixture fx)
{
    [Fact]
    public async Task IngestionStatus_AfterBackfill_CountsOrdersAndEventOutcomes()
    {
        var data = await fx.DataAsync("{ ingestionStatus { orders openReviewItems outcomes { outcome events } } }");
        var status = data.GetProperty("ingestionStatus");
        var truth = fx.Stream.Truth();

        Assert.Equal(truth.DistinctOrders, status.Long("orders"));
        Assert.Equal(truth.TotalEvents, status.Items("outcomes").Sum(o => o.Long("events")));
        Assert.Equal(truth.MalformedEvents, status.Items("outcomes").Single(o => o.Str("outcome") == "quarantined").Long("events"));
        Assert.Equal(truth.MalformedEvents, status.Long("openReviewItems"));
    }
}
