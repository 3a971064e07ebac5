namespace Pool.Settlement.Settlement;

/// <summary>How a run of <c>pool settle</c> ended.</summary>
public enum SettlementOutcome
{
    /// <summary>Everything due was minted (some may still await final confirmations).</summary>
    Completed,

    /// <summary>A transaction still waits for its receipt; the next run continues it.</summary>
    Pending,

    /// <summary>Another run holds the lock; this one did nothing.</summary>
    LockHeld,

    /// <summary>The chain refused or could not be reached; the error says why. Nothing was lost.</summary>
    Failed,
}
