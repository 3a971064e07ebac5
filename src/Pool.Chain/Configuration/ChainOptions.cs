namespace Pool.Chain.Configuration;

/// <summary>The chain section: which coin and network, how to reach the node, and how jobs are built.</summary>
public sealed class ChainOptions
{
    /// <summary>Config section name.</summary>
    public const string SectionName = "Chain";

    /// <summary>Coin profile: "bitcoin" or "litecoin".</summary>
    public string Coin { get; set; } = "litecoin";

    /// <summary>Network of the coin: bitcoin main/testnet3/testnet4/signet/regtest, litecoin main/testnet/regtest.</summary>
    public string Network { get; set; } = string.Empty;

    /// <summary>The node's JSON-RPC URL, e.g. http://127.0.0.1:9332/.</summary>
    public string NodeUrl { get; set; } = string.Empty;

    /// <summary>RPC user; leave empty when a cookie file is used.</summary>
    public string RpcUser { get; set; } = string.Empty;

    /// <summary>Name of the environment variable holding the RPC password (the password itself never sits in config; the name lacks the POOL_ prefix so it stays out of the configuration tree).</summary>
    public string RpcPasswordEnvironmentVariable { get; set; } = "NODE_RPC_PASSWORD";

    /// <summary>File holding the RPC password, read at start; used when the environment variable is unset.</summary>
    public string RpcPasswordFile { get; set; } = string.Empty;

    /// <summary>The node's .cookie file; when set it replaces user and password and is re-read when the node restarts.</summary>
    public string RpcCookieFile { get; set; } = string.Empty;

    /// <summary>Timeout of one ordinary RPC call, seconds.</summary>
    public double RpcTimeoutSeconds { get; set; } = 10;

    /// <summary>How long a longpoll getblocktemplate may stay open, seconds.</summary>
    public double LongPollTimeoutSeconds { get; set; } = 300;

    /// <summary>Optional ZMQ endpoint of the node's hashblock publisher (e.g. tcp://127.0.0.1:28332).</summary>
    public string ZmqHashBlockEndpoint { get; set; } = string.Empty;

    /// <summary>How often the best block hash is polled as a fallback to longpoll and ZMQ, milliseconds.</summary>
    public int BlockPollIntervalMilliseconds { get; set; } = 1000;

    /// <summary>Address the coinbase pays; must belong to <see cref="Coin"/> and <see cref="Network"/>.</summary>
    public string PoolAddress { get; set; } = string.Empty;

    /// <summary>Tag written into every coinbase script, at most 20 bytes of UTF-8.</summary>
    public string PoolTag { get; set; } = "/pool/";

    /// <summary>Bytes of extranonce1 the server assigns per connection (2 to 8).</summary>
    public int Extranonce1Size { get; set; } = 4;

    /// <summary>Bytes of extranonce2 miners roll (2 to 8).</summary>
    public int Extranonce2Size { get; set; } = 4;


    /// <summary>Seconds after which a changed template (new transactions) becomes a new job without clean_jobs.</summary>
    public double JobRefreshSeconds { get; set; } = 30;

    /// <summary>Jobs of the current block kept for late shares.</summary>
    public int JobHistorySize { get; set; } = 16;

    /// <summary>First back-off delay after the node failed, milliseconds; doubles up to <see cref="RetryMaxDelayMilliseconds"/>.</summary>
    public int RetryInitialDelayMilliseconds { get; set; } = 250;

    /// <summary>Longest back-off delay, milliseconds.</summary>
    public int RetryMaxDelayMilliseconds { get; set; } = 10_000;

    /// <summary>Attempts for one RPC call (submitblock included) before its error is reported.</summary>
    public int RpcAttempts { get; set; } = 5;
}
