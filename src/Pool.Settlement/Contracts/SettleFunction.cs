using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Pool.Settlement.Contracts;

/// <summary>settle(settlementId, coinBlockHash, coinHeight, sharesRoot, total, recipients, amounts): mints one chunk once.</summary>
[Function("settle")]
public sealed class SettleFunction : FunctionMessage
{
    [Parameter("bytes32", "settlementId", 1)]
    public byte[] SettlementId { get; set; } = [];

    [Parameter("bytes32", "coinBlockHash", 2)]
    public byte[] CoinBlockHash { get; set; } = [];

    [Parameter("uint64", "coinHeight", 3)]
    public ulong CoinHeight { get; set; }

    [Parameter("bytes32", "sharesRoot", 4)]
    public byte[] SharesRoot { get; set; } = [];

    [Parameter("uint256", "total", 5)]
    public BigInteger Total { get; set; }

    [Parameter("address[]", "recipients", 6)]
    public List<string> Recipients { get; set; } = [];

    [Parameter("uint256[]", "amounts", 7)]
    public List<BigInteger> Amounts { get; set; } = [];
}
