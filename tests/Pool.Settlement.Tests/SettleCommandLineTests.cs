using Pool.Settlement.Commands;
using Pool.Settlement.Rewards;

namespace Pool.Settlement.Tests;

public class SettleCommandLineTests
{
    private static readonly Dictionary<string, string> BaseEnvironment = new(StringComparer.Ordinal)
    {
        [EnvironmentNames.RpcUrl] = "http://127.0.0.1:8545",
        [EnvironmentNames.TokenAddress] = "0x5fbdb2315678afecb367f032d93f642f64180aa3",
        [EnvironmentNames.FeeAddress] = "0xfee0000000000000000000000000000000000001",
    };

    [Test]
    public void TryParse_EnvironmentOnly_BuildsValidOptions()
    {
        var env = new Dictionary<string, string>(BaseEnvironment) { [EnvironmentNames.Scheme] = "PROP", [EnvironmentNames.FeeBasisPoints] = "250" };

        var ok = SettleCommandLine.TryParse([], Lookup(env), out var options, out _, out _, out var errors);

        Assert.That(ok, Is.True, string.Join("; ", errors));
        Assert.That(options.Scheme, Is.EqualTo(PayoutScheme.Prop));
        Assert.That(options.FeeBasisPoints, Is.EqualTo(250));
        Assert.That(options.RpcUrl, Is.EqualTo(new Uri("http://127.0.0.1:8545")));
    }

    [Test]
    public void TryParse_FlagAndEnvironment_FlagWins()
    {
        var env = new Dictionary<string, string>(BaseEnvironment) { [EnvironmentNames.ChunkSize] = "50" };

        SettleCommandLine.TryParse(["--chunk-size=120", "--min-payout", "1000", "--dry-run"], Lookup(env), out var options, out _, out _, out _);

        Assert.That(options.ChunkSize, Is.EqualTo(120));
        Assert.That(options.MinimumPayout, Is.EqualTo(1000));
        Assert.That(options.DryRun, Is.True);
    }

    [Test]
    public void TryParse_BadValues_EachErrorNamesFlagAndVariable()
    {
        var ok = SettleCommandLine.TryParse(["--fee-bps", "one", "--scheme", "pps", "--bogus"], Lookup(BaseEnvironment), out _, out _, out _, out var errors);

        Assert.That(ok, Is.False);
        Assert.That(errors, Has.Some.Contains("--fee-bps / POOL_FEE_BPS: 'one' is not a whole number"));
        Assert.That(errors, Has.Some.Contains("'pps' is not pplns, prop or solo"));
        Assert.That(errors, Has.Some.Contains("unknown option --bogus"));
    }

    [Test]
    public void TryParse_MissingFeeAddressAndLowBump_SaysWhatToSet()
    {
        var env = new Dictionary<string, string>(BaseEnvironment) { [EnvironmentNames.FeeBumpPercent] = "5" };
        env.Remove(EnvironmentNames.FeeAddress);

        SettleCommandLine.TryParse([], Lookup(env), out _, out _, out _, out var errors);

        Assert.That(errors, Has.Some.Contains("fee address is missing: set --fee-address or POOL_FEE_ADDRESS"));
        Assert.That(errors, Has.Some.Contains("at least 10").Or.Some.Contains("10–1000"));
    }

    [Test]
    public void TryParse_MixedCaseTokenAddressWithBadChecksum_RejectedWithEip55Message()
    {
        var env = new Dictionary<string, string>(BaseEnvironment) { [EnvironmentNames.TokenAddress] = "0x5FbDB2315678afecb367f032d93F642f64180aa4" };

        SettleCommandLine.TryParse([], Lookup(env), out _, out _, out _, out var errors);

        Assert.That(errors, Has.Some.Contains("EIP-55"));
    }

    internal static Func<string, string?> Lookup(IReadOnlyDictionary<string, string> env) => name => env.GetValueOrDefault(name);
}
