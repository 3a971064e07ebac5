namespace Pool.Ledger;

/// <summary>Settings of the share ledger: where Redis and the local spool are, batching, rounds and retention.</summary>
public sealed class LedgerOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Ledger";

    /// <summary>StackExchange.Redis configuration string (endpoints and options), without a password.</summary>
    public string RedisConfiguration { get; set; } = "127.0.0.1:6379";

    /// <summary>Environment variable holding the Redis password; unset or empty means no password.</summary>
    public string RedisPasswordVariable { get; set; } = "POOL_REDIS_PASSWORD";

    /// <summary>Pool id: every key of this pool starts with <c>{pool:ID}</c> (one Redis Cluster slot per pool).</summary>
    public string PoolId { get; set; } = string.Empty;

    /// <summary>This pool instance's id; unique among instances writing to the same pool id.</summary>
    public string InstanceId { get; set; } = string.Empty;

    /// <summary>Directory of this instance's write-ahead spool; one instance per directory.</summary>
    public string SpoolDirectory { get; set; } = string.Empty;

    /// <summary>Call fsync after every spool write: survives power loss, not only a killed process, at the cost of latency.</summary>
    public bool SpoolFsync { get; set; }

    /// <summary>Size at which the spool starts a new segment file, in bytes.</summary>
    public long SpoolSegmentBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Most shares sent to Redis in one round trip.</summary>
    public int BatchSize { get; set; } = 4096;

    /// <summary>How long the writer waits for a batch to fill once shares are waiting.</summary>
    public TimeSpan BatchLinger { get; set; } = TimeSpan.FromMilliseconds(1);

    /// <summary>PPLNS window: N in "the last N × network difficulty of credited work".</summary>
    public double PplnsWindowFactor { get; set; } = 2;

    /// <summary>Confirmations after which a found block is mature (coinbase maturity).</summary>
    public int MaturityConfirmations { get; set; } = 100;

    /// <summary>How long shares of settled rounds stay in the stream before they are trimmed.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often pending blocks are checked against the node (and retention applied).</summary>
    public TimeSpan StatusCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Longest wait between retries while Redis is unreachable.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(2);
}
