using System.Globalization;
using System.Numerics;
using Pool.Settlement.Addresses;
using Pool.Settlement.Rewards;

namespace Pool.Settlement.Settlement;

/// <summary>Settings of <c>pool settle</c>; the settler key is not here (it comes from the environment or a key file).</summary>
public sealed class SettlementOptions
{
    /// <summary>Pool id, part of every settlement id (so two pools never share ids).</summary>
    public string PoolId { get; set; } = "pool";

    /// <summary>EVM node JSON-RPC endpoint.</summary>
    public Uri? RpcUrl { get; set; }

    /// <summary>Reward token contract address.</summary>
    public string? TokenAddress { get; set; }

    /// <summary>StackExchange.Redis configuration string of the ledger's Redis.</summary>
    public string Redis { get; set; } = "127.0.0.1:6379";

    /// <summary>Password of the ledger's Redis, from the environment; never printed.</summary>
    public string? RedisPassword { get; set; }

    /// <summary>Prefix of every Redis key (the ledger and the Stratum server use the same).</summary>
    public string KeyPrefix { get; set; } = "pool:";

    /// <summary>How a block's reward is shared.</summary>
    public PayoutScheme Scheme { get; set; } = PayoutScheme.Pplns;

    /// <summary>Pool fee in basis points (100 = 1 %), taken first and rounded down.</summary>
    public int FeeBasisPoints { get; set; } = 100;

    /// <summary>EVM address receiving the fee and the rounding remainder.</summary>
    public string? FeeAddress { get; set; }

    /// <summary>Smallest mint to a miner, in base units; smaller balances are carried forward.</summary>
    public long MinimumPayout { get; set; } = 1;

    /// <summary>Recipients per settle() transaction (200 new holders use about 5.2 M gas).</summary>
    public int ChunkSize { get; set; } = 200;

    /// <summary>Confirmations after which a mined settlement is final.</summary>
    public int FinalConfirmations { get; set; } = 12;

    /// <summary>How long one run waits for a receipt before leaving the transaction for the next run.</summary>
    public TimeSpan ReceiptTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>After this long without a receipt a transaction is replaced with higher fees (same nonce).</summary>
    public TimeSpan StuckTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>How much a replacement raises both fee fields, in percent (nodes require at least 10).</summary>
    public int FeeBumpPercent { get; set; } = 15;

    /// <summary>Priority fee (tip) of new transactions, in wei.</summary>
    public BigInteger PriorityFeeWei { get; set; } = 1_000_000_000;

    /// <summary>Highest fee cap (wei per gas) a transaction or replacement may carry, so replacements cannot escalate without bound.</summary>
    public BigInteger MaxFeePerGasCapWei { get; set; } = 1_000_000_000_000;

    /// <summary>Pause between receipt polls.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Timeout of a single JSON-RPC request.</summary>
    public TimeSpan RpcTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Lifetime of the run lock; renewed while the run works, so a killed run frees it after this long.</summary>
    public TimeSpan LockTtl { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Print who would get what, and why, without writing anything or sending transactions.</summary>
    public bool DryRun { get; set; }

    /// <summary>Every problem with these settings, each saying what to fix; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(PoolId))
        {
            errors.Add("pool id is empty: set --pool-id or POOL_ID, or Ledger:PoolId in the --config file (e.g. ltc-main)");
        }

        if (!DryRun && RpcUrl is null)
        {
            errors.Add("EVM node URL is missing: set --rpc or POOL_EVM_RPC_URL, or Settlement:RpcUrl in the --config file (e.g. http://127.0.0.1:8545)");
        }
        else if (RpcUrl is not null && RpcUrl.Scheme is not ("http" or "https"))
        {
            errors.Add($"EVM node URL '{RpcUrl}' must be http:// or https://");
        }

        CheckAddress(TokenAddress, "token contract address", "--token or POOL_TOKEN_ADDRESS, or Settlement:TokenAddress in the --config file", required: !DryRun, errors);
        CheckAddress(FeeAddress, "fee address", "--fee-address or POOL_FEE_ADDRESS, or Settlement:FeeAddress in the --config file", required: true, errors);
        if (FeeBasisPoints is < 0 or > RewardSplitter.BasisPointsPerWhole)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"fee {FeeBasisPoints} basis points is outside 0–10000 (100 = 1 %)"));
        }

        if (MinimumPayout < 1)
        {
            errors.Add("minimum payout must be at least 1 base unit");
        }

        if (ChunkSize is < 1 or > 1000)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"chunk size {ChunkSize} is outside 1–1000 recipients (1000 new holders need about 26 M gas)"));
        }

        if (FinalConfirmations < 1)
        {
            errors.Add("final confirmations must be at least 1");
        }

        if (FeeBumpPercent is < 10 or > 1000)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"fee bump {FeeBumpPercent} % must be 10–1000 (nodes refuse replacements raising fees by less than 10 %)"));
        }

        if (PriorityFeeWei < 0)
        {
            errors.Add("priority fee must not be negative");
        }

        if (MaxFeePerGasCapWei <= PriorityFeeWei)
        {
            errors.Add("the fee cap must be above the priority fee");
        }

        foreach (var (value, name) in new[] { (ReceiptTimeout, "receipt timeout"), (StuckTimeout, "stuck timeout"), (PollInterval, "poll interval"), (RpcTimeout, "RPC timeout"), (LockTtl, "lock TTL") })
        {
            if (value <= TimeSpan.Zero)
            {
                errors.Add($"{name} must be positive");
            }
        }

        return errors;
    }

    private static void CheckAddress(string? address, string what, string where, bool required, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            if (required)
            {
                errors.Add($"{what} is missing: set {where}");
            }

            return;
        }

        if (!EvmAddress.TryNormalize(address, out _, out var error))
        {
            errors.Add($"{what}: {error}");
        }
    }
}
