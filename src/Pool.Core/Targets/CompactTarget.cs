using System.Numerics;

namespace Pool.Core.Targets;

/// <summary>Conversions between the header's compact "bits" field and a 256-bit target.</summary>
public static class CompactTarget
{
    /// <summary>Expands compact bits (e.g. 0x1d00ffff) to the target they encode.</summary>
    /// <exception cref="ArgumentException">The bits encode a negative number or one wider than 256 bits.</exception>
    public static Target256 ToTarget(uint bits)
    {
        var exponent = (int)(bits >> 24);
        var mantissa = bits & 0x007fffff;
        if ((bits & 0x00800000) != 0 && mantissa != 0)
        {
            throw new ArgumentException($"compact bits 0x{bits:x8} encode a negative target", nameof(bits));
        }

        BigInteger value = mantissa;
        value = exponent <= 3 ? value >> (8 * (3 - exponent)) : value << (8 * (exponent - 3));
        if (value.GetBitLength() > 256)
        {
            throw new ArgumentException($"compact bits 0x{bits:x8} encode a target wider than 256 bits", nameof(bits));
        }

        return Target256.FromBigInteger(value);
    }

    /// <summary>Compresses a target to compact bits, rounding down as Bitcoin Core's GetCompact does.</summary>
    public static uint FromTarget(Target256 target)
    {
        var value = target.ToBigInteger();
        var size = (int)((value.GetBitLength() + 7) / 8);
        uint compact = size <= 3
            ? (uint)(value << (8 * (3 - size)))
            : (uint)(value >> (8 * (size - 3)));

        // A set sign bit would make the mantissa negative: move one byte into the exponent instead.
        if ((compact & 0x00800000) != 0)
        {
            compact >>= 8;
            size++;
        }

        return compact | ((uint)size << 24);
    }
}
