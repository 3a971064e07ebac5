using System.Globalization;
using System.Numerics;
using Pool.Settlement.Rewards;
using Pool.Settlement.Settlement;

namespace Pool.Settlement.Commands;

/// <summary>Builds <see cref="SettlementOptions"/> from <c>pool settle</c> flags and environment variables (flags win).</summary>
public static class SettleCommandLine
{
    public const string DryRunSwitch = "--dry-run";
    public const string HelpSwitch = "--help";
    public const string KeyFileFlag = "--key-file";

    private static readonly (string Flag, string Environment, string Help, Func<SettlementOptions, string, string?> Apply)[] Settings =
    [
        ("--pool-id", EnvironmentNames.PoolId, "pool id, part of every settlement id", (o, v) => Set(() => o.PoolId = v)),
        ("--rpc", EnvironmentNames.RpcUrl, "EVM node JSON-RPC URL", (o, v) => Uri.TryCreate(v, UriKind.Absolute, out var u) ? Set(() => o.RpcUrl = u) : $"'{v}' is not an absolute URL"),
        ("--token", EnvironmentNames.TokenAddress, "reward token contract address", (o, v) => Set(() => o.TokenAddress = v)),
        ("--redis", EnvironmentNames.Redis, "Redis configuration string (host:port,…)", (o, v) => Set(() => o.Redis = v)),
        ("--key-prefix", EnvironmentNames.KeyPrefix, "prefix of the pool's Redis keys", (o, v) => Set(() => o.KeyPrefix = v)),
        ("--scheme", EnvironmentNames.Scheme, "pplns (default), prop or solo", (o, v) => Enum.TryParse<PayoutScheme>(v, ignoreCase: true, out var s) && Enum.IsDefined(s) ? Set(() => o.Scheme = s) : $"'{v}' is not pplns, prop or solo"),
        ("--fee-bps", EnvironmentNames.FeeBasisPoints, "pool fee in basis points (100 = 1 %)", (o, v) => Int(v, x => o.FeeBasisPoints = x)),
        ("--fee-address", EnvironmentNames.FeeAddress, "EVM address of the fee and rounding remainder", (o, v) => Set(() => o.FeeAddress = v)),
        ("--min-payout", EnvironmentNames.MinimumPayout, "smallest mint to a miner, base units", (o, v) => Long(v, x => o.MinimumPayout = x)),
        ("--chunk-size", EnvironmentNames.ChunkSize, "recipients per transaction (1–1000, default 200)", (o, v) => Int(v, x => o.ChunkSize = x)),
        ("--confirmations", EnvironmentNames.Confirmations, "confirmations before a settlement is final (default 12)", (o, v) => Int(v, x => o.FinalConfirmations = x)),
        ("--receipt-timeout", EnvironmentNames.ReceiptTimeout, "seconds one run waits for a receipt", (o, v) => Int(v, x => o.ReceiptTimeout = TimeSpan.FromSeconds(x))),
        ("--stuck-timeout", EnvironmentNames.StuckTimeout, "seconds before a transaction is replaced with higher fees", (o, v) => Int(v, x => o.StuckTimeout = TimeSpan.FromSeconds(x))),
        ("--fee-bump-percent", EnvironmentNames.FeeBumpPercent, "fee raise of a replacement, percent (≥ 10)", (o, v) => Int(v, x => o.FeeBumpPercent = x)),
        ("--max-fee-cap-wei", EnvironmentNames.MaxFeeCapWei, "highest fee cap per gas any transaction may carry, wei", (o, v) => BigInteger.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var x) ? Set(() => o.MaxFeePerGasCapWei = x) : $"'{v}' is not a whole number of wei"),
        ("--lock-ttl", EnvironmentNames.LockTtl, "seconds a killed run keeps the lock (renewed while running, default 60)", (o, v) => Int(v, x => o.LockTtl = TimeSpan.FromSeconds(x))),
        ("--priority-fee-wei", EnvironmentNames.PriorityFeeWei, "tip per gas of new transactions, wei", (o, v) => BigInteger.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var x) ? Set(() => o.PriorityFeeWei = x) : $"'{v}' is not a whole number of wei"),
    ];

    /// <summary>Option names, environment variables and meanings, for --help.</summary>
    public static string Usage
    {
        get
        {
            var lines = new List<string>
            {
                "usage: pool settle [options] [--dry-run]",
                "Mints the reward token for confirmed, unpaid blocks. Options (environment variable in brackets):",
            };
            lines.AddRange(Settings.Select(s => $"  {s.Flag,-20} {s.Help} [{s.Environment}]"));
            lines.Add($"  {KeyFileFlag,-20} file holding the settler private key [{EnvironmentNames.SettlerKeyFile}, or the key in {EnvironmentNames.SettlerKey}]");
            lines.Add($"  {DryRunSwitch,-20} print who would get what, and why; write and send nothing");
            lines.Add("exit codes: 0 done, 1 failed (chain/Redis/contract; nothing lost), 2 bad options, 3 transaction pending, 4 another run holds the lock");
            return string.Join(Environment.NewLine, lines);
        }
    }

    /// <summary>Options from <paramref name="args"/> and <paramref name="environment"/>, validated; false with every error otherwise.</summary>
    public static bool TryParse(
        IReadOnlyList<string> args, Func<string, string?> environment, out SettlementOptions options, out string? keyFile, out bool help, out List<string> errors)
    {
        errors = [];
        options = new SettlementOptions();
        var parsed = CommandArguments.Parse(
            args,
            Settings.Select(s => s.Flag).Append(KeyFileFlag).ToHashSet(StringComparer.Ordinal),
            new HashSet<string>(StringComparer.Ordinal) { DryRunSwitch, HelpSwitch },
            errors);
        help = parsed.Has(HelpSwitch);
        keyFile = parsed.Get(KeyFileFlag, null, environment);
        foreach (var (flag, variable, _, apply) in Settings)
        {
            if (parsed.Get(flag, variable, environment) is { } value && apply(options, value.Trim()) is { } error)
            {
                errors.Add($"{flag} / {variable}: {error}");
            }
        }

        options.DryRun = parsed.Has(DryRunSwitch);
        if (errors.Count == 0)
        {
            errors.AddRange(options.Validate());
        }

        return errors.Count == 0;
    }

    private static string? Set(Action apply)
    {
        apply();
        return null;
    }

    private static string? Int(string value, Action<int> apply) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var x) ? Set(() => apply(x)) : $"'{value}' is not a whole number";

    private static string? Long(string value, Action<long> apply) =>
        long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var x) ? Set(() => apply(x)) : $"'{value}' is not a whole number";
}
