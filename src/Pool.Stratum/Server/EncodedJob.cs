using System.Text;
using Pool.Chain.Jobs;
using Pool.Stratum.Protocol;

namespace Pool.Stratum.Server;

/// <summary>A job with its mining.notify encoded once, shared by every connection.</summary>
internal sealed class EncodedJob
{
    private OutboundMessage? _cleanNotify;

    public EncodedJob(MiningJob job)
    {
        Job = job;
        JobIdUtf8 = Encoding.UTF8.GetBytes(job.JobId);
        Notify = StratumMessages.Notify(job, job.CleanJobs);
    }

    public MiningJob Job { get; }

    public byte[] JobIdUtf8 { get; }

    /// <summary>mining.notify with the job's own clean_jobs flag, for connections already mining.</summary>
    public OutboundMessage Notify { get; }

    /// <summary>mining.notify with clean_jobs set, for a connection's first job or a new extranonce.</summary>
    public OutboundMessage CleanNotify => Job.CleanJobs ? Notify : _cleanNotify ??= StratumMessages.Notify(Job, cleanJobs: true);
}
