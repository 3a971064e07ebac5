using System.Globalization;
using System.Numerics;
using Pool.Settlement.Rewards;
using Pool.Settlement.Settlement;

namespace Pool.Settlement.Commands;

/// <summary>Builds <see cref="SettlementOptions"/> from <c>pool settle</c> flags, environment variables and the pool's configuration file, in that order of precedence.</summary>
public static class SettleCommandLine
{
    public const string DryRunSwitch = "--dry-run";
    public const string HelpSwitch = "--help";
    public const string KeyFileFlag = "--key-file";
    public const string ConfigFlag = "--config";

    /// <summary>Key of the settler key file's path in the configuration file (a path, never the key itself).</summary>
    public const string KeyFileConfigKey = "Settlement:SettlerKeyFile";

    private const string SettlementSection = "Settlement:";
    private const string RedisPasswordVariableKey = "Ledger:RedisPasswordVariable";
    private const string DefaultRedisPasswordVariable = "POOL_REDIS_PASSWORD";

    private static readonly (string Flag, string ConfigKey, string Environment, string Help, Func<SettlementOptions, string, string?> Apply)[] Settings =
    [
        ("--pool-id", "Ledger:PoolId", EnvironmentNames.PoolId, "pool id, part of every settlement id", (o, v) => Set(() => o.PoolId = v)),
        ("--rpc", "Settlement:RpcUrl", EnvironmentNames.RpcUrl, "EVM node JSON-RPC URL", (o, v) => Uri.TryCreate(v, UriKind.Absolute, out var u) ? Set(() => o.RpcUrl = u) : $"'{v}' is not an absolute URL"),
        ("--token", "Settlement:TokenAddress", EnvironmentNames.TokenAddress, "reward token contract address", (o, v) => Set(() => o.TokenAddress = v)),
        ("--redis", "Ledger:RedisConfiguration", EnvironmentNames.Redis, "Redis configuration string (host:port,…)", (o, v) => Set(() => o.Redis = v)),
        ("--key-prefix", "Settlement:KeyPrefix", EnvironmentNames.KeyPrefix, "prefix of the pool's Redis keys", (o, v) => Set(() => o.KeyPrefix = v)),
        ("--scheme", "Settlement:Scheme", EnvironmentNames.Scheme, "pplns (default), prop or solo", (o, v) => Enum.TryParse<PayoutScheme>(v, ignoreCase: true, out var s) && Enum.IsDefined(s) ? Set(() => o.Scheme = s) : $"'{v}' is not pplns, prop or solo"),
        ("--fee-bps", "Settlement:FeeBasisPoints", EnvironmentNames.FeeBasisPoints, "pool fee in basis points (100 = 1 %)", (o, v) => Int(v, x => o.FeeBasisPoints = x)),
        ("--fee-address", "Settlement:FeeAddress", EnvironmentNames.FeeAddress, "EVM address of the fee and rounding remainder", (o, v) => Set(() => o.FeeAddress = v)),
        ("--min-payout", "Settlement:MinimumPayout", EnvironmentNames.MinimumPayout, "smallest mint to a miner, base units", (o, v) => Long(v, x => o.MinimumPayout = x)),
        ("--chunk-size", "Settlement:ChunkSize", EnvironmentNames.ChunkSize, "recipients per transaction (1–1000, default 200)", (o, v) => Int(v, x => o.ChunkSize = x)),
        ("--confirmations", "Settlement:Confirmations", EnvironmentNames.Confirmations, "confirmations before a settlement is final (default 12)", (o, v) => Int(v, x => o.FinalConfirmations = x)),
        ("--receipt-timeout", "Settlement:ReceiptTimeoutSeconds", EnvironmentNames.ReceiptTimeout, "seconds one run waits for a receipt", (o, v) => Int(v, x => o.ReceiptTimeout = TimeSpan.FromSeconds(x))),
        ("--stuck-timeout", "Settlement:StuckTimeoutSeconds", EnvironmentNames.StuckTimeout, "seconds before a transaction is replaced with higher fees", (o, v) => Int(v, x => o.StuckTimeout = TimeSpan.FromSeconds(x))),
        ("--fee-bump-percent", "Settlement:FeeBumpPercent", EnvironmentNames.FeeBumpPercent, "fee raise of a replacement, percent (≥ 10)", (o, v) => Int(v, x => o.FeeBumpPercent = x)),
        ("--max-fee-cap-wei", "Settlement:MaxFeeCapWei", EnvironmentNames.MaxFeeCapWei, "highest fee cap per gas any transaction may carry, wei", (o, v) => BigInteger.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var x) ? Set(() => o.MaxFeePerGasCapWei = x) : $"'{v}' is not a whole number of wei"),
        ("--lock-ttl", "Settlement:LockTtlSeconds", EnvironmentNames.LockTtl, "seconds a killed run keeps the lock (renewed while running, default 60)", (o, v) => Int(v, x => o.LockTtl = TimeSpan.FromSeconds(x))),
        ("--priority-fee-wei", "Settlement:PriorityFeeWei", EnvironmentNames.PriorityFeeWei, "tip per gas of new transactions, wei", (o, v) => BigInteger.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var x) ? Set(() => o.PriorityFeeWei = x) : $"'{v}' is not a whole number of wei"),
    ];

    /// <summary>Option names, environment variables and meanings, for --help.</summary>
    public static string Usage
    {
        get
        {
            var lines = new List<string>
            {
                "usage: pool settle [--config FILE] [options] [--dry-run]",
                "Mints the reward token for confirmed, unpaid blocks. Each setting is taken from its option, else its environment",
                "variable [in brackets], else the pool's configuration file (key in braces), else its default:",
                $"  {ConfigFlag,-20} the pool's configuration file (config/pool.*.json); POOL_Section__Key variables override it",
            };
            lines.AddRange(Settings.Select(s => $"  {s.Flag,-20} {s.Help} [{s.Environment}] {{{s.ConfigKey}}}"));
            lines.Add($"  {KeyFileFlag,-20} file holding the settler private key [{EnvironmentNames.SettlerKeyFile}, or the key in {EnvironmentNames.SettlerKey}] {{{KeyFileConfigKey}}}");
            lines.Add($"  Redis password: the variable named by {{{RedisPasswordVariableKey}}}, else {DefaultRedisPasswordVariable}");
            lines.Add($"  {DryRunSwitch,-20} print who would get what, and why; write and send nothing");
            lines.Add("exit codes: 0 done, 1 failed (chain/Redis/contract; nothing lost), 2 bad options, 3 transaction pending, 4 another run holds the lock");
            return string.Join(Environment.NewLine, lines);
        }
    }

    /// <summary>Options from <paramref name="args"/> and <paramref name="environment"/>, validated; false with every error otherwise.</summary>
    public static bool TryParse(
        IReadOnlyList<string> args, Func<string, string?> environment, out SettlementOptions options, out string? keyFile, out bool help, out List<string> errors) =>
        TryParse(args, environment, readConfiguration: null, out options, out keyFile, out help, out errors);

    /// <summary>
    /// Options from <paramref name="args"/>, <paramref name="environment"/> and, when <c>--config FILE</c> is given, the pool's
    /// configuration file read by <paramref name="readConfiguration"/> (flat keys such as <c>Settlement:Scheme</c>; it throws
    /// <see cref="IOException"/> or <see cref="InvalidDataException"/> with a message naming the problem). Validated; false
    /// with every error otherwise.
    /// </summary>
    public static bool TryParse(
        IReadOnlyList<string> args,
        Func<string, string?> environment,
        Func<string, IReadOnlyDictionary<string, string?>>? readConfiguration,
        out SettlementOptions options,
        out string? keyFile,
        out bool help,
        out List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(environment);
        errors = [];
        options = new SettlementOptions();
        var parsed = CommandArguments.Parse(
            args,
            Settings.Select(s => s.Flag).Append(KeyFileFlag).Append(ConfigFlag).ToHashSet(StringComparer.Ordinal),
            new HashSet<string>(StringComparer.Ordinal) { DryRunSwitch, HelpSwitch },
            errors);
        help = parsed.Has(HelpSwitch);
        var file = ReadConfiguration(parsed.Get(ConfigFlag, null, environment), readConfiguration, errors);
        keyFile = parsed.Get(KeyFileFlag, null, environment) ?? FileValue(file, KeyFileConfigKey);
        foreach (var (flag, configKey, variable, _, apply) in Settings)
        {
            var fromFile = false;
            var value = parsed.Get(flag, variable, environment);
            if (value is null && FileValue(file, configKey) is { } configured)
            {
                value = configured;
                fromFile = true;
            }

            if (value is not null && apply(options, value.Trim()) is { } error)
            {
                errors.Add(fromFile ? $"{configKey} in {file!.Path}: {error}" : $"{flag} / {variable}: {error}");
            }
        }

        var passwordVariable = FileValue(file, RedisPasswordVariableKey) ?? DefaultRedisPasswordVariable;
        options.RedisPassword = environment(passwordVariable) is { Length: > 0 } password ? password : null;
        options.DryRun = parsed.Has(DryRunSwitch);
        if (errors.Count == 0)
        {
            errors.AddRange(options.Validate());
        }

        return errors.Count == 0;
    }

    private static ConfigurationFile? ReadConfiguration(
        string? path, Func<string, IReadOnlyDictionary<string, string?>>? readConfiguration, List<string> errors)
    {
        if (path is null)
        {
            return null;
        }

        if (readConfiguration is null)
        {
            errors.Add($"{ConfigFlag}: this program cannot read configuration files; pass the settings as options or environment variables");
            return null;
        }

        IReadOnlyDictionary<string, string?> values;
        try
        {
            values = readConfiguration(path);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            errors.Add($"{ConfigFlag} {path}: {e.Message}");
            return null;
        }

        var file = new ConfigurationFile(path, new Dictionary<string, string?>(values, StringComparer.OrdinalIgnoreCase));
        CheckSettlementKeys(file, errors);
        return file;
    }

    // A misspelt key would otherwise leave a default in force without a word, and a key that looks like a secret must not
    // sit in a file that is copied around and committed.
    private static void CheckSettlementKeys(ConfigurationFile file, List<string> errors)
    {
        var known = Settings.Where(s => s.ConfigKey.StartsWith(SettlementSection, StringComparison.Ordinal)).Select(s => s.ConfigKey)
            .Append(KeyFileConfigKey).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in file.Values)
        {
            if (value is null || !key.StartsWith(SettlementSection, StringComparison.OrdinalIgnoreCase) || known.Contains(key))
            {
                continue;
            }

            errors.Add(key.EndsWith("Key", StringComparison.OrdinalIgnoreCase)
                ? $"{key} in {file.Path}: private keys never go in the configuration file; put the key in a file named by {KeyFileConfigKey} or {EnvironmentNames.SettlerKeyFile}"
                : $"{key} in {file.Path} is not a setting of pool settle; known: {string.Join(", ", known.Order(StringComparer.Ordinal))}");
        }
    }

    private static string? FileValue(ConfigurationFile? file, string key) =>
        file is not null && file.Values.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    private sealed record ConfigurationFile(string Path, IReadOnlyDictionary<string, string?> Values);

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
