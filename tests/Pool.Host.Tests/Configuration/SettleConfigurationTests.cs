using Pool.Host.Configuration;
using Pool.Host.Run;
using Pool.Settlement.Commands;
using Pool.Settlement.Rewards;
using Pool.Testing;

namespace Pool.Host.Tests.Configuration;

/// <summary>`pool settle --config` reads the same sample files as `pool run`, so both agree on pool id, Redis and key prefix.</summary>
public class SettleConfigurationTests
{
    private static readonly Dictionary<string, string> DeployedToken = new(StringComparer.Ordinal)
    {
        [EnvironmentNames.TokenAddress] = "0x5fbdb2315678afecb367f032d93f642f64180aa3",
        [EnvironmentNames.FeeAddress] = "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc",
    };

    [TestCaseSource(typeof(PoolSettingsTests), nameof(PoolSettingsTests.SampleConfigs))]
    public void SampleConfig_ReadBySettle_ValidAndSharesThePoolsLedgerSettings(string file)
    {
        var path = RepositoryFiles.Combine("config", file);
        var pool = PoolSettings.Load(PoolConfiguration.Load(path));

        var ok = SettleCommandLine.TryParse(
            ["--config", path], name => DeployedToken.GetValueOrDefault(name), PoolCommandLine.ReadSettleConfiguration,
            out var options, out _, out _, out var errors);

        Assert.That(ok, Is.True, string.Join("\n", errors));
        Assert.Multiple(() =>
        {
            Assert.That(options.PoolId, Is.EqualTo(pool.Ledger.PoolId));
            Assert.That(options.Redis, Is.EqualTo(pool.Ledger.RedisConfiguration));
            Assert.That(options.KeyPrefix, Is.EqualTo(pool.TokenKeyPrefix));
            Assert.That(options.Scheme, Is.EqualTo(PayoutScheme.Pplns));
        });
    }

    [Test]
    public void ReadSettleConfiguration_MalformedFile_InvalidDataWithPosition()
    {
        using var directory = new TempDirectory("config");
        var path = directory.Combine("pool.json");
        File.WriteAllText(path, "{\n  \"Settlement\": { \"Scheme\": \"pplns\" },\n  broken\n}\n");

        var ok = SettleCommandLine.TryParse(["--config", path], _ => null, PoolCommandLine.ReadSettleConfiguration, out _, out _, out _, out var errors);

        Assert.That(ok, Is.False);
        Assert.That(errors, Has.Some.StartsWith($"--config {path}: ").And.Contains("LineNumber: 2"));
    }

    [Test]
    public void ReadSettleConfiguration_MissingFile_SaysWhichFile()
    {
        var ok = SettleCommandLine.TryParse(["--config", "/nonexistent/pool.json"], _ => null, PoolCommandLine.ReadSettleConfiguration, out _, out _, out _, out var errors);

        Assert.That(ok, Is.False);
        Assert.That(errors, Has.Some.Contains("'/nonexistent/pool.json' does not exist"));
    }
}
