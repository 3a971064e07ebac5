using System.Numerics;

namespace Pool.Settlement.Chain;

/// <summary>The two EIP-1559 fee fields of a transaction, in wei per gas.</summary>
/// <param name="MaxFeePerGas">Cap on base fee plus tip.</param>
/// <param name="MaxPriorityFeePerGas">Tip to the block producer.</param>
public readonly record struct Eip1559Fees(BigInteger MaxFeePerGas, BigInteger MaxPriorityFeePerGas)
{
    /// <summary>Fees for a new transaction: the tip, and twice the latest base fee plus the tip as cap (room for two full blocks of base fee rise).</summary>
    public static Eip1559Fees ForBaseFee(BigInteger baseFee, BigInteger tip) => new((baseFee * 2) + tip, tip);

    /// <summary>These fees with the cap lowered to <paramref name="maxFeePerGas"/> if above it (never below the tip).</summary>
    public Eip1559Fees CappedAt(BigInteger maxFeePerGas) =>
        MaxFeePerGas <= maxFeePerGas ? this : new Eip1559Fees(BigInteger.Max(maxFeePerGas, MaxPriorityFeePerGas), MaxPriorityFeePerGas);

    /// <summary>
    /// Fees that replace a stuck transaction: each field raised by at least <paramref name="bumpPercent"/> (rounded up, so
    /// the node's ≥ 10 % replacement rule holds), and never below what a new transaction would pay now.
    /// </summary>
    public Eip1559Fees BumpedFor(Eip1559Fees current, int bumpPercent)
    {
        var tip = BigInteger.Max(RaiseByPercent(MaxPriorityFeePerGas, bumpPercent), current.MaxPriorityFeePerGas);
        var cap = BigInteger.Max(RaiseByPercent(MaxFeePerGas, bumpPercent), current.MaxFeePerGas);
        return new Eip1559Fees(BigInteger.Max(cap, tip), tip);
    }

    private static BigInteger RaiseByPercent(BigInteger value, int percent)
    {
        // Ceiling division, and at least +1 wei, so a tiny value still strictly rises.
        var raised = ((value * (100 + percent)) + 99) / 100;
        return raised > value ? raised : value + 1;
    }
}
