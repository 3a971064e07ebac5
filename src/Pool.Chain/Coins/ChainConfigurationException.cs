namespace Pool.Chain.Coins;

/// <summary>The chain section of the configuration cannot be used; the message says what to fix.</summary>
public sealed class ChainConfigurationException : Exception
{
    public ChainConfigurationException(string message)
        : base(message)
    {
    }

    public ChainConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ChainConfigurationException()
    {
    }
}
