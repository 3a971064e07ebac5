namespace Pool.Settlement.Chain;

/// <summary>What the node said to a raw transaction.</summary>
public enum SendOutcome
{
    /// <summary>Accepted into the node's pool.</summary>
    Accepted,

    /// <summary>The node already has this exact transaction.</summary>
    AlreadyKnown,

    /// <summary>The nonce is already used on chain (by this or another transaction).</summary>
    NonceTooLow,

    /// <summary>Refused for another reason (fee too low for a replacement, insufficient funds…).</summary>
    Rejected,
}
