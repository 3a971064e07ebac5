using Microsoft.Extensions.Logging;
using Pool.Chain.Jobs;
using Pool.Chain.Rpc;

namespace Pool.Chain.Blocks;

/// <summary>
/// Assembles the block of a winning share, submits it and checks that it is on the node's active chain.
/// Never throws for node trouble: a block that could not be delivered is logged in full (hex) so it can be
/// submitted by hand, and reported as not accepted.
/// </summary>
public sealed class BlockSubmitter : IBlockSubmitter
{
    /// <summary>The node already had the block (e.g. a retried submission whose first answer was lost).</summary>
    public const string DuplicateReason = "duplicate";

    /// <summary>The block is valid but the node has not decided whether it joins the active chain.</summary>
    public const string InconclusiveReason = "inconclusive";

    private readonly NodeRpcClient _rpc;
    private readonly ILogger _logger;

    /// <summary>Creates a submitter talking to <paramref name="rpc"/>.</summary>
    public BlockSubmitter(NodeRpcClient rpc, ILogger logger)
    {
        _rpc = rpc;
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task<BlockSubmission> SubmitAsync(MiningJob job, byte[] extranonce1, byte[] extranonce2, uint time, uint nonce, uint version, CancellationToken cancellationToken = default)
    {
        var block = BlockAssembler.Assemble(job, extranonce1, extranonce2, time, nonce, version);
        string? answer;
        try
        {
            answer = await _rpc.SubmitBlockAsync(block.Data, cancellationToken).ConfigureAwait(false);
        }
        catch (NodeRpcException e)
        {
            _logger.LogError("block {Hash} at height {Height} could not be submitted ({Failure}: {Message}); block hex for a manual submitblock: {Block}",
                block.Hash, job.Height, e.Failure, e.Message, Convert.ToHexStringLower(block.Data));
            return new BlockSubmission(block.Hash, false, $"{e.Failure}: {e.Message}");
        }

        var onActiveChain = await IsOnActiveChainAsync(block.Hash, cancellationToken).ConfigureAwait(false);
        var accepted = answer is null || (answer is DuplicateReason or InconclusiveReason && onActiveChain == true);
        if (accepted)
        {
            _logger.LogInformation("block {Hash} at height {Height} accepted by the node (answer {Answer}, on active chain {OnActiveChain})",
                block.Hash, job.Height, answer ?? "null", onActiveChain);
        }
        else
        {
            _logger.LogError("block {Hash} at height {Height} rejected by the node: {Reason}; block hex: {Block}",
                block.Hash, job.Height, answer, Convert.ToHexStringLower(block.Data));
        }

        return new BlockSubmission(block.Hash, accepted, answer) { OnActiveChain = onActiveChain };
    }

    private async Task<bool?> IsOnActiveChainAsync(string hash, CancellationToken cancellationToken)
    {
        try
        {
            var confirmations = await _rpc.GetBlockConfirmationsAsync(hash, cancellationToken).ConfigureAwait(false);
            return confirmations >= 1;
        }
        catch (NodeRpcException e)
        {
            _logger.LogWarning("could not check block {Hash} on the active chain: {Message}", hash, e.Message);
            return null;
        }
    }
}
