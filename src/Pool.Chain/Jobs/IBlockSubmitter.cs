namespace Pool.Chain.Jobs;

/// <summary>Turns a winning share into a full block and hands it to the node.</summary>
public interface IBlockSubmitter
{
    /// <summary>Assembles the block for a share that met the network target and submits it.</summary>
    Task<BlockSubmission> SubmitAsync(MiningJob job, byte[] extranonce1, byte[] extranonce2, uint time, uint nonce, uint version, CancellationToken cancellationToken = default);
}

/// <summary>What the node said of a submitted block.</summary>
/// <param name="BlockHash">Hash of the submitted block, display order.</param>
/// <param name="Accepted">True when the node accepted it (submitblock answered null).</param>
/// <param name="RejectReason">The node's reason when not accepted (e.g. "duplicate", "high-hash", "bad-txnmrklroot").</param>
public sealed record BlockSubmission(string BlockHash, bool Accepted, string? RejectReason)
{
    /// <summary>Whether the block was on the node's active chain right after submission; null when that could not be checked.</summary>
    public bool? OnActiveChain { get; init; }
}
