namespace Pool.Host.Stats;

/// <summary>A block the pool found, with its round's status (pending, confirmed, orphaned) and whether settlement handled it.</summary>
public sealed record BlockStats(string RoundId, string BlockHash, long Height, long RewardBaseUnits, string Finder, DateTimeOffset Time, string Status, string? Settlement);
