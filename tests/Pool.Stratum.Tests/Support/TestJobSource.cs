using Pool.Chain.Jobs;

namespace Pool.Stratum.Tests.Support;

/// <summary>A job source the test drives: each published job becomes current and is announced.</summary>
public sealed class TestJobSource : IJobSource
{
    private readonly Dictionary<string, MiningJob> _jobs = [];
    private readonly object _lock = new();

    public MiningJob? Current { get; private set; }

    public event Action<MiningJob>? JobCreated;

    public void Publish(MiningJob job)
    {
        lock (_lock)
        {
            _jobs[job.JobId] = job;
            Current = job;
        }

        JobCreated?.Invoke(job);
    }

    public bool TryGetJob(string jobId, out MiningJob job)
    {
        lock (_lock)
        {
            return _jobs.TryGetValue(jobId, out job!);
        }
    }
}
