using System.Text.Json;
using Pool.Host.Tests.Support;
using Pool.Testing;

namespace Pool.Host.Tests.Operations;

public class DeployFilesTests
{
    private static string Alerts => RepositoryFiles.Combine("deploy", "prometheus", "alerts.yml");

    private static string Dashboard => RepositoryFiles.Combine("deploy", "grafana", "pool-overview.json");

    [Test]
    public async Task AlertRules_EveryMetric_IsExportedByThePool()
    {
        var exported = await ExportedMetricNames.ReadAsync();
        var used = ExportedMetricNames.UsedIn(await File.ReadAllTextAsync(Alerts));

        Assert.That(used, Has.Count.GreaterThan(8));
        Assert.That(used.Except(exported), Is.Empty, "metrics the alert rules use but the pool does not export");
    }

    [Test]
    public async Task Dashboard_EveryMetric_IsExportedByThePool()
    {
        var exported = await ExportedMetricNames.ReadAsync();
        using var dashboard = JsonDocument.Parse(await File.ReadAllTextAsync(Dashboard));
        var expressions = dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(p => p.GetProperty("targets").EnumerateArray())
            .Select(t => t.GetProperty("expr").GetString()!)
            .ToList();
        var used = ExportedMetricNames.UsedIn(string.Join('\n', expressions));

        Assert.That(used, Has.Count.GreaterThan(20));
        Assert.That(used.Except(exported), Is.Empty, "metrics the dashboard uses but the pool does not export");
    }

    [Test]
    public async Task Dashboard_WithAlertRules_CoversEveryPoolMetric()
    {
        var exported = (await ExportedMetricNames.ReadAsync()).Where(n => n.StartsWith("pool_", StringComparison.Ordinal));
        var used = ExportedMetricNames.UsedIn(await File.ReadAllTextAsync(Dashboard) + await File.ReadAllTextAsync(Alerts));
        var stems = used.Select(n => n.EndsWith("_bucket", StringComparison.Ordinal) || n.EndsWith("_sum", StringComparison.Ordinal) || n.EndsWith("_count", StringComparison.Ordinal)
            ? n[..n.LastIndexOf('_')] : n).ToHashSet();

        Assert.That(exported.Where(n => !used.Contains(n) && !stems.Contains(n) && !IsHistogramPart(n, stems)), Is.Empty, "pool metrics shown nowhere");
    }

    [Test]
    [Category("Integration")]
    public async Task AlertRules_Promtool_CheckRulesPasses()
    {
        var (exitCode, output) = await CommandLineTool.RunAsync("promtool", "check", "rules", Alerts);

        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Contain("SUCCESS"));
    }

    [Test]
    [Category("Integration")]
    public async Task AlertRules_PromtoolUnitTests_Pass()
    {
        var (exitCode, output) = await CommandLineTool.RunAsync("promtool", "test", "rules", RepositoryFiles.Combine("deploy", "prometheus", "alerts.test.yml"));

        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Contain("SUCCESS"));
    }

    [Category("Integration")]
    [TestCase("prometheus.yml")]
    public async Task ScrapeConfig_Promtool_CheckConfigPasses(string file)
    {
        var (exitCode, output) = await CommandLineTool.RunAsync("promtool", "check", "config", RepositoryFiles.Combine("deploy", "prometheus", file));

        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Contain("1 rule files found"));
    }

    private static bool IsHistogramPart(string name, HashSet<string> stems) =>
        new[] { "_bucket", "_sum", "_count" }.Any(s => name.EndsWith(s, StringComparison.Ordinal) && stems.Contains(name[..^s.Length]));
}
