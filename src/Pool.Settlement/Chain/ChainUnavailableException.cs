namespace Pool.Settlement.Chain;

/// <summary>The EVM node could not be reached or did not answer; nothing was lost, the next run continues.</summary>
public sealed class ChainUnavailableException : Exception
{
    public ChainUnavailableException()
    {
    }

    public ChainUnavailableException(string message)
        : base(message)
    {
    }

    public ChainUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
