using Pool.Stratum.Shares;

namespace Pool.Stratum.Server;

/// <summary>Shares accepted and rejected on one listening port, read by the metrics layer; safe to read from any thread.</summary>
public sealed class StratumPortCounters
{
    private readonly long[] _rejected = new long[Enum.GetValues<ShareRejectReason>().Length];
    private long _accepted;

    internal StratumPortCounters(int port)
    {
        Port = port;
    }

    /// <summary>The port the server is bound to.</summary>
    public int Port { get; }

    /// <summary>Shares accepted on this port.</summary>
    public long SharesAccepted => Interlocked.Read(ref _accepted);

    /// <summary>Shares rejected on this port for <paramref name="reason"/>.</summary>
    public long SharesRejected(ShareRejectReason reason) => Interlocked.Read(ref _rejected[(int)reason]);

    internal void ShareAccepted() => Interlocked.Increment(ref _accepted);

    internal void ShareRejected(ShareRejectReason reason) => Interlocked.Increment(ref _rejected[(int)reason]);
}
