namespace Pool.Settlement.Settlement;

/// <summary>Where one settlement chunk stands. It only moves forward, except back to Planned when its nonce was taken by another transaction.</summary>
public enum ChunkState
{
    /// <summary>Amounts fixed and balances debited; no transaction signed yet.</summary>
    Planned,

    /// <summary>A signed transaction (nonce, hash, raw bytes) is recorded; it may or may not have reached the node.</summary>
    Submitted,

    /// <summary>A successful receipt was seen; waiting for enough confirmations.</summary>
    Mined,

    /// <summary>Confirmed deeply enough; done.</summary>
    Final,
}
