using Pool.Host.Configuration;
using Pool.Host.Run;
using Pool.Testing;

namespace Pool.Host.Tests.Configuration;

public class PoolSettingsTests
{
    public static IEnumerable<string> SampleConfigs() =>
        Directory.GetFiles(RepositoryFiles.Combine("config"), "pool.*.json").Select(Path.GetFileName).Order()!;

    [TestCaseSource(nameof(SampleConfigs))]
    public void Load_SampleConfig_EveryKeyKnownAndValid(string file)
    {
        var settings = PoolSettings.Load(PoolConfiguration.Load(RepositoryFiles.Combine("config", file)));

        Assert.That(settings.Stratum.Ports, Is.Not.Empty);
        Assert.That(settings.Ledger.InstanceId, Is.EqualTo(settings.Host.InstanceId));
    }

    [Test]
    public void Load_SampleConfigs_CoverBitcoinNetworksAndLitecoin()
    {
        Assert.That(SampleConfigs(), Is.SupersetOf(new[]
        {
            "pool.bitcoin-main.json", "pool.bitcoin-testnet.json", "pool.bitcoin-regtest.json", "pool.litecoin-main.json", "pool.litecoin-regtest.json",
        }));
    }

    [Test]
    public void Load_SeveralWrongKeys_NamesEveryOne()
    {
        var problems = ProblemsOfSampleWith(
            ("\"PoolTag\": \"/pool/\"", "\"PoolTag\": \"/a pool tag much longer than twenty bytes/\""),
            ("\"MaxLineBytes\": 4096", "\"MaxLineBytes\": 4096, \"MaxLineByte\": 1"),
            ("\"HttpListen\": \"127.0.0.1:9464\"", "\"HttpListen\": \"nowhere\""));

        Assert.That(problems, Has.Some.Contains("MaxLineByte"), "an unknown key is named");
        Assert.That(string.Join("\n", problems), Does.Contain("Stratum"));
    }

    [Test]
    public void Load_InvalidValues_ReportsAllAtOnce()
    {
        var problems = ProblemsOfSampleWith(
            ("\"PoolTag\": \"/pool/\"", "\"PoolTag\": \"/a pool tag much longer than twenty bytes/\""),
            ("\"HttpListen\": \"127.0.0.1:9464\"", "\"HttpListen\": \"nowhere\""),
            ("\"Extranonce2Size\": 4", "\"Extranonce2Size\": 2"));

        Assert.That(problems, Has.Some.Contains("HttpListen"));
        Assert.That(problems, Has.Some.Contains("PoolTag").Or.Some.Contains("tag"));
        Assert.That(problems, Has.Some.Contains("Extranonce2Size"));
    }

    [Test]
    public void Load_EnvironmentOverridesFile()
    {
        Environment.SetEnvironmentVariable("POOL_Host__InstanceId", "from-env");
        try
        {
            var settings = PoolSettings.Load(PoolConfiguration.Load(RepositoryFiles.Combine("config", "pool.litecoin-regtest.json")));
            Assert.That(settings.Host.InstanceId, Is.EqualTo("from-env"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("POOL_Host__InstanceId", null);
        }
    }

    [Test]
    public void Load_MalformedJson_SaysFileAndPosition()
    {
        using var directory = new TempDirectory("config");
        var file = directory.Combine("pool.json");
        File.WriteAllText(file, "{\n  \"Host\": { \"InstanceId\": \"x\" },\n  broken\n}\n");

        var problem = Assert.Throws<ConfigurationException>(() => PoolConfiguration.Load(file))!.Problems.Single();

        Assert.That(problem, Does.Contain(file));
        Assert.That(problem, Does.Contain("LineNumber: 2"));
    }

    [Test]
    public void Load_MissingFile_SaysWhichFile()
    {
        var error = Assert.Throws<FileNotFoundException>(() => PoolConfiguration.Load("/nonexistent/pool.json"))!;
        Assert.That(error.Message, Does.Contain("/nonexistent/pool.json"));
    }

    // The regtest sample with some text replaced, loaded: the problems PoolSettings reports.
    private static IReadOnlyList<string> ProblemsOfSampleWith(params (string Old, string New)[] replacements)
    {
        using var directory = new TempDirectory("config");
        var file = directory.Combine("pool.json");
        var text = File.ReadAllText(RepositoryFiles.Combine("config", "pool.litecoin-regtest.json"));
        foreach (var (old, replacement) in replacements)
        {
            Assert.That(text, Does.Contain(old), "the sample still has the text this test changes");
            text = text.Replace(old, replacement, StringComparison.Ordinal);
        }

        File.WriteAllText(file, text);
        return Assert.Throws<ConfigurationException>(() => PoolSettings.Load(PoolConfiguration.Load(file)))!.Problems;
    }
}
