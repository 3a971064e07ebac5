namespace Pool.Settlement.Rewards;

/// <summary>What one miner gets from one settlement, and why.</summary>
/// <param name="Miner">Coin payout address.</param>
/// <param name="TokenAddress">EVM address paid, or null when the miner has not named one.</param>
/// <param name="CarriedBefore">Balance carried from earlier blocks.</param>
/// <param name="BlockReward">This block's part.</param>
/// <param name="Paid">Minted now.</param>
/// <param name="CarriedAfter">Balance carried to later blocks.</param>
/// <param name="Reason">Why it is paid or carried, for people reading the output.</param>
public sealed record MinerPayout(string Miner, string? TokenAddress, long CarriedBefore, long BlockReward, long Paid, long CarriedAfter, string Reason);
