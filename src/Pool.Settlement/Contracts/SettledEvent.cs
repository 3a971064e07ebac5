using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Pool.Settlement.Contracts;

/// <summary>The token's Settled event: which coin block and share window one settlement paid, and how much to how many.</summary>
[Event("Settled")]
public sealed class SettledEvent : IEventDTO
{
    [Parameter("bytes32", "settlementId", 1, true)]
    public byte[] SettlementId { get; set; } = [];

    [Parameter("bytes32", "coinBlockHash", 2, true)]
    public byte[] CoinBlockHash { get; set; } = [];

    [Parameter("uint64", "coinHeight", 3, false)]
    public ulong CoinHeight { get; set; }

    [Parameter("bytes32", "sharesRoot", 4, false)]
    public byte[] SharesRoot { get; set; } = [];

    [Parameter("uint256", "total", 5, false)]
    public BigInteger Total { get; set; }

    [Parameter("uint256", "recipientCount", 6, false)]
    public BigInteger RecipientCount { get; set; }
}
