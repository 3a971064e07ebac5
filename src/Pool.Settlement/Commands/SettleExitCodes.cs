namespace Pool.Settlement.Commands;

/// <summary>Exit codes of <c>pool settle</c> and <c>pool token</c>, for cron and alerting.</summary>
public static class SettleExitCodes
{
    /// <summary>Done: everything due was minted (or there was nothing to do).</summary>
    public const int Ok = 0;

    /// <summary>Failed: EVM node or Redis unreachable, or the contract refuses (paused, missing role). Nothing lost; alert.</summary>
    public const int Failed = 1;

    /// <summary>Bad arguments, environment or key: the message says what to fix.</summary>
    public const int Usage = 2;

    /// <summary>A transaction still waits for its receipt; the next run continues it. Alert if it repeats.</summary>
    public const int Pending = 3;

    /// <summary>Another <c>pool settle</c> holds the lock; this run did nothing.</summary>
    public const int LockHeld = 4;
}
