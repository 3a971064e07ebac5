namespace Pool.Stratum.Shares;

/// <summary>Why a share was rejected; each maps to a Stratum error code.</summary>
public enum ShareRejectReason
{
    /// <summary>Malformed parameters (hex, lengths, field count): code 20.</summary>
    Malformed,

    /// <summary>ntime before the job's or too far ahead: code 20.</summary>
    BadTime,

    /// <summary>Version bits outside the negotiated mask: code 20.</summary>
    BadVersion,

    /// <summary>Unknown job id: code 21.</summary>
    JobNotFound,

    /// <summary>Job of a previous block, stale policy rejecting: code 21.</summary>
    Stale,

    /// <summary>Submitted before: code 22.</summary>
    Duplicate,

    /// <summary>Below the connection's difficulty: code 23.</summary>
    LowDifficulty,

    /// <summary>Worker not authorized: code 24.</summary>
    Unauthorized,

    /// <summary>Connection not subscribed: code 25.</summary>
    NotSubscribed,

    /// <summary>The share sink failed to record it: code 20.</summary>
    NotRecorded,
}
