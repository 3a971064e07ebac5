using System.Collections.Concurrent;
using System.Diagnostics;
using Pool.Chain.Jobs;
using Pool.Testing;

namespace Pool.Chain.Tests.Support;

/// <summary>
/// Keeps every clean job a job manager makes while it is alive, with the moment it was made. A test waits for the job
/// on the block it mined rather than for the next clean job, which may be a late one for an earlier block.
/// </summary>
public sealed class CleanJobRecorder : IDisposable
{
    private readonly JobManager _jobs;
    private readonly ConcurrentQueue<(MiningJob Job, long Timestamp)> _seen = new();

    /// <summary>Starts listening to <paramref name="jobs"/>.</summary>
    public CleanJobRecorder(JobManager jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        _jobs = jobs;
        jobs.JobCreated += OnJob;
    }

    /// <summary>Waits (30 s unless told) for a clean job building on <paramref name="parent"/>; returns the first one and its <see cref="Stopwatch"/> timestamp.</summary>
    public async Task<(MiningJob Job, long Timestamp)> WaitForParentAsync(string parent, TimeSpan? timeout = null)
    {
        (MiningJob? Job, long Timestamp) found = default;
        await Eventually.HoldsAsync(
            () => (found = _seen.FirstOrDefault(s => ParentOf(s.Job) == parent)).Job is not null,
            $"a clean job on block {parent}",
            timeout,
            () => $"clean jobs seen on: [{string.Join(", ", _seen.Select(s => ParentOf(s.Job)))}]");
        return (found.Job!, found.Timestamp);
    }

    public void Dispose() => _jobs.JobCreated -= OnJob;

    private static string ParentOf(MiningJob job) => ((TemplateBlockSource)job.BlockSource!).Template.PreviousBlockHash;

    private void OnJob(MiningJob job)
    {
        if (job.CleanJobs)
        {
            _seen.Enqueue((job, Stopwatch.GetTimestamp()));
        }
    }
}
