using System.Runtime.CompilerServices;
using Pool.Chain.Jobs;

namespace Pool.Stratum.Shares;

/// <summary>
/// Remembers every accepted share per job, across connections (a miner resuming its session on a new connection cannot
/// replay). A job's set lives as long as the job does.
/// </summary>
public sealed class DuplicateShareIndex
{
    private readonly ConditionalWeakTable<MiningJob, DuplicateKeySet> _seen = new();

    /// <summary>True the first time <paramref name="key"/> is seen for <paramref name="job"/>.</summary>
    public bool TryAdd(MiningJob job, UInt128 key) => _seen.GetOrCreateValue(job).TryAdd(key);

    /// <summary>Forgets a share that could not be recorded, so the miner may submit it again.</summary>
    public void Remove(MiningJob job, UInt128 key) => _seen.GetOrCreateValue(job).Remove(key);
}
