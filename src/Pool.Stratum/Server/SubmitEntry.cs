using Pool.Stratum.Security;
using Pool.Stratum.Shares;

namespace Pool.Stratum.Server;

/// <summary>One submit of a batch after the checks that need no hashing.</summary>
internal struct SubmitEntry
{
    public ShareRejectReason? Reject;
    public string? Message;
    public SentJob? Job;
    public WorkerLogin? Worker;
    public int WorkIndex;
    public bool Stale;
}
