using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Pool.Host.Configuration;
using Pool.Host.Run;
using Pool.Settlement.Commands;
using Pool.Testing;

namespace Pool.Host.Tests.Operations;

public class KubernetesManifestTests
{
    private const string SampleConfig = "pool.litecoin-main.json";
    private static readonly string[] PoolSections = ["Host", "Chain", "Stratum", "Ledger", "Settlement"];

    private static string Read(params string[] parts) => File.ReadAllText(RepositoryFiles.Combine(["deploy", .. parts]));

    [Test]
    public void ConfigMap_PoolJson_IsTheLitecoinMainSample()
    {
        var embedded = ManifestText.BlockScalar(Read("kubernetes", "config.yaml"), "pool.json");

        Assert.That(embedded, Is.EqualTo(File.ReadAllText(RepositoryFiles.Combine("config", SampleConfig)).TrimEnd() + "\n"));
    }

    [Test]
    public void StatefulSet_EveryPoolVariable_IsAConfigKeyThatLoadsWithTheSample()
    {
        var entries = ManifestText.EnvEntries(Read("kubernetes", "statefulset.yaml"));
        var sample = PoolConfiguration.Load(RepositoryFiles.Combine("config", SampleConfig));
        var namedByConfig = new[] { sample["Chain:RpcPasswordEnvironmentVariable"], sample["Ledger:RedisPasswordVariable"] };
        var overrides = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var entry in entries.Where(e => !namedByConfig.Contains(e.Name)))
        {
            Assert.That(entry.Name, Does.StartWith(PoolConfiguration.EnvironmentPrefix), $"{entry.Name} is neither a config key nor a secret the config names");
            var key = entry.Name[PoolConfiguration.EnvironmentPrefix.Length..].Replace("__", ":", StringComparison.Ordinal);
            Assert.That(PoolSections, Has.Member(key.Split(':')[0]), $"{entry.Name}: no config section {key.Split(':')[0]}");
            overrides[key] = entry.FieldPath switch
            {
                "metadata.name" => "pool-0",
                "metadata.labels['apps.kubernetes.io/pod-index']" => "0",
                null => entry.Value ?? throw new AssertionException($"{entry.Name} has neither a value nor a fieldRef"),
                var other => throw new AssertionException($"{entry.Name} comes from {other}, which this test does not know"),
            };
        }

        Assert.That(entries.Where(e => namedByConfig.Contains(e.Name)), Has.All.Matches<EnvEntry>(e => e.FromSecret), "secrets come from a Secret");
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(RepositoryFiles.Combine("config", SampleConfig))
            .AddInMemoryCollection(overrides)
            .Build();
        var settings = PoolSettings.Load(configuration);

        Assert.That(overrides.Keys, Has.Member("Host:InstanceId").And.Member("Stratum:InstancePrefix"), "each pod has its own id and extranonce prefix");
        Assert.That(settings.Host.InstanceId, Is.EqualTo("pool-0"));
        Assert.That(settings.Stratum.InstancePrefix, Is.Zero);
    }

    [Test]
    public void StatefulSetAndServices_Ports_MatchTheConfig()
    {
        var statefulSet = Read("kubernetes", "statefulset.yaml");
        var sample = PoolConfiguration.Load(RepositoryFiles.Combine("config", SampleConfig));
        var ports = ManifestText.ContainerPorts(statefulSet);
        var httpListen = ManifestText.EnvEntries(statefulSet).Single(e => e.Name == "POOL_Host__HttpListen").Value!;
        var httpPort = int.Parse(httpListen[(httpListen.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);

        Assert.That(ports["stratum"], Is.EqualTo(int.Parse(sample["Stratum:Ports:0:Port"]!, CultureInfo.InvariantCulture)));
        Assert.That(ports["stratum-tls"], Is.EqualTo(int.Parse(sample["Stratum:Ports:1:Port"]!, CultureInfo.InvariantCulture)));
        Assert.That(ports["http"], Is.EqualTo(httpPort));
        Assert.That(statefulSet, Does.Contain($"prometheus.io/port: \"{httpPort}\""));
        Assert.That(statefulSet, Does.Contain("path: /health"));
        var service = ManifestText.ServicePorts(Read("kubernetes", "service.yaml"));
        Assert.That(service, Has.Member((3333, "stratum")));
        Assert.That(service.Select(s => s.Target), Is.SubsetOf(ports.Keys));
    }

    [Test]
    public void SettleCronJob_EveryVariable_IsASettleVariableAndMatchesThePool()
    {
        var settle = ManifestText.ConfigMapVariables(Read("settle", "cronjob.yaml"));
        var known = typeof(EnvironmentNames).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!).ToHashSet();
        var pool = ManifestText.EnvEntries(Read("kubernetes", "statefulset.yaml"));
        var sample = PoolConfiguration.Load(RepositoryFiles.Combine("config", SampleConfig));

        Assert.That(settle.Keys, Is.SubsetOf(known));
        Assert.That(settle[EnvironmentNames.PoolId], Is.EqualTo(sample["Ledger:PoolId"]), "settle reads the pool's rounds");
        Assert.That(settle[EnvironmentNames.KeyPrefix], Is.EqualTo(sample["Settlement:KeyPrefix"]));
        Assert.That(settle[EnvironmentNames.Redis], Is.EqualTo(pool.Single(e => e.Name == "POOL_Ledger__RedisConfiguration").Value));
    }

    [Test]
    public void Kustomization_Resources_AllExist()
    {
        var directory = RepositoryFiles.Combine("deploy", "kubernetes");
        var resources = Read("kubernetes", "kustomization.yaml").Split('\n')
            .Select(l => l.Trim()).Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l[2..]).ToList();

        Assert.That(resources, Has.Member("statefulset.yaml").And.Member("config.yaml").And.Member("service.yaml"));
        Assert.That(resources.Where(r => !File.Exists(Path.Combine(directory, r)) || r.StartsWith("..", StringComparison.Ordinal)), Is.Empty,
            "kustomize loads files only from below its directory");
        Assert.That(Read("kubernetes", "kustomization.yaml"), Does.Contain("kubectl apply -f deploy/settle/cronjob.yaml"), "the settle CronJob is applied alongside");
        Assert.That(File.Exists(RepositoryFiles.Combine("deploy", "settle", "cronjob.yaml")), Is.True);
    }
}
