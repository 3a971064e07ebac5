namespace Pool.Chain.Jobs;

/// <summary>Supplies mining jobs: the current one, recent ones by id, and a notice for each new one.</summary>
public interface IJobSource
{
    /// <summary>The newest job, or null before the first template arrived.</summary>
    MiningJob? Current { get; }

    /// <summary>Raised for every new job (clean or not), after <see cref="Current"/> points at it.</summary>
    event Action<MiningJob>? JobCreated;

    /// <summary>Looks up a recent job by id; false when it is unknown or too old.</summary>
    bool TryGetJob(string jobId, out MiningJob job);
}
