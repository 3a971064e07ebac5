using Microsoft.Extensions.Logging;
using Pool.Chain.Jobs;
using Pool.Core.Mining;
using Pool.Core.Pow;
using Pool.Stratum.Options;
using Pool.Stratum.Security;
using Pool.Stratum.Shares;

namespace Pool.Stratum.Server;

/// <summary>Everything connections share: settings, collaborators, the current job and the bookkeeping across connections.</summary>
internal sealed class StratumServices
{
    private EncodedJob? _currentJob;

    public required StratumOptions Options { get; init; }

    public required IJobSource Jobs { get; init; }

    public required IBlockSubmitter BlockSubmitter { get; init; }

    public required IShareSink ShareSink { get; init; }

    public required IBlockFoundSink BlockFoundSink { get; init; }

    public required IPayoutAddressValidator AddressValidator { get; init; }

    public ITokenAddressBook? TokenAddressBook { get; init; }

    public required PowAlgorithm Pow { get; init; }

    public required ShareValidator Validator { get; init; }

    public required TimeProvider Time { get; init; }

    public required ILogger Logger { get; init; }

    public required StratumCounters Counters { get; init; }

    public required BanList Bans { get; init; }

    public required ConnectionLimiter Limiter { get; init; }

    public required ExtranonceAllocator Extranonces { get; init; }

    public DuplicateShareIndex Duplicates { get; } = new();

    /// <summary>Called for every share accepted and recorded.</summary>
    public Action<AcceptedShare>? ShareAccepted { get; set; }

    /// <summary>The pool's version-rolling mask now (it can change at run time).</summary>
    public uint VersionRollingMask { get; set; }

    public EncodedJob? CurrentJob
    {
        get => Volatile.Read(ref _currentJob);
        set => Volatile.Write(ref _currentJob, value);
    }

    /// <summary>True when the job builds on a block that is no longer the tip (a newer job has another previous block).</summary>
    public bool IsStale(EncodedJob job)
    {
        var current = CurrentJob;
        return current is not null && !ReferenceEquals(current, job)
            && !current.Job.PreviousBlockHash.AsSpan().SequenceEqual(job.Job.PreviousBlockHash);
    }
}
