using System.Text;
using System.Text.RegularExpressions;
using Pool.Host.Metrics;

namespace Pool.Host.Tests.Operations;

/// <summary>The metric names the pool's registry exports, histogram and summary series included, and those deploy files use.</summary>
public static partial class ExportedMetricNames
{
    /// <summary>Every series name a scrape of the default registry with the pool's metrics contains.</summary>
    public static async Task<HashSet<string>> ReadAsync()
    {
        _ = new PoolMetrics(Prometheus.Metrics.DefaultRegistry);
        using var stream = new MemoryStream();
        await Prometheus.Metrics.DefaultRegistry.CollectAndExportAsTextAsync(stream);
        return FromExposition(Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>Names declared by "# TYPE" lines of a Prometheus text exposition, with _bucket/_sum/_count for histograms.</summary>
    public static HashSet<string> FromExposition(string text)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in TypeLine().Matches(text))
        {
            var name = match.Groups["name"].Value;
            names.Add(name);
            if (match.Groups["type"].Value is "histogram" or "summary")
            {
                names.UnionWith([name + "_bucket", name + "_sum", name + "_count"]);
            }
        }

        return names;
    }

    /// <summary>The pool and process metric names referenced in <paramref name="text"/> (PromQL in rules or dashboards).</summary>
    public static HashSet<string> UsedIn(string text) => UsedName().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"^# TYPE (?<name>[a-zA-Z_:][a-zA-Z0-9_:]*) (?<type>\w+)", RegexOptions.Multiline)]
    private static partial Regex TypeLine();

    [GeneratedRegex(@"\b(?:pool|process|dotnet)_[a-z0-9_]+\b")]
    private static partial Regex UsedName();
}
