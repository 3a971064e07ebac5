namespace Pool.Host.Stats;

/// <summary>GET /api/pool: the pool's hashrate, miners and workers over 10 minutes, blocks and the last settlements.</summary>
public sealed record PoolStatsResponse(
    string PoolId,
    string Coin,
    string Network,
    HashrateStats Hashrate,
    int Miners,
    int Workers,
    long CurrentRound,
    IReadOnlyList<BlockStats> Blocks,
    IReadOnlyList<SettlementStats> Settlements);
