namespace Pool.Core.Mining;

/// <summary>Told when the node accepted a block the pool found, so the current round can close.</summary>
public interface IBlockFoundSink
{
    /// <summary>Closes the round the block pays; completes once that is durable.</summary>
    ValueTask BlockFoundAsync(FoundBlock block, CancellationToken cancellationToken = default);
}
