using Pool.Testing;
using Pool.Core.Pow;
using Pool.Stratum.Options;

namespace Pool.Stratum.Tests.Support;

/// <summary>A real <see cref="StratumServer"/> on loopback with an OS-chosen port and recording collaborators.</summary>
public sealed class StratumTestServer : IAsyncDisposable
{
    public const string Address = "rltc1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx";
    public const string OtherAddress = "rltc1q9vza2e8x573nczrlzms0wvx3gsqjx7vavgkx0l";

    private StratumTestServer(StratumOptions options, PowAlgorithm pow, TimeProvider time)
    {
        Options = options;
        Server = new StratumServer(options, Jobs, Submitter, Sink, BlockSink, pow, new RegexAddressValidator(), TokenBook, Logs, time);
    }

    public StratumOptions Options { get; }

    public StratumServer Server { get; }

    public EventLog Log { get; } = new();

    public TestJobSource Jobs { get; } = new();

    public RecordingBlockSubmitter Submitter => _submitter ??= new RecordingBlockSubmitter(Log);

    public RecordingBlockFoundSink BlockSink => _blockSink ??= new RecordingBlockFoundSink(Log);

    public OrderedShareSink Sink => _sink ??= new OrderedShareSink(Log);

    public RecordingTokenAddressBook TokenBook { get; } = new();

    public CapturingLoggerFactory Logs { get; } = new();

    public int Port => Server.BoundEndPoints[0].Port;

    private RecordingBlockSubmitter? _submitter;
    private RecordingBlockFoundSink? _blockSink;
    private OrderedShareSink? _sink;

    /// <summary>Options for one loopback port at difficulty 1e-9 (every hash a share), with quick timeouts.</summary>
    public static StratumOptions DefaultOptions(double startingDifficulty = 1e-9) => new()
    {
        Ports = [new StratumPortOptions { Address = "127.0.0.1", Port = 0, StartingDifficulty = startingDifficulty }],
        InstancePrefix = 0x7a,
        Vardiff = new VardiffOptions { MinDifficulty = 1e-12 },
    };

    public static async Task<StratumTestServer> StartAsync(StratumOptions? options = null, PowAlgorithm? pow = null, TimeProvider? time = null, bool publishJob = true)
    {
        var server = new StratumTestServer(options ?? DefaultOptions(), pow ?? Sha256dPow.Instance, time ?? TimeProvider.System);
        if (publishJob)
        {
            server.Jobs.Publish(TestJobs.Create(time: (uint)(time ?? TimeProvider.System).GetUtcNow().ToUnixTimeSeconds()));
        }

        await server.Server.StartAsync();
        return server;
    }

    /// <summary>Waits until the server holds at most <paramref name="count"/> connections (closed ones are fully released).</summary>
    public async Task WaitForConnectionsAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Server.ConnectionCount > count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the server still holds {Server.ConnectionCount} connections");
            }

            await Task.Delay(10);
        }
    }

    public Task<StratumTestClient> ConnectAsync(int? port = null) => StratumTestClient.ConnectAsync(port ?? Port);

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await Server.StopAsync(timeout.Token);
        await Server.DisposeAsync();
    }
}
