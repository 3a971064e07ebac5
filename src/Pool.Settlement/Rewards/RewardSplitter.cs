using System.Numerics;
using Pool.Core.Mining;

namespace Pool.Settlement.Rewards;

/// <summary>
/// Splits a block reward in integer base units. Rounding rules: the pool fee is taken first and rounded down
/// (floor(reward × bps / 10,000)); each miner then gets floor(net × score / total score), computed exactly on the
/// scores' rational values; what the flooring leaves (less than one unit per miner) goes to the fee address.
/// So miners' parts + fee + remainder = reward, always.
/// </summary>
public static class RewardSplitter
{
    /// <summary>Basis points in 100 %.</summary>
    public const int BasisPointsPerWhole = 10_000;

    /// <summary>Splits <paramref name="reward"/> by <paramref name="scores"/> after a fee of <paramref name="feeBasisPoints"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The reward is negative or the fee is outside 0–10,000 basis points.</exception>
    /// <exception cref="ArgumentException">A score is negative, NaN or infinite.</exception>
    public static RewardSplit Split(long reward, IReadOnlyDictionary<string, double> scores, int feeBasisPoints)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(reward);
        ArgumentOutOfRangeException.ThrowIfNegative(feeBasisPoints);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(feeBasisPoints, BasisPointsPerWhole);

        var fee = (long)(new BigInteger(reward) * feeBasisPoints / BasisPointsPerWhole);
        var net = reward - fee;
        var exact = ExactScores.ToIntegers(scores);
        var totalScore = exact.Values.Aggregate(BigInteger.Zero, (sum, s) => sum + s);
        var miners = new Dictionary<string, long>(exact.Count, StringComparer.Ordinal);
        var paid = 0L;
        if (!totalScore.IsZero)
        {
            foreach (var (miner, score) in exact)
            {
                var part = (long)(net * score / totalScore);
                if (part > 0)
                {
                    miners[miner] = part;
                    paid += part;
                }
            }
        }

        return new RewardSplit(reward, fee, net - paid, miners);
    }

    /// <summary>
    /// Splits a closed round's block reward by <paramref name="scheme"/>: PPLNS uses the frozen window scores, PROP the
    /// round's scores, SOLO the finder alone. When the chosen scores are empty the finder gets the net reward, since its
    /// share is the one work the block certainly contains.
    /// </summary>
    public static RewardSplit SplitRound(ClosedRound round, PayoutScheme scheme, int feeBasisPoints)
    {
        ArgumentNullException.ThrowIfNull(round);
        var finderOnly = new Dictionary<string, double>(StringComparer.Ordinal) { [round.Block.Finder] = 1 };
        IReadOnlyDictionary<string, double> scores = scheme switch
        {
            PayoutScheme.Pplns => round.PplnsScores,
            PayoutScheme.Prop => round.RoundScores,
            PayoutScheme.Solo => finderOnly,
            _ => throw new ArgumentOutOfRangeException(nameof(scheme), scheme, "unknown payout scheme"),
        };
        if (ExactScores.ToIntegers(scores).Count == 0)
        {
            scores = finderOnly;
        }

        return Split(round.Block.RewardBaseUnits, scores, feeBasisPoints);
    }
}
