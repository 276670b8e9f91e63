using System.Net.Sockets;
using Xunit;

namespace OrderAnalytics.Testing;

/// <summary>
/// A real RabbitMQ (Debian's rabbitmq-server via eng/infra/rabbitmq.sh) with its own epmd, on free ports, data in a
/// temp folder. <see cref="RestartAsync"/> and <see cref="Crash"/> serve fault tests.
/// </summary>
public sealed class RabbitMqServer : IAsyncLifetime
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "oa-test-rmq-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string _password = Repository.NewSecret();
    private readonly int _epmdPort = Repository.FreePort();
    private ServerProcess? _epmd, _server;

    public int Port { get; } = Repository.FreePort();

    /// <summary>amqp://user:password@127.0.0.1:port/ — what the services read as ConnectionStrings:messaging.</summary>
    public string ConnectionString => $"amqp://orderanalytics:{_password}@127.0.0.1:{Port}/";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataDir);
        _epmd = ServerProcess.Start("epmd", ["-port", _epmdPort.ToString()],
            new Dictionary<string, string> { ["ERL_EPMD_PORT"] = _epmdPort.ToString() }, _dataDir);
        await StartBrokerAsync();
    }

    private async Task StartBrokerAsync()
    {
        _server = ServerProcess.Start("bash", [Repository.InfraScript("rabbitmq.sh")], new Dictionary<string, string>
        {
            ["OA_RMQ_DATA"] = _dataDir,
            ["OA_RMQ_PORT"] = Port.ToString(),
            ["OA_RMQ_DIST_PORT"] = Repository.FreePort().ToString(),
            ["OA_RMQ_USER"] = "orderanalytics",
            ["OA_RMQ_PASSWORD"] = _password,
            ["ERL_EPMD_PORT"] = _epmdPort.ToString(),
        }, _dataDir);

        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!await AnswersAmqpAsync())
        {
            if (_server.HasExited || DateTime.UtcNow > deadline)
                throw new InvalidOperationException("RabbitMQ did not start:\n" + _server.Output);
            await Task.Delay(500);
        }
    }

    /// <summary>Stops the broker and starts it again on the same port and data (durable queues survive).</summary>
    public async Task RestartAsync()
    {
        if (_server is not null) await _server.StopAsync(TimeSpan.FromSeconds(60));
        await StartBrokerAsync();
    }

    private async Task<bool> AnswersAmqpAsync()
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await client.ConnectAsync("127.0.0.1", Port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("AMQP\0\0\u0009\u0001"u8.ToArray(), timeout.Token);
            var frame = new byte[7];
            return await stream.ReadAtLeastAsync(frame, 7, false, timeout.Token) == 7 && frame[0] == 1;
        }
        catch (Exception)
        {
            return false;
        }
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        if (_epmd is not null) await _epmd.DisposeAsync();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
