using Pool.Settlement.Rewards;

namespace Pool.Settlement.Settlement;

/// <summary>The stored, immutable record of how one round was paid: the audit trail behind its chunks.</summary>
public sealed record SettlementPlanRecord(
    string RoundId,
    string CoinBlockHash,
    long CoinHeight,
    string SharesRoot,
    PayoutScheme Scheme,
    int FeeBasisPoints,
    PayoutPlan Plan,
    IReadOnlyList<string> ChunkIds,
    DateTimeOffset PlannedAt);
