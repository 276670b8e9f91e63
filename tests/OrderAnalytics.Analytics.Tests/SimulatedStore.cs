using System.Text.Json;
using Npgsql;
using OrderAnalytics.Contracts;
using OrderAnalytics.Loading;
using OrderAnalytics.Matching;
using OrderAnalytics.Orders;
using OrderAnalytics.Simulation;
using MatchingCatalog = OrderAnalytics.Matching.MenuCatalog;

namespace OrderAnalytics.Analytics.Tests;

/// <summary>
/// Fills an order store as the pipeline would: simulator pages → parser and cleaner → menu matcher → batch writer.
/// Shared by the tests and the benchmark (linked there).
/// </summary>
public static class SimulatedStore
{
    public static readonly byte[] PseudonymKey = "analytics-tests-pseudonym-key-32"u8.ToArray();

    private static readonly DateTimeOffset Received = new(2026, 1, 10, 0, 0, 0, TimeSpan.Zero);

    /// <returns>Events written.</returns>
    public static async Task<long> LoadAsync(NpgsqlDataSource db, OrderStream stream, string menuCsv, int batchSize = 2000,
        Action<long>? progress = null, CancellationToken ct = default)
    {
        var processor = new OrderEventProcessor();
        var matcher = new MenuMatcher(MatchingCatalog.Load(menuCsv));
        var writer = new OrderBatchWriter(db, new ReferenceCache(db), PseudonymKey);
        long written = 0;
        Task? pending = null;
        foreach (var chunk in stream.ReadAll().Chunk(batchSize))
        {
            // Clean the next batch while the previous one is being written (the writes stay in stream order).
            var cleaned = new CleanedEvent[chunk.Length];
            Parallel.For(0, chunk.Length, i => cleaned[i] = Clean(processor, matcher, chunk[i]));
            if (pending is not null) await pending;
            pending = writer.WriteAsync(cleaned, replay: false, ct);
            written += chunk.Length;
            progress?.Invoke(written);
        }
        if (pending is not null) await pending;
        return written;
    }

    private static CleanedEvent Clean(OrderEventProcessor processor, MenuMatcher matcher, SimulatedEvent e)
    {
        var cleaned = processor.Process(new RawOrderEvent(EventIdOf(e), e.StreamId, EventSources.Backfill, Received, e.Json));
        if (cleaned.Order is not { } order) return cleaned;
        var items = order.Items.Select(i => i with { Match = matcher.Match(i.NameRaw, i.PetpoojaItemId).ToContract() }).ToList();
        return cleaned with { Order = order with { Items = items } };
    }

    /// <summary>The envelope's event_id, as the fetcher takes it.</summary>
    private static string EventIdOf(SimulatedEvent e)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(e.Json));
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("event_id"u8))
            {
                reader.Read();
                return reader.TokenType == JsonTokenType.String ? reader.GetString()! : $"stream:{e.StreamId}";
            }
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= 1) reader.Skip();
        }
        return $"stream:{e.StreamId}";
    }
}
