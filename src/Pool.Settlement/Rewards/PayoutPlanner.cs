using System.Globalization;

namespace Pool.Settlement.Rewards;

/// <summary>
/// Turns a block's split plus carried balances into mints: a miner with a token address and at least the minimum owed
/// is paid everything it is owed; anyone else carries the balance forward, so nothing is ever lost.
/// The fee address gets the fee and the rounding remainder whatever the minimum.
/// </summary>
public static class PayoutPlanner
{
    /// <summary>Plans the mints for one block.</summary>
    /// <param name="split">The block's split.</param>
    /// <param name="feeAddress">EVM address of the pool fee.</param>
    /// <param name="carried">Balances carried from earlier blocks (miners with 0 may be absent).</param>
    /// <param name="tokenAddresses">Each miner's EVM address; miners without one are absent or null.</param>
    /// <param name="minimumPayout">Smallest amount minted to a miner, in base units (≥ 1).</param>
    public static PayoutPlan Plan(
        RewardSplit split,
        string feeAddress,
        IReadOnlyDictionary<string, long> carried,
        IReadOnlyDictionary<string, string?> tokenAddresses,
        long minimumPayout)
    {
        ArgumentNullException.ThrowIfNull(split);
        ArgumentException.ThrowIfNullOrWhiteSpace(feeAddress);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumPayout, 1);

        var miners = split.MinerRewards.Keys.Union(carried.Where(c => c.Value != 0).Select(c => c.Key), StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        var lines = new List<MinerPayout>();
        var balancesAfter = new Dictionary<string, long>(StringComparer.Ordinal);
        var byAddress = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        foreach (var miner in miners)
        {
            var before = carried.GetValueOrDefault(miner);
            var earned = split.MinerRewards.GetValueOrDefault(miner);
            if (before < 0)
            {
                throw new ArgumentException($"carried balance of miner '{miner}' is negative ({before})", nameof(carried));
            }

            var owed = checked(before + earned);
            var address = tokenAddresses.GetValueOrDefault(miner);
            string reason;
            var paid = 0L;
            if (address is null)
            {
                reason = "carried: no token address yet (set one with eth=0x… in the Stratum password)";
            }
            else if (owed < minimumPayout)
            {
                reason = string.Create(CultureInfo.InvariantCulture, $"carried: {owed} is below the minimum payout {minimumPayout}");
            }
            else
            {
                paid = owed;
                reason = before > 0 ? "paid, including the balance carried forward" : "paid";
                byAddress[address] = checked(byAddress.GetValueOrDefault(address) + paid);
            }

            balancesAfter[miner] = owed - paid;
            lines.Add(new MinerPayout(miner, address, before, earned, paid, owed - paid, reason));
        }

        if (split.FeeAddressTotal > 0)
        {
            byAddress[feeAddress] = checked(byAddress.GetValueOrDefault(feeAddress) + split.FeeAddressTotal);
        }

        var transfers = byAddress
            .OrderBy(t => t.Key, StringComparer.OrdinalIgnoreCase)
            .Select(t => new TokenTransfer(t.Key, t.Value))
            .ToList();
        return new PayoutPlan(split, lines, feeAddress, transfers, balancesAfter);
    }
}
