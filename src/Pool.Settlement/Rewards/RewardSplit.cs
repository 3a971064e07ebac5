namespace Pool.Settlement.Rewards;

/// <summary>One block reward split in base units: <c>MinerRewards.Sum() + PoolFee + Remainder == Reward</c> exactly.</summary>
/// <param name="Reward">The block reward being split.</param>
/// <param name="PoolFee">The fee taken first: floor(Reward × basis points / 10,000).</param>
/// <param name="Remainder">What rounding every miner's part down left over; it goes to the fee address too.</param>
/// <param name="MinerRewards">Each miner's part, rounded down; miners whose part is zero are absent.</param>
public sealed record RewardSplit(long Reward, long PoolFee, long Remainder, IReadOnlyDictionary<string, long> MinerRewards)
{
    /// <summary>All the fee address receives: the fee plus the rounding remainder.</summary>
    public long FeeAddressTotal => PoolFee + Remainder;
}
