namespace Pool.Host.Stats;

/// <summary>
/// GET /api/miners/{address}. <see cref="RoundDifficulty"/> is the difficulty the miner was credited in the current round,
/// <see cref="EstimatedRewardBaseUnits"/> its proportional part of the current job's coinbase value, floored, before the
/// pool fee; balances are in reward token base units.
/// </summary>
public sealed record MinerStatsResponse(
    string Address,
    HashrateStats Hashrate,
    IReadOnlyList<WorkerStats> Workers,
    long CurrentRound,
    double RoundDifficulty,
    double PoolRoundDifficulty,
    long EstimatedRewardBaseUnits,
    long PendingBaseUnits,
    long PaidBaseUnits,
    string? TokenAddress);
