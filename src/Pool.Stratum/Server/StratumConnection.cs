using System.Net;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Pool.Stratum.Difficulty;
using Pool.Stratum.Protocol;
using Pool.Stratum.Security;

namespace Pool.Stratum.Server;

/// <summary>
/// One miner's connection: a read loop that frames and answers requests in order, writing its answers straight into the
/// output pipe and flushing once per batch, and a writer loop that drains a bounded queue of notifications into the same
/// pipe whenever the read loop is not using it.
/// </summary>
internal sealed partial class StratumConnection
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);
    private static long _nextId;

    private readonly StratumServices _services;
    private readonly StreamTransport _transport;
    private readonly Channel<OutboundMessage> _outbound;
    private readonly List<(byte[] Utf8, WorkerLogin Login)> _workers = [];
    private readonly object _stateLock = new();
    private readonly DateTimeOffset _connectedAt;
    private int _closeRequested;
    private int _closeReason = -1;

    public StratumConnection(StratumServices services, StreamTransport transport, IPAddress remoteAddress, double startingDifficulty)
    {
        _services = services;
        _transport = transport;
        RemoteAddress = remoteAddress;
        Id = Interlocked.Increment(ref _nextId);
        _connectedAt = services.Time.GetUtcNow();
        Vardiff = new VardiffController(services.Options.Vardiff, services.Time, startingDifficulty);
        _outbound = Channel.CreateBounded<OutboundMessage>(new BoundedChannelOptions(services.Options.OutboundQueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _sentJobs = new SentJob?[services.Options.JobsPerConnection];
    }

    public long Id { get; }

    /// <summary>Share counters of the port this connection came in on, when the server counts per port.</summary>
    public StratumPortCounters? PortCounters { get; init; }

    /// <summary>Why the connection closed (or is closing); <see cref="ConnectionCloseReason.ClientClosed"/> when nothing else was recorded.</summary>
    public ConnectionCloseReason CloseReason => Volatile.Read(ref _closeReason) is var r and >= 0 ? (ConnectionCloseReason)r : ConnectionCloseReason.ClientClosed;

    public IPAddress RemoteAddress { get; }

    public VardiffController Vardiff { get; }

    public bool IsSubscribed { get; private set; }

    public bool IsAuthorized => _workers.Count > 0;

    /// <summary>Workers authorized on this connection (read from other threads for metrics; a momentarily stale count is fine).</summary>
    public int AuthorizedWorkerCount => _workers.Count;

    /// <summary>True when the connection never subscribed within the allowed time.</summary>
    public bool SubscribeTimedOut(DateTimeOffset now) => !IsSubscribed && now - _connectedAt > _services.Options.SubscribeTimeout;

    /// <summary>Serves the connection until the miner leaves or it is closed; always releases what it holds.</summary>
    public async Task RunAsync()
    {
        var transport = _transport.RunAsync();
        var writer = WriteLoopAsync();
        try
        {
            await ReadLoopAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or OperationCanceledException)
        {
            _services.Logger.LogDebug(e, "Connection {Id} from {Address} ended", Id, RemoteAddress);
        }
        catch (Exception e)
        {
            RecordCloseReason(ConnectionCloseReason.Failed);
            _services.Logger.LogError(e, "Connection {Id} from {Address} failed", Id, RemoteAddress);
        }
        finally
        {
            if (_readLoopHoldsOutput)
            {
                // The read loop failed during a batch: what it wrote is sent when the output completes.
                _readLoopHoldsOutput = false;
                _outputLock.Release();
            }

            _outbound.Writer.TryComplete();
            await _transport.Input.CompleteAsync().ConfigureAwait(false);
            try
            {
                await writer.WaitAsync(DrainTimeout, _services.Time).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // The miner does not read what is left: cut it off, which also ends the writer.
                _transport.Abort();
                await writer.ConfigureAwait(false);
            }

            await _transport.Output.CompleteAsync().ConfigureAwait(false);

            await transport.ConfigureAwait(false);
            ReleaseExtranonce();
        }
    }

    /// <summary>Stops reading requests; what was read is still answered and the queue flushed before the socket closes.</summary>
    public void RequestClose()
    {
        if (Interlocked.Exchange(ref _closeRequested, 1) == 0)
        {
            _transport.Input.CancelPendingRead();
        }
    }

    /// <summary>Records why the connection is being closed, unless a reason was already recorded.</summary>
    public void RecordCloseReason(ConnectionCloseReason reason) => Interlocked.CompareExchange(ref _closeReason, (int)reason, -1);

    /// <summary>Cuts the connection at once (a miner that does not read, a banned address).</summary>
    public void Abort()
    {
        RequestClose();
        _transport.Abort();
    }
}
