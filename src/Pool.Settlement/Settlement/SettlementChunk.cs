using Pool.Settlement.Rewards;

namespace Pool.Settlement.Settlement;

/// <summary>One settle() call: a chunk of one coin block's mints, with its state and every transaction signed for it.</summary>
public sealed class SettlementChunk
{
    /// <summary>Settlement id (0x hex), derived from pool id, coin block hash, chunk index and count.</summary>
    public required string Id { get; init; }

    public required string RoundId { get; init; }

    /// <summary>Coin block hash, display-order hex, as passed to settle() as bytes32.</summary>
    public required string CoinBlockHash { get; init; }

    public required long CoinHeight { get; init; }

    /// <summary>Merkle root of the paid share window, hex.</summary>
    public required string SharesRoot { get; init; }

    public required int Index { get; init; }

    public required int Count { get; init; }

    public required IReadOnlyList<TokenTransfer> Transfers { get; init; }

    /// <summary>Order in which chunks were planned (they are sent in this order).</summary>
    public required long Sequence { get; init; }

    public ChunkState State { get; set; }

    public List<ChunkAttempt> Attempts { get; init; } = [];

    public string? MinedTransactionHash { get; set; }

    public long? MinedBlock { get; set; }

    public long? GasUsed { get; set; }

    /// <summary>Why the last step failed, for the operator.</summary>
    public string? LastError { get; set; }

    public long Total => Transfers.Sum(t => t.Amount);
}
