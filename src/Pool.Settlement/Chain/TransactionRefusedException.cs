namespace Pool.Settlement.Chain;

/// <summary>The node refused a signed transaction for a reason resending cannot fix (e.g. no ether for gas).</summary>
public sealed class TransactionRefusedException : Exception
{
    public TransactionRefusedException()
    {
    }

    public TransactionRefusedException(string message)
        : base(message)
    {
    }

    public TransactionRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
