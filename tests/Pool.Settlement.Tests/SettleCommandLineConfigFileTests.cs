using Pool.Settlement.Commands;
using Pool.Settlement.Rewards;

namespace Pool.Settlement.Tests;

/// <summary>`pool settle --config FILE`: the pool's configuration file under options and environment variables.</summary>
public class SettleCommandLineConfigFileTests
{
    private const string File = "/etc/pool/pool.json";

    private static readonly Dictionary<string, string> NoEnvironment = [];

    private static readonly Dictionary<string, string?> PoolFile = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Ledger"] = null,
        ["Ledger:PoolId"] = "ltc-main",
        ["Ledger:RedisConfiguration"] = "10.0.0.5:6379",
        ["Ledger:SpoolDirectory"] = "/var/lib/pool/spool",
        ["Settlement"] = null,
        ["Settlement:KeyPrefix"] = "ltc:",
        ["Settlement:RpcUrl"] = "http://127.0.0.1:8545",
        ["Settlement:TokenAddress"] = "0x5fbdb2315678afecb367f032d93f642f64180aa3",
        ["Settlement:FeeAddress"] = "0xfee0000000000000000000000000000000000001",
        ["Settlement:Scheme"] = "prop",
        ["Settlement:FeeBasisPoints"] = "150",
        ["Settlement:MinimumPayout"] = "100000",
        ["Settlement:ChunkSize"] = "120",
        ["Settlement:Confirmations"] = "6",
        ["Settlement:StuckTimeoutSeconds"] = "45",
        ["Settlement:SettlerKeyFile"] = "/etc/pool/settler.key",
    };

    [Test]
    public void TryParse_ConfigFileOnly_EverySettingFromTheFileAndTheLedgerSection()
    {
        var ok = Parse(["--config", File], NoEnvironment, PoolFile, out var options, out var keyFile, out var errors);

        Assert.That(ok, Is.True, string.Join("; ", errors));
        Assert.Multiple(() =>
        {
            Assert.That(options.PoolId, Is.EqualTo("ltc-main"), "the pool id is the ledger's, so pool and settle cannot drift apart");
            Assert.That(options.Redis, Is.EqualTo("10.0.0.5:6379"));
            Assert.That(options.KeyPrefix, Is.EqualTo("ltc:"));
            Assert.That(options.Scheme, Is.EqualTo(PayoutScheme.Prop));
            Assert.That(options.FeeBasisPoints, Is.EqualTo(150));
            Assert.That(options.MinimumPayout, Is.EqualTo(100_000));
            Assert.That(options.ChunkSize, Is.EqualTo(120));
            Assert.That(options.FinalConfirmations, Is.EqualTo(6));
            Assert.That(options.StuckTimeout, Is.EqualTo(TimeSpan.FromSeconds(45)));
            Assert.That(keyFile, Is.EqualTo("/etc/pool/settler.key"));
        });
    }

    [Test]
    public void TryParse_ConfigFileEnvironmentAndFlag_FlagThenEnvironmentThenFile()
    {
        var env = new Dictionary<string, string> { [EnvironmentNames.FeeBasisPoints] = "200", [EnvironmentNames.ChunkSize] = "80" };

        Parse(["--config", File, "--chunk-size", "40"], env, PoolFile, out var options, out _, out _);

        Assert.That(options.ChunkSize, Is.EqualTo(40));
        Assert.That(options.FeeBasisPoints, Is.EqualTo(200));
        Assert.That(options.Scheme, Is.EqualTo(PayoutScheme.Prop));
    }

    [Test]
    public void TryParse_BadValueInFile_ErrorNamesKeyAndFile()
    {
        var file = new Dictionary<string, string?>(PoolFile, StringComparer.OrdinalIgnoreCase) { ["Settlement:FeeBasisPoints"] = "one percent" };

        var ok = Parse(["--config", File], NoEnvironment, file, out _, out _, out var errors);

        Assert.That(ok, Is.False);
        Assert.That(errors, Has.Some.EqualTo($"Settlement:FeeBasisPoints in {File}: 'one percent' is not a whole number"));
    }

    [Test]
    public void TryParse_MisspeltSettlementKey_RefusedWithTheKnownKeys()
    {
        var file = new Dictionary<string, string?>(PoolFile, StringComparer.OrdinalIgnoreCase) { ["Settlement:FeeBasisPoint"] = "100" };

        var ok = Parse(["--config", File], NoEnvironment, file, out _, out _, out var errors);

        Assert.That(ok, Is.False);
        Assert.That(errors, Has.Some.StartsWith($"Settlement:FeeBasisPoint in {File} is not a setting of pool settle; known: ").And.Contains("Settlement:FeeBasisPoints"));
    }

    [Test]
    public void TryParse_PrivateKeyInFile_RefusedPointingAtKeyFile()
    {
        var file = new Dictionary<string, string?>(PoolFile, StringComparer.OrdinalIgnoreCase)
        {
            ["Settlement:SettlerKey"] = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
        };

        var ok = Parse(["--config", File], NoEnvironment, file, out _, out _, out var errors);

        Assert.That(ok, Is.False);
        Assert.That(errors, Has.Some.Contains("private keys never go in the configuration file"));
        Assert.That(string.Join("\n", errors), Does.Not.Contain("59c6995e"), "the key itself is never echoed");
    }

    [Test]
    public void TryParse_RedisPassword_FromTheVariableTheLedgerNames()
    {
        var file = new Dictionary<string, string?>(PoolFile, StringComparer.OrdinalIgnoreCase) { ["Ledger:RedisPasswordVariable"] = "LEDGER_SECRET" };
        var env = new Dictionary<string, string> { ["LEDGER_SECRET"] = "s3cret", ["POOL_REDIS_PASSWORD"] = "not-this-one" };

        Parse(["--config", File], env, file, out var options, out _, out _);
        Parse([], new Dictionary<string, string>(env) { [EnvironmentNames.RpcUrl] = "http://127.0.0.1:8545" }, null, out var withoutFile, out _, out _);

        Assert.That(options.RedisPassword, Is.EqualTo("s3cret"));
        Assert.That(withoutFile.RedisPassword, Is.EqualTo("not-this-one"));
    }

    [Test]
    public void TryParse_FileCannotBeRead_ErrorNamesPathAndReason()
    {
        var ok = SettleCommandLine.TryParse(
            ["--config", "/nowhere/pool.json"], _ => null, _ => throw new FileNotFoundException("config file '/nowhere/pool.json' does not exist"),
            out _, out _, out _, out var errors);

        Assert.That(ok, Is.False);
        Assert.That(errors, Has.Some.EqualTo("--config /nowhere/pool.json: config file '/nowhere/pool.json' does not exist"));
    }

    [Test]
    public void TryParse_ConfigWithoutReader_Refused()
    {
        var ok = SettleCommandLine.TryParse(["--config", File], _ => null, out _, out _, out _, out var errors);

        Assert.That(ok, Is.False);
        Assert.That(errors, Has.Some.StartsWith("--config: this program cannot read configuration files"));
    }

    private static bool Parse(
        string[] args,
        IReadOnlyDictionary<string, string> environment,
        IReadOnlyDictionary<string, string?>? file,
        out Pool.Settlement.Settlement.SettlementOptions options,
        out string? keyFile,
        out List<string> errors) =>
        SettleCommandLine.TryParse(
            args, SettleCommandLineTests.Lookup(environment), file is null ? null : _ => file, out options, out keyFile, out _, out errors);
}
