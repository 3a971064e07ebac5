namespace Pool.Settlement.Commands;

/// <summary>Environment variables read by <c>pool settle</c> and <c>pool token</c>; command-line flags override them.</summary>
public static class EnvironmentNames
{
    public const string PoolId = "POOL_ID";
    public const string RpcUrl = "POOL_EVM_RPC_URL";
    public const string TokenAddress = "POOL_TOKEN_ADDRESS";
    public const string Redis = "POOL_REDIS";
    public const string KeyPrefix = "POOL_REDIS_PREFIX";
    public const string Scheme = "POOL_PAYOUT_SCHEME";
    public const string FeeBasisPoints = "POOL_FEE_BPS";
    public const string FeeAddress = "POOL_FEE_ADDRESS";
    public const string MinimumPayout = "POOL_MIN_PAYOUT";
    public const string ChunkSize = "POOL_SETTLE_CHUNK_SIZE";
    public const string Confirmations = "POOL_SETTLE_CONFIRMATIONS";
    public const string ReceiptTimeout = "POOL_SETTLE_RECEIPT_TIMEOUT_SECONDS";
    public const string StuckTimeout = "POOL_SETTLE_STUCK_TIMEOUT_SECONDS";
    public const string FeeBumpPercent = "POOL_SETTLE_FEE_BUMP_PERCENT";
    public const string PriorityFeeWei = "POOL_SETTLE_PRIORITY_FEE_WEI";
    public const string MaxFeeCapWei = "POOL_SETTLE_MAX_FEE_CAP_WEI";
    public const string LockTtl = "POOL_SETTLE_LOCK_TTL_SECONDS";

    /// <summary>Settler private key (hex). Prefer <see cref="SettlerKeyFile"/> outside development.</summary>
    public const string SettlerKey = "POOL_SETTLER_KEY";

    /// <summary>Path of a file holding the settler private key (hex), readable only by the pool's user.</summary>
    public const string SettlerKeyFile = "POOL_SETTLER_KEY_FILE";

    /// <summary>Deployer private key (hex) for <c>pool token deploy</c>.</summary>
    public const string DeployerKey = "POOL_DEPLOYER_KEY";

    /// <summary>Path of a file holding the deployer private key.</summary>
    public const string DeployerKeyFile = "POOL_DEPLOYER_KEY_FILE";
}
