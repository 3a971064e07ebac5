namespace Pool.Core.Mining;

/// <summary>Where a closed round's block stands.</summary>
public enum RoundStatus
{
    /// <summary>Found, not yet mature.</summary>
    Pending,

    /// <summary>Reached coinbase maturity on the active chain: payable.</summary>
    Confirmed,

    /// <summary>No longer on the active chain: pays nothing, ever.</summary>
    Orphaned,
}
