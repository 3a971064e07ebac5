using Pool.Core.Mining;

namespace Pool.Ledger.Tests;

/// <summary>Answers block confirmations from a table the test fills, as the node would.</summary>
internal sealed class ScriptedConfirmationSource : IBlockConfirmationSource
{
    public Dictionary<string, BlockConfirmation> Blocks { get; } = [];

    public Task<BlockConfirmation> GetConfirmationAsync(string blockHash, CancellationToken cancellationToken = default) =>
        Task.FromResult(Blocks.GetValueOrDefault(blockHash, new BlockConfirmation(false, 0)));
}
