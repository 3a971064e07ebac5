using System.Text.RegularExpressions;

namespace Pool.Host.Tests.Operations;

/// <summary>
/// Reads the few things the deployment tests need from the repository's own YAML files: container environment entries,
/// ConfigMap data keys, block scalars and named ports. It handles the layout those files use, not YAML in general.
/// </summary>
public static partial class ManifestText
{
    /// <summary>Every `- name: X` env entry (upper-case names: container, port and volume names are lower-case) with what follows it.</summary>
    public static IReadOnlyList<EnvEntry> EnvEntries(string yaml)
    {
        var entries = new List<EnvEntry>();
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var name = EnvName().Match(lines[i]);
            if (!name.Success)
            {
                continue;
            }

            string? value = null;
            string? fieldPath = null;
            var fromSecret = false;
            for (var j = i + 1; j < lines.Length && !lines[j].TrimStart().StartsWith("- ", StringComparison.Ordinal); j++)
            {
                var line = lines[j].Trim();
                if (line.StartsWith("value:", StringComparison.Ordinal))
                {
                    value = Unquote(line["value:".Length..].Trim());
                }
                else if (line.StartsWith("fieldPath:", StringComparison.Ordinal))
                {
                    fieldPath = line["fieldPath:".Length..].Trim();
                }
                else if (line.StartsWith("secretKeyRef:", StringComparison.Ordinal))
                {
                    fromSecret = true;
                }
            }

            entries.Add(new EnvEntry(name.Groups[1].Value, value, fieldPath, fromSecret));
        }

        return entries;
    }

    /// <summary>The POOL_* keys and values of ConfigMap data sections (two-space indented `KEY: value` lines).</summary>
    public static IReadOnlyDictionary<string, string> ConfigMapVariables(string yaml) =>
        DataVariable().Matches(yaml).ToDictionary(m => m.Groups[1].Value, m => Unquote(m.Groups[2].Value.Trim()), StringComparer.Ordinal);

    /// <summary>The text of the block scalar `key: |` with its indentation removed.</summary>
    public static string BlockScalar(string yaml, string key)
    {
        var lines = yaml.Split('\n');
        var start = Array.FindIndex(lines, l => l.Trim() == key + ": |");
        var indent = lines[start].Length - lines[start].TrimStart().Length + 2;
        var body = lines.Skip(start + 1).TakeWhile(l => l.Length == 0 || l.Length - l.TrimStart().Length >= indent);
        return string.Join('\n', body.Select(l => l.Length >= indent ? l[indent..] : l)).TrimEnd() + "\n";
    }

    /// <summary>Named container ports: name → containerPort.</summary>
    public static IReadOnlyDictionary<string, int> ContainerPorts(string yaml) =>
        ContainerPort().Matches(yaml).ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Service ports: (port, targetPort name).</summary>
    public static IReadOnlyList<(int Port, string Target)> ServicePorts(string yaml) =>
        ServicePort().Matches(yaml).Select(m => (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups[2].Value)).ToList();

    private static string Unquote(string text) => text.Length >= 2 && text[0] == '"' && text[^1] == '"' ? text[1..^1] : text;

    [GeneratedRegex(@"^\s*- name: ([A-Z][A-Za-z0-9_]*)\s*$")]
    private static partial Regex EnvName();

    [GeneratedRegex(@"^  (POOL_[A-Za-z0-9_]+): (.*)$", RegexOptions.Multiline)]
    private static partial Regex DataVariable();

    [GeneratedRegex(@"- name: ([a-z-]+)\s*\n\s*containerPort: (\d+)")]
    private static partial Regex ContainerPort();

    [GeneratedRegex(@"port: (\d+)\s*\n\s*targetPort: ([a-z-]+)")]
    private static partial Regex ServicePort();
}
