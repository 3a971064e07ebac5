namespace Pool.Settlement.Commands;

/// <summary>Parses <c>--name value</c>, <c>--name=value</c> and switches against a known set of names.</summary>
public sealed class CommandArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _switches = new(StringComparer.Ordinal);

    private CommandArguments()
    {
    }

    /// <summary>Parses <paramref name="args"/>; every unknown or malformed argument becomes an error message.</summary>
    public static CommandArguments Parse(IReadOnlyList<string> args, IReadOnlySet<string> valueNames, IReadOnlySet<string> switchNames, List<string> errors)
    {
        var parsed = new CommandArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                errors.Add($"unexpected argument '{arg}' (options start with --)");
                continue;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? arg[..equals] : arg;
            if (switchNames.Contains(name) && equals < 0)
            {
                parsed._switches.Add(name);
            }
            else if (valueNames.Contains(name))
            {
                if (equals > 0)
                {
                    parsed._values[name] = arg[(equals + 1)..];
                }
                else if (i + 1 < args.Count)
                {
                    parsed._values[name] = args[++i];
                }
                else
                {
                    errors.Add($"{name} needs a value");
                }
            }
            else
            {
                errors.Add($"unknown option {name}");
            }
        }

        return parsed;
    }

    public bool Has(string switchName) => _switches.Contains(switchName);

    /// <summary>The flag's value, else the environment variable's, else null.</summary>
    public string? Get(string name, string? environmentVariable, Func<string, string?> environment) =>
        _values.TryGetValue(name, out var value) ? value
        : environmentVariable is null ? null
        : environment(environmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : null;
}
