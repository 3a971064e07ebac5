namespace Pool.Settlement.Rewards;

/// <summary>
/// The outcome of paying one block: who is minted what, and each miner's balance afterwards.
/// Σ <see cref="Transfers"/> + Σ balances after = block reward + Σ balances before, exactly.
/// </summary>
/// <param name="Split">The block's reward split.</param>
/// <param name="Lines">Per miner: carried, earned, paid, why.</param>
/// <param name="FeeAddress">Where the fee and the rounding remainder go.</param>
/// <param name="Transfers">The mints, one per distinct EVM address, ordered by address.</param>
/// <param name="BalancesAfter">Every miner in <see cref="Lines"/> with its balance after this plan (0 when paid out).</param>
public sealed record PayoutPlan(
    RewardSplit Split,
    IReadOnlyList<MinerPayout> Lines,
    string FeeAddress,
    IReadOnlyList<TokenTransfer> Transfers,
    IReadOnlyDictionary<string, long> BalancesAfter)
{
    /// <summary>Sum of all mints.</summary>
    public long TotalMinted => Transfers.Sum(t => t.Amount);
}
