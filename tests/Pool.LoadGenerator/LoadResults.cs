using System.Collections.Concurrent;

namespace Pool.LoadGenerator;

/// <summary>Counters shared by every simulated miner.</summary>
public sealed class LoadResults
{
    /// <summary>Submits written to sockets.</summary>
    public long Submitted;

    /// <summary>Submits the server accepted.</summary>
    public long Accepted;

    /// <summary>Submits the server rejected.</summary>
    public long Rejected;

    /// <summary>Authorizations the server refused.</summary>
    public long AuthorizeFailures;

    /// <summary>Submit-to-answer latency.</summary>
    public LatencyHistogram Latency { get; } = new();

    /// <summary>A few distinct rejection reasons, for the report.</summary>
    public ConcurrentDictionary<string, int> RejectionReasons { get; } = new();

    /// <summary>Starts counting afresh: what happened during the warm-up does not count.</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref Submitted, 0);
        Interlocked.Exchange(ref Accepted, 0);
        Interlocked.Exchange(ref Rejected, 0);
        Latency.Reset();
        RejectionReasons.Clear();
    }

    /// <summary>Counts a rejection reason (at most 20 distinct ones are kept).</summary>
    public void NoteRejection(string reason)
    {
        if (RejectionReasons.Count < 20 || RejectionReasons.ContainsKey(reason))
        {
            RejectionReasons.AddOrUpdate(reason, 1, (_, n) => n + 1);
        }
    }
}
