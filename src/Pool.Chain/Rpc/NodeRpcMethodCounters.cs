using System.Diagnostics;

namespace Pool.Chain.Rpc;

/// <summary>Running totals of one RPC method's calls, read by the metrics layer; safe to read from any thread.</summary>
public sealed class NodeRpcMethodCounters
{
    private long _calls;
    private long _errors;
    private long _elapsedTicks;

    internal NodeRpcMethodCounters(string method)
    {
        Method = method;
    }

    /// <summary>The RPC method name.</summary>
    public string Method { get; }

    /// <summary>Attempts made (each retry counts).</summary>
    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>Attempts that failed (transport, HTTP or RPC error).</summary>
    public long Errors => Interlocked.Read(ref _errors);

    /// <summary>Sum of the attempts' durations.</summary>
    public TimeSpan TotalDuration => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _elapsedTicks));

    internal void Completed(long elapsedTicks, bool failed)
    {
        Interlocked.Add(ref _elapsedTicks, elapsedTicks);
        if (failed)
        {
            Interlocked.Increment(ref _errors);
        }

        Interlocked.Increment(ref _calls);
    }
}
