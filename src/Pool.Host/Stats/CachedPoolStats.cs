namespace Pool.Host.Stats;

/// <summary>A computed pool overview and when it was computed.</summary>
internal sealed record CachedPoolStats(PoolStatsResponse Stats, DateTimeOffset At);
