using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Pool.Settlement.Contracts;

/// <summary>settlementIdOf(poolId, coinBlockHash, chunkIndex, chunkCount): the contract's own derivation of a chunk id.</summary>
[Function("settlementIdOf", "bytes32")]
public sealed class SettlementIdOfFunction : FunctionMessage
{
    [Parameter("string", "poolId", 1)]
    public string PoolId { get; set; } = string.Empty;

    [Parameter("bytes32", "coinBlockHash", 2)]
    public byte[] CoinBlockHash { get; set; } = [];

    [Parameter("uint32", "chunkIndex", 3)]
    public uint ChunkIndex { get; set; }

    [Parameter("uint32", "chunkCount", 4)]
    public uint ChunkCount { get; set; }
}
