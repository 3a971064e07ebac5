using System.Numerics;

namespace Pool.Settlement.Rewards;

/// <summary>
/// Converts double scores to integers with exactly the same ratios: every finite double is m × 2^e, so scaling all of them
/// by 2^(−min e) gives integers without any rounding.
/// </summary>
public static class ExactScores
{
    private const int MantissaBits = 52;
    private const long MantissaMask = (1L << MantissaBits) - 1;
    private const int ExponentBias = 1075;

    /// <summary>The scores as integers in the same proportions; zero scores are dropped.</summary>
    /// <exception cref="ArgumentException">A score is negative, NaN or infinite; the message names the miner.</exception>
    public static IReadOnlyDictionary<string, BigInteger> ToIntegers(IReadOnlyDictionary<string, double> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var parts = new List<(string Miner, long Mantissa, int Exponent)>(scores.Count);
        foreach (var (miner, score) in scores)
        {
            if (!double.IsFinite(score) || score < 0)
            {
                throw new ArgumentException($"score of miner '{miner}' is {score}; scores must be finite and not negative", nameof(scores));
            }

            if (score == 0)
            {
                continue;
            }

            var bits = BitConverter.DoubleToInt64Bits(score);
            var biasedExponent = (int)((bits >> MantissaBits) & 0x7FF);
            var mantissa = bits & MantissaMask;
            var exponent = biasedExponent == 0 ? 1 - ExponentBias : biasedExponent - ExponentBias;
            if (biasedExponent != 0)
            {
                mantissa |= 1L << MantissaBits;
            }

            parts.Add((miner, mantissa, exponent));
        }

        var result = new Dictionary<string, BigInteger>(parts.Count, StringComparer.Ordinal);
        if (parts.Count == 0)
        {
            return result;
        }

        var minExponent = parts.Min(p => p.Exponent);
        foreach (var (miner, mantissa, exponent) in parts)
        {
            result[miner] = new BigInteger(mantissa) << (exponent - minExponent);
        }

        return result;
    }
}
