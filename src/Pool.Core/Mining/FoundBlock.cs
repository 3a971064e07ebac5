namespace Pool.Core.Mining;

/// <summary>A block the pool found and the node accepted.</summary>
/// <param name="BlockHash">Block hash in display (RPC) order.</param>
/// <param name="Height">Block height.</param>
/// <param name="RewardBaseUnits">Coinbase value in base units (satoshi): subsidy plus fees.</param>
/// <param name="Finder">Payout address of the miner whose share became the block.</param>
/// <param name="Worker">Worker of that miner.</param>
/// <param name="NetworkDifficulty">Network difficulty the block was found at.</param>
/// <param name="Time">When the pool found it.</param>
/// <param name="InstanceId">Pool instance that found it.</param>
/// <param name="ShareId">Id of the winning share.</param>
public sealed record FoundBlock(
    string BlockHash,
    long Height,
    long RewardBaseUnits,
    string Finder,
    string Worker,
    double NetworkDifficulty,
    DateTimeOffset Time,
    string InstanceId,
    string ShareId);
