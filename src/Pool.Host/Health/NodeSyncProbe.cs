using System.Text.Json;
using Pool.Chain.Hosting;

namespace Pool.Host.Health;

/// <summary>One look at the coin node: it answers, has peers and is not in initial block download. Shared by /health, the node log and pool_node_synced.</summary>
public sealed class NodeSyncProbe
{
    private const string BlockchainInfoMethod = "getblockchaininfo";
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);
    private readonly ChainServices _chain;

    /// <summary>Probes <paramref name="chain"/>'s node.</summary>
    public NodeSyncProbe(ChainServices chain)
    {
        _chain = chain;
    }

    /// <summary>Problem: null when the node is usable, else what is wrong, for a person; Peers: its peer count.</summary>
    public async Task<(string? Problem, int Peers)> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(ProbeTimeout);
            var peers = await _chain.Rpc.GetConnectionCountAsync(timeout.Token).ConfigureAwait(false);
            if (peers == 0)
            {
                return ("the node has no peers", 0);
            }

            var info = await _chain.Rpc.CallOnceAsync(BlockchainInfoMethod, null, ProbeTimeout, timeout.Token).ConfigureAwait(false);
            return info.TryGetProperty("initialblockdownload", out var ibd) && ibd.ValueKind == JsonValueKind.True
                ? ("the node is still in initial block download", peers)
                : (null, peers);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return ($"the node does not answer: {e.Message}", 0);
        }
    }
}
