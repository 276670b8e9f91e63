using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace OrderAnalytics.AppHost;

/// <summary>
/// PostgreSQL is ready when a login to the server succeeds (the database itself is created by the migrator). Every
/// check logs in anew: a pooled connection would "open" without a round trip and report a stopped server as ready.
/// </summary>
internal sealed class PostgresReadyCheck(Func<CancellationToken, Task<string?>> connectionString) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(await connectionString(ct)) { Database = "postgres", Timeout = 3, Pooling = false };
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(ct);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy(ex.Message);
        }
    }
}

/// <summary>RabbitMQ is ready when it answers the AMQP 0-9-1 protocol header with a Connection.Start frame.</summary>
internal sealed class AmqpReadyCheck(string host, int port) : IHealthCheck
{
    private static readonly byte[] ProtocolHeader = "AMQP\0\0\u0009\u0001"u8.ToArray();

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            using var client = new TcpClient();
            await client.ConnectAsync(host, port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(ProtocolHeader, timeout.Token);
            var frame = new byte[7];
            var read = await stream.ReadAtLeastAsync(frame, frame.Length, throwOnEndOfStream: false, timeout.Token);
            // Frame type 1 (method) on channel 0: the broker is up and speaking AMQP.
            return read == frame.Length && frame[0] == 1
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("no AMQP Connection.Start yet");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy(ex.Message);
        }
    }
}
