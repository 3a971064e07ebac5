namespace Pool.Settlement.Chain;

/// <summary>The contract refused a call (it would revert); <see cref="Exception.Message"/> names the contract error.</summary>
public sealed class ContractRevertedException : Exception
{
    public ContractRevertedException()
    {
    }

    public ContractRevertedException(string message)
        : base(message)
    {
    }

    public ContractRevertedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Name of the Solidity custom error (e.g. "SettlementAlreadyUsed"), or null when it could not be decoded.</summary>
    public string? ErrorName { get; init; }
}
