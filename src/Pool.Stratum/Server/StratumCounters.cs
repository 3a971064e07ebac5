using System.Collections.Concurrent;
using Pool.Stratum.Shares;

namespace Pool.Stratum.Server;

/// <summary>Running totals of the server, read by the metrics layer; every member is safe to read from any thread.</summary>
public sealed class StratumCounters
{
    private readonly long[] _rejected = new long[Enum.GetValues<ShareRejectReason>().Length];
    private readonly ConcurrentDictionary<int, StratumPortCounters> _ports = new();
    private readonly long[] _closedBy = new long[Enum.GetValues<ConnectionCloseReason>().Length];
    private long _connectionsOpened;
    private long _connectionsCurrent;
    private long _connectionsRefused;
    private long _connectionsClosed;
    private long _sharesAccepted;
    private long _blocksFound;
    private long _blocksRejected;
    private long _bans;
    private long _retargets;

    /// <summary>Connections accepted since start.</summary>
    public long ConnectionsOpened => Interlocked.Read(ref _connectionsOpened);

    /// <summary>Connections open now.</summary>
    public long ConnectionsCurrent => Interlocked.Read(ref _connectionsCurrent);

    /// <summary>Served connections that have closed (for any reason) since start.</summary>
    public long ConnectionsClosed => Interlocked.Read(ref _connectionsClosed);

    /// <summary>Served connections that closed for <paramref name="reason"/>.</summary>
    public long ConnectionsClosedBy(ConnectionCloseReason reason) => Interlocked.Read(ref _closedBy[(int)reason]);

    /// <summary>Connections refused at accept (banned address or per-IP limit).</summary>
    public long ConnectionsRefused => Interlocked.Read(ref _connectionsRefused);

    /// <summary>Shares accepted (and recorded).</summary>
    public long SharesAccepted => Interlocked.Read(ref _sharesAccepted);

    /// <summary>Blocks the node accepted.</summary>
    public long BlocksFound => Interlocked.Read(ref _blocksFound);

    /// <summary>Block candidates the node refused.</summary>
    public long BlocksRejected => Interlocked.Read(ref _blocksRejected);

    /// <summary>Bans issued.</summary>
    public long Bans => Interlocked.Read(ref _bans);

    /// <summary>Vardiff retargets.</summary>
    public long VardiffRetargets => Interlocked.Read(ref _retargets);

    /// <summary>Per-port share counts, one entry per bound port that has served a connection.</summary>
    public IReadOnlyCollection<StratumPortCounters> Ports => (IReadOnlyCollection<StratumPortCounters>)_ports.Values;

    /// <summary>Shares rejected for <paramref name="reason"/>.</summary>
    public long SharesRejected(ShareRejectReason reason) => Interlocked.Read(ref _rejected[(int)reason]);

    internal StratumPortCounters ForPort(int port) => _ports.GetOrAdd(port, static p => new StratumPortCounters(p));

    internal void ConnectionOpened()
    {
        Interlocked.Increment(ref _connectionsOpened);
        Interlocked.Increment(ref _connectionsCurrent);
    }

    internal void ConnectionClosed(ConnectionCloseReason reason)
    {
        Interlocked.Decrement(ref _connectionsCurrent);
        Interlocked.Increment(ref _closedBy[(int)reason]);
        Interlocked.Increment(ref _connectionsClosed);
    }

    internal void ConnectionRefused() => Interlocked.Increment(ref _connectionsRefused);

    internal void ShareAccepted() => Interlocked.Increment(ref _sharesAccepted);

    internal void ShareRejected(ShareRejectReason reason) => Interlocked.Increment(ref _rejected[(int)reason]);

    internal void BlockFound() => Interlocked.Increment(ref _blocksFound);

    internal void BlockRejected() => Interlocked.Increment(ref _blocksRejected);

    internal void Banned() => Interlocked.Increment(ref _bans);

    internal void Retargeted() => Interlocked.Increment(ref _retargets);
}
