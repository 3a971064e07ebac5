namespace Pool.Host.Stats;

/// <summary>One worker of a miner and its hashrate.</summary>
public sealed record WorkerStats(string Name, HashrateStats Hashrate);
