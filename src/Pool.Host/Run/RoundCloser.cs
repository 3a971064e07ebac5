using Microsoft.Extensions.Logging;
using Pool.Chain.Hosting;
using Pool.Core.Mining;

namespace Pool.Host.Run;

/// <summary>When the node accepted the pool's block: close the round in the ledger, then fetch the next template at once.</summary>
public sealed class RoundCloser : IBlockFoundSink
{
    private readonly IBlockFoundSink _ledger;
    private readonly ChainServices _chain;
    private readonly Action _blockAccepted;
    private readonly ILogger _logger;

    /// <summary>Closes rounds in <paramref name="ledger"/> and refreshes <paramref name="chain"/>.</summary>
    public RoundCloser(IBlockFoundSink ledger, ChainServices chain, Action blockAccepted, ILogger<RoundCloser> logger)
    {
        _ledger = ledger;
        _chain = chain;
        _blockAccepted = blockAccepted;
        _logger = logger;
    }

    public async ValueTask BlockFoundAsync(FoundBlock block, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(block);
        _logger.LogInformation("Block found: {Hash} at height {Height}, reward {Reward} base units, by {Finder}.{Worker}",
            block.BlockHash, block.Height, block.RewardBaseUnits, block.Finder, block.Worker);
        _blockAccepted();
        await _ledger.BlockFoundAsync(block, cancellationToken).ConfigureAwait(false);

        // Miners must move to the next height now, not at the next poll.
        _ = RefreshAsync();
    }

    private async Task RefreshAsync()
    {
        try
        {
            await _chain.RefreshAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _logger.LogWarning("Template refresh after a found block failed: {Message}; the watcher will catch up", e.Message);
        }
    }
}
