namespace Pool.Host.Stats;

/// <summary>Every miner's and worker's hashrate over the last 10 minutes, read in one pass over the minute buckets.</summary>
/// <param name="Miners">Payout address → hashes per second.</param>
/// <param name="Workers">Number of distinct workers with shares.</param>
public sealed record MinerTenMinuteRates(IReadOnlyDictionary<string, double> Miners, int Workers);
