namespace Pool.Host.Configuration;

/// <summary>The configuration is wrong; <see cref="Problems"/> lists every key to fix.</summary>
public sealed class ConfigurationException : Exception
{
    /// <summary>Creates the exception from the list of problems found.</summary>
    public ConfigurationException(IReadOnlyList<string> problems)
        : base("the configuration has problems:\n  " + string.Join("\n  ", problems))
    {
        Problems = problems;
    }

    public ConfigurationException()
        : this([])
    {
    }

    public ConfigurationException(string message)
        : this([message])
    {
    }

    public ConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    /// <summary>One line per wrong or missing key, each saying what to fix.</summary>
    public IReadOnlyList<string> Problems { get; } = [];
}
