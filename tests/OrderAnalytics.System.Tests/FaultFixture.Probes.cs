using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Aspire.Hosting.Testing;
using Npgsql;

namespace OrderAnalytics.System.Tests;

/// <summary>What the fault tests count with: the simulator's truth, the fetcher's progress, GraphQL and the store itself.</summary>
public abstract partial class FaultFixture
{
    public async Task<StreamTruth> TruthAsync()
    {
        using var simulator = Client("simulator");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/simulator/truth");
        request.Headers.Add("X-API-Key", UpstreamKey);
        using var response = await simulator.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var truth = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new StreamTruth(
            truth.GetProperty("lastStreamId").GetInt64(),
            truth.GetProperty("totalEvents").GetInt64(),
            truth.GetProperty("orders").GetInt64(),
            truth.GetProperty("days").EnumerateArray().ToDictionary(
                d => d.GetProperty("businessDate").GetString()!, d => d.GetProperty("revenue").GetDecimal()));
    }

    /// <summary>Slows every upstream page down, so a backfill lasts long enough to hit it with a fault mid-way.</summary>
    public async Task SetUpstreamDelayAsync(TimeSpan perPage)
    {
        using var simulator = Client("simulator");
        using var request = new HttpRequestMessage(HttpMethod.Put, "/simulator/faults")
        {
            Content = JsonContent.Create(new { delayMilliseconds = (int)perPage.TotalMilliseconds, delayEvery = 1 }),
        };
        request.Headers.Add("X-API-Key", UpstreamKey);
        using var response = await simulator.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>POST /sync?full=true on the fetcher: the whole upstream stream from stream id 0.</summary>
    public async Task StartFullBackfillAsync()
    {
        using var fetcher = Client("fetcher");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/sync?full=true");
        request.Headers.Add("X-API-Key", AdminKey);
        using var response = await fetcher.SendAsync(request);
        Assert.Equal(global::System.Net.HttpStatusCode.Accepted, response.StatusCode);
    }

    /// <summary>GET /sync on the fetcher: cursor, pages and events fetched, whether a sync runs, the last error.</summary>
    public async Task<FetcherStatus> FetcherStatusAsync()
    {
        using var fetcher = Client("fetcher");
        var status = await fetcher.GetFromJsonAsync<JsonElement>("/sync");
        return new FetcherStatus(status.GetProperty("cursor").GetInt64(), status.GetProperty("events").GetInt64(),
            status.GetProperty("running").GetBoolean(), status.GetProperty("lastError").GetString());
    }

    public async Task<IngestionCounts> IngestionAsync()
    {
        var status = (await GraphQLAsync("{ ingestionStatus { orders outcomes { outcome events } } }")).GetProperty("ingestionStatus");
        return new IngestionCounts(
            status.GetProperty("orders").GetInt64(),
            status.GetProperty("outcomes").EnumerateArray().ToDictionary(
                o => o.GetProperty("outcome").GetString()!, o => o.GetProperty("events").GetInt64()));
    }

    public async Task<Dictionary<string, decimal>> RevenueByDayAsync()
    {
        var data = await GraphQLAsync("{ dailyRevenue { businessDate revenue } }");
        return data.GetProperty("dailyRevenue").EnumerateArray()
            .ToDictionary(d => d.GetProperty("businessDate").GetString()!, d => d.GetProperty("revenue").GetDecimal());
    }

    /// <summary>
    /// Waits until every event of the backfill has an outcome, then checks the books balance: events in = events with an
    /// outcome (order, status, ignored, quarantined), each stream id once; exactly the simulator's orders, each day's
    /// revenue as generated (so every order is stored in its newest version, once); nothing parked in an _error queue.
    /// </summary>
    public async Task<IngestionCounts> AssertBackfillLandedAsync(StreamTruth truth, TimeSpan timeout)
    {
        // At or past the target ends the wait: an overshoot (a duplicate) fails below instead of timing out.
        var counts = await EventuallyAsync(IngestionAsync, c => c.Events >= truth.TotalEvents && c.Orders >= truth.Orders,
            timeout, TimeSpan.FromSeconds(2));
        if (counts.Events != truth.TotalEvents || counts.Orders != truth.Orders)
            Assert.Fail($"expected {truth.Orders} orders from {truth.TotalEvents} events, got {counts}\n{await BrokerReportAsync()}");
        Assert.Equal(truth.TotalEvents, await CountAsync("SELECT count(DISTINCT stream_id) FROM raw_events WHERE source = 'backfill'"));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM review_items WHERE kind = 'fault'"));

        var revenue = await RevenueByDayAsync();
        var wrongDays = truth.RevenueByDay.Where(d => revenue.GetValueOrDefault(d.Key) != d.Value)
            .Select(d => $"{d.Key}: expected {d.Value}, got {revenue.GetValueOrDefault(d.Key)}").ToList();
        Assert.True(wrongDays.Count == 0, "daily revenue differs from the simulator's truth:\n" + string.Join("\n", wrongDays.Take(10)));
        return counts;
    }

    /// <summary>
    /// What RabbitMQ says about its queues, connections and channels (rabbitmqctl against this system's node), for the
    /// message of a failed test: which queue holds the missing messages, whether it has a consumer, whether a connection is blocked.
    /// </summary>
    public async Task<string> BrokerReportAsync()
    {
        var report = new StringBuilder("RabbitMQ:\n");
        string[][] commands =
        [
            ["list_unresponsive_queues", "--queue-timeout", "5000", "name", "pid"],
            ["list_queues", "name", "type", "messages", "messages_unacknowledged", "consumers"],
            ["list_connections", "name", "state", "channels"],
            ["list_channels", "connection", "number", "consumer_count", "messages_unacknowledged"],
            // Where each queue process is: a queue that no longer answers shows what it waits on.
            // (A quorum queue's "pid" is its Raft server id, {Name, Node}: the process is the registered Name.)
            ["eval", "[{element(4, amqqueue:get_name(Q)), catch erlang:process_info(case amqqueue:get_pid(Q) of " +
                     "{N, _} -> whereis(N); P -> P end, [status, message_queue_len, current_stacktrace])} || Q <- rabbit_amqqueue:list()]."],
        ];
        foreach (var command in commands)
        {
            var start = new ProcessStartInfo("/usr/lib/rabbitmq/bin/rabbitmqctl")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in (string[])["-n", $"oa-rabbit-{RabbitMqPort}@localhost", "-q", "--timeout", "20", .. command])
                start.ArgumentList.Add(argument);
            start.Environment["HOME"] = Path.Combine(DataDir, "rabbitmq", "home");   // the node's Erlang cookie
            start.Environment["ERL_EPMD_PORT"] = EpmdPort.ToString(CultureInfo.InvariantCulture);
            using var process = Process.Start(start)!;
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(40));
                // Both streams at once: a full stderr pipe would otherwise block the tool while stdout is read.
                var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
                var errors = process.StandardError.ReadToEndAsync(timeout.Token);
                await process.WaitForExitAsync(timeout.Token);
                report.Append("$ rabbitmqctl ").AppendLine(string.Join(' ', command)).Append(await output).Append(await errors);
            }
            catch (Exception ex)
            {
                if (!process.HasExited) process.Kill(entireProcessTree: true);
                report.Append("$ rabbitmqctl ").Append(string.Join(' ', command)).Append(": ").AppendLine(ex.Message);
            }
        }
        return report.ToString();
    }

    /// <summary>POST /webhooks/petpooja with the webhook key: the status code and, when accepted, the event ids handed off.</summary>
    public async Task<WebhookAnswer> PostWebhookAsync(string body)
    {
        using var webhook = Client("webhook");
        using var post = new HttpRequestMessage(HttpMethod.Post, "/webhooks/petpooja")
        {
            Content = new StringContent(body, global::System.Text.Encoding.UTF8, "application/json"),
        };
        post.Headers.Add("X-API-Key", WebhookKey);
        using var response = await webhook.SendAsync(post);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        var eventIds = answer.TryGetProperty("eventIds", out var ids) ? ids.EnumerateArray().Select(i => i.GetString()!).ToList() : [];
        return new WebhookAnswer(response.StatusCode, eventIds);
    }

    public async Task<long> CountAsync(string sql, params object[] parameters) => await ScalarAsync<long?>(sql, parameters) ?? 0;

    /// <summary>Runs a scalar query on the order store directly (what GraphQL does not show, e.g. parked faults); null when no row.</summary>
    public async Task<T?> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var db = NpgsqlDataSource.Create((await App.GetConnectionStringAsync("ordersdb"))!);
        await using var command = db.CreateCommand(sql);
        foreach (var parameter in parameters) command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        return await command.ExecuteScalarAsync() is { } value and not DBNull ? (T)value : default;
    }
}
