namespace Pool.Ledger.Redis;

/// <summary>Outcome of a ledger script call.</summary>
internal enum PushOutcome
{
    /// <summary>Written now.</summary>
    Applied,

    /// <summary>Everything in it was written before (a replay); nothing changed.</summary>
    AlreadyApplied,

    /// <summary>Part of it was written before; resend from the returned sequence.</summary>
    Overlap,

    /// <summary>The block had closed a round already (another record of it); nothing changed.</summary>
    BlockKnown,
}
