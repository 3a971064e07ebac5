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

    /// <summary>Refused for its fees: below the base fee, or a replacement that does not raise them enough.</summary>
    Underpriced,

    /// <summary>Refused for another reason (insufficient funds for gas, invalid signature…); resending will not help.</summary>
    Rejected,
}
