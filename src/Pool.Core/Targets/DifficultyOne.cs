using System.Numerics;

namespace Pool.Core.Targets;

/// <summary>The target that counts as difficulty 1 for a proof-of-work algorithm, and difficulty arithmetic against it.</summary>
public sealed class DifficultyOne
{
    private readonly BigInteger _target;

    private DifficultyOne(string name, BigInteger target)
    {
        Name = name;
        _target = target;
        Target = Target256.FromBigInteger(target);
    }

    /// <summary>SHA-256d: 0x00000000ffff0000…, the target of compact bits 0x1d00ffff.</summary>
    public static DifficultyOne Sha256d { get; } = new("sha256d", new BigInteger(0xffff) << 208);

    /// <summary>scrypt as pools count it: 65536 times easier than SHA-256d (0x0000ffff0000…).</summary>
    public static DifficultyOne Scrypt { get; } = new("scrypt", new BigInteger(0xffff) << 224);

    /// <summary>Algorithm name, for logs.</summary>
    public string Name { get; }

    /// <summary>The difficulty-1 target.</summary>
    public Target256 Target { get; }

    /// <summary>The target a share must meet at <paramref name="difficulty"/> (fractional values allowed, down to 1e-9 and below).</summary>
    public Target256 TargetForDifficulty(double difficulty)
    {
        if (!double.IsFinite(difficulty) || difficulty <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(difficulty), difficulty, "difficulty must be a positive finite number");
        }

        // difficulty = mantissa * 2^exponent exactly, so target = diff1 / difficulty is computed without rounding the input.
        var (mantissa, exponent) = Decompose(difficulty);
        var numerator = exponent < 0 ? _target << -exponent : _target;
        var denominator = exponent > 0 ? mantissa << exponent : mantissa;
        return Target256.FromBigInteger(numerator / denominator);
    }

    /// <summary>The difficulty a target stands for: diff1 / target.</summary>
    public double DifficultyOfTarget(Target256 target) => Divide(_target, target.ToBigInteger());

    /// <summary>The difficulty a hash achieves (diff1 / hash, the hash read little-endian).</summary>
    public double DifficultyOfHash(ReadOnlySpan<byte> digest) => Divide(_target, Target256.FromLittleEndian(digest).ToBigInteger());

    /// <summary>The network difficulty of compact bits.</summary>
    public double DifficultyOfBits(uint bits) => DifficultyOfTarget(CompactTarget.ToTarget(bits));

    private static double Divide(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            return double.PositiveInfinity;
        }

        // Scale so the quotient keeps 64 significant bits before converting to double.
        var shift = (int)Math.Max(0, denominator.GetBitLength() - numerator.GetBitLength() + 64);
        var quotient = (numerator << shift) / denominator;
        return Math.ScaleB((double)quotient, -shift);
    }

    private static (BigInteger Mantissa, int Exponent) Decompose(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var rawExponent = (int)((bits >> 52) & 0x7ff);
        var fraction = bits & 0xfffffffffffffL;
        long mantissa = rawExponent == 0 ? fraction : fraction | (1L << 52);
        var exponent = (rawExponent == 0 ? 1 : rawExponent) - 1075;
        return (new BigInteger(mantissa), exponent);
    }
}
