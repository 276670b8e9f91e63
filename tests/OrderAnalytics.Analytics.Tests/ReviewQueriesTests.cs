namespace OrderAnalytics.Analytics.Tests;

[Collection(AnalyticsCollection.Name)]
public sealed class ReviewQueriesTests(AnalyticsFixture fx)
{
    private const string Query = """
        { reviewQueue(limit: 500) { normalisedName rawNames decision bestScore lines quantity exampleOrderIds firstSeen lastSeen } }
        """;

    [Fact]
    public async Task ReviewQueue_WholeStream_ListsEveryUnresolvedNameOnceWithExamples()
    {
        var queue = (await fx.DataAsync(Query)).Items("reviewQueue").ToList();

        var expectedLines = await fx.ScalarAsync<long>("""
            SELECT count(*) FROM order_items i JOIN orders o USING (restaurant_id, order_id)
            WHERE i.match_decision IN ('review', 'unmatched') AND NOT o.is_test
            """);
        Assert.NotEmpty(queue);
        Assert.Equal(expectedLines, queue.Sum(q => q.Long("lines")));
        Assert.Equal(queue.Count, queue.Select(q => (q.Str("normalisedName"), q.Str("decision"))).Distinct().Count());
        Assert.True(queue.Zip(queue.Skip(1)).All(p => p.First.Long("lines") >= p.Second.Long("lines")), "most frequent first");
        Assert.All(queue, q =>
        {
            Assert.Contains(q.Str("decision"), new[] { "review", "unmatched" });
            Assert.InRange(q.Items("rawNames").Count(), 1, 5);
            Assert.InRange(q.Items("exampleOrderIds").Count(), 1, 3);
        });
    }

    [Fact]
    public async Task ReviewQueue_NameGivenAVerifiedAlias_LeavesTheQueueAndCountsForItsMenuItem()
    {
        var before = (await fx.DataAsync(Query)).Items("reviewQueue").First();
        var name = before.Str("normalisedName");
        var menuItemId = await fx.ScalarAsync<long>("SELECT min(menu_item_id) FROM menu_items");
        var itemsBefore = await fx.DataAsync("{ topItems(level: VARIANT, limit: 500) { menuItemId lines } }");
        var linesBefore = itemsBefore.Items("topItems").Where(i => i.Long("menuItemId") == menuItemId).Sum(i => i.Long("lines"));
        await fx.ScalarAsync<int>("INSERT INTO menu_aliases (normalised_name, menu_item_id, verified_by, created_at) VALUES ($1, $2, 'test', now())",
            name, menuItemId);
        try
        {
            var after = (await fx.DataAsync(Query)).Items("reviewQueue");
            Assert.DoesNotContain(after, q => q.Str("normalisedName") == name);

            // Success lines of that name now count for the aliased menu item.
            var successLines = await fx.ScalarAsync<long>("""
                SELECT count(*) FROM order_items i JOIN orders o USING (restaurant_id, order_id)
                WHERE i.normalised_name = $1 AND o.order_status = 'Success' AND NOT o.is_test
                """, name);
            var itemsAfter = await fx.DataAsync("{ topItems(level: VARIANT, limit: 500) { menuItemId lines } }");
            Assert.Equal(linesBefore + successLines, itemsAfter.Items("topItems").Where(i => i.Long("menuItemId") == menuItemId).Sum(i => i.Long("lines")));
        }
        finally
        {
            await fx.ScalarAsync<int>("DELETE FROM menu_aliases WHERE normalised_name = $1", name);
        }
    }
}
