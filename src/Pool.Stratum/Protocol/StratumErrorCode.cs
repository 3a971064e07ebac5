namespace Pool.Stratum.Protocol;

/// <summary>Stratum V1 error codes, as miners and proxies interpret them.</summary>
public enum StratumErrorCode
{
    /// <summary>Anything else: malformed input, unknown method, bad ntime or version bits.</summary>
    Other = 20,

    /// <summary>Job not found, or stale (from a previous block).</summary>
    JobNotFound = 21,

    /// <summary>The same share was submitted before.</summary>
    DuplicateShare = 22,

    /// <summary>The share does not meet the connection's difficulty.</summary>
    LowDifficulty = 23,

    /// <summary>The worker is not authorized on this connection.</summary>
    Unauthorized = 24,

    /// <summary>The connection has not subscribed.</summary>
    NotSubscribed = 25,
}
