namespace Pool.Core.Mining;

/// <summary>Asks the coin node where a block stands, so rounds move from pending to confirmed or orphaned.</summary>
public interface IBlockConfirmationSource
{
    /// <summary>Whether the block is on the node's active chain, and with how many confirmations.</summary>
    Task<BlockConfirmation> GetConfirmationAsync(string blockHash, CancellationToken cancellationToken = default);
}

/// <summary>A block's place on the node's chain.</summary>
/// <param name="OnActiveChain">False once the block is no longer on the active chain (orphaned), or unknown to the node.</param>
/// <param name="Confirmations">Confirmations (1 = the tip); 0 when not on the active chain.</param>
public readonly record struct BlockConfirmation(bool OnActiveChain, long Confirmations);
