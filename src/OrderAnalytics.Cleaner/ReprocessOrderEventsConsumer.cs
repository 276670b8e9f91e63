using MassTransit;
using Npgsql;
using OrderAnalytics.Contracts;
using OrderAnalytics.Messaging;

namespace OrderAnalytics.Cleaner;

/// <summary>
/// Re-runs stored raw events through the pipeline after a menu, alias or rule change: all of them, or only those
/// of orders that contain the given raw item names. The loader lets a replayed event overwrite the same version.
/// </summary>
public sealed class ReprocessOrderEventsConsumer(NpgsqlDataSource db, MatcherProvider matchers, ILogger<ReprocessOrderEventsConsumer> logger)
    : IConsumer<ReprocessOrderEvents>
{
    private const int BatchSize = 500;

    public async Task Consume(ConsumeContext<ReprocessOrderEvents> context)
    {
        var ct = context.CancellationToken;
        await matchers.RefreshAsync(ct);
        var names = context.Message.RawNames;
        await using var cmd = db.CreateCommand(names is { Count: > 0 }
            ? """
              SELECT r.event_id, r.stream_id, r.received_at, r.payload FROM raw_events r
              WHERE EXISTS (SELECT 1 FROM order_items i JOIN restaurants re ON re.restaurant_id = i.restaurant_id
                            WHERE re.petpooja_restid = r.restaurant_ref AND i.order_id = r.order_id
                              AND (i.name_raw = ANY($1) OR i.normalised_name = ANY($1)))
              ORDER BY r.stream_id NULLS LAST, r.event_id
              """
            : "SELECT event_id, stream_id, received_at, payload FROM raw_events ORDER BY stream_id NULLS LAST, event_id");
        if (names is { Count: > 0 }) cmd.Parameters.Add(new() { Value = names.ToArray() });

        var batch = new List<RawOrderEvent>(BatchSize);
        var total = 0;
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            batch.Add(new RawOrderEvent(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), EventSources.Replay,
                reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3)));
            if (batch.Count == BatchSize) total += await PublishAsync(context, batch);
        }
        total += await PublishAsync(context, batch);
        logger.LogInformation("Reprocessing {Events} events ({Reason})", total, context.Message.Reason);
    }

    private static async Task<int> PublishAsync(ConsumeContext context, List<RawOrderEvent> batch)
    {
        if (batch.Count == 0) return 0;
        var count = batch.Count;
        await context.Publish(new OrderEventsReceived(NewId.NextGuid(), batch.ToList()), context.CancellationToken);
        batch.Clear();
        return count;
    }
}

public sealed class ReprocessOrderEventsConsumerDefinition : ConsumerDefinition<ReprocessOrderEventsConsumer>
{
    public ReprocessOrderEventsConsumerDefinition()
    {
        EndpointName = Queues.ReprocessOrderEvents;
        ConcurrentMessageLimit = 1;   // one replay at a time; each streams the whole landing table
    }
}
