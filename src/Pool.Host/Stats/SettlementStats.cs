namespace Pool.Host.Stats;

/// <summary>One settlement transaction (chunk): its round, state, minted total and transaction hash once mined.</summary>
public sealed record SettlementStats(string Id, string RoundId, long CoinHeight, string State, long TotalBaseUnits, string? TransactionHash, DateTimeOffset? SignedAt, string? LastError);
