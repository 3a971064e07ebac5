namespace Pool.Chain.Templates;

/// <summary>
/// New-block jobs and the time from noticing a new block (a longpoll answer, a ZMQ message or a changed best block seen by
/// polling) to its clean job being ready; safe to read from any thread.
/// </summary>
public sealed class TemplateCounters
{
    private long _newBlockJobs;
    private long _latencyTicks;

    /// <summary>Clean jobs made for a new block.</summary>
    public long NewBlockJobs => Interlocked.Read(ref _newBlockJobs);

    /// <summary>Sum of the notice-to-job times of <see cref="NewBlockJobs"/>.</summary>
    public TimeSpan TotalNewBlockLatency => TimeSpan.FromTicks(Interlocked.Read(ref _latencyTicks));

    internal void NewBlockJob(TimeSpan latency)
    {
        Interlocked.Add(ref _latencyTicks, latency.Ticks);
        Interlocked.Increment(ref _newBlockJobs);
    }
}
