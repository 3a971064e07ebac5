using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Pool.Settlement.Contracts;

/// <summary>isSettled(settlementId): true once that settlement was minted.</summary>
[Function("isSettled", "bool")]
public sealed class IsSettledFunction : FunctionMessage
{
    [Parameter("bytes32", "settlementId", 1)]
    public byte[] SettlementId { get; set; } = [];
}
