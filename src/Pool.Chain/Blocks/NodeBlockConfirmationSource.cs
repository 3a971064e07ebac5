using Pool.Chain.Rpc;
using Pool.Core.Mining;

namespace Pool.Chain.Blocks;

/// <summary>Reads a block's place on the node's active chain from getblockheader.</summary>
public sealed class NodeBlockConfirmationSource : IBlockConfirmationSource
{
    private readonly NodeRpcClient _rpc;

    /// <summary>Creates a source asking <paramref name="rpc"/>.</summary>
    public NodeBlockConfirmationSource(NodeRpcClient rpc)
    {
        _rpc = rpc;
    }

    /// <inheritdoc />
    public async Task<BlockConfirmation> GetConfirmationAsync(string blockHash, CancellationToken cancellationToken = default)
    {
        var confirmations = await _rpc.GetBlockConfirmationsAsync(blockHash, cancellationToken).ConfigureAwait(false);
        return confirmations is >= 1 ? new BlockConfirmation(true, confirmations.Value) : new BlockConfirmation(false, 0);
    }
}
