using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;

namespace Pool.Core.Targets;

/// <summary>An unsigned 256-bit number as Bitcoin compares hashes with targets: the 32 digest bytes read little-endian.</summary>
public readonly struct Target256 : IEquatable<Target256>, IComparable<Target256>
{
    // Limb 3 is the most significant.
    private readonly ulong _l0, _l1, _l2, _l3;

    /// <summary>Builds a value from four 64-bit limbs, least significant first.</summary>
    public Target256(ulong l0, ulong l1, ulong l2, ulong l3)
    {
        _l0 = l0; _l1 = l1; _l2 = l2; _l3 = l3;
    }

    /// <summary>The largest 256-bit value.</summary>
    public static Target256 MaxValue { get; } = new(ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue);

    /// <summary>Reads a digest (32 bytes, little-endian as Bitcoin interprets it).</summary>
    public static Target256 FromLittleEndian(ReadOnlySpan<byte> digest)
    {
        if (digest.Length != 32)
        {
            throw new ArgumentException("a 256-bit value needs exactly 32 bytes", nameof(digest));
        }

        return new Target256(
            BinaryPrimitives.ReadUInt64LittleEndian(digest),
            BinaryPrimitives.ReadUInt64LittleEndian(digest[8..]),
            BinaryPrimitives.ReadUInt64LittleEndian(digest[16..]),
            BinaryPrimitives.ReadUInt64LittleEndian(digest[24..]));
    }

    /// <summary>Converts from a non-negative integer below 2^256; larger values saturate to <see cref="MaxValue"/>.</summary>
    public static Target256 FromBigInteger(BigInteger value)
    {
        if (value.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "a target cannot be negative");
        }

        if (value.GetBitLength() > 256)
        {
            return MaxValue;
        }

        Span<byte> bytes = stackalloc byte[32];
        bytes.Clear();
        value.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false);
        return FromLittleEndian(bytes);
    }

    /// <summary>Parses 64 hex digits written most significant first (the way block explorers print hashes).</summary>
    public static Target256 ParseHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (hex.Length != 64)
        {
            throw new FormatException("a 256-bit value is written as exactly 64 hex digits");
        }

        return new Target256(
            ulong.Parse(hex.AsSpan(48, 16), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            ulong.Parse(hex.AsSpan(32, 16), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            ulong.Parse(hex.AsSpan(16, 16), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            ulong.Parse(hex.AsSpan(0, 16), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
    }

    /// <summary>True when a digest, read as Bitcoin reads it, is at or below this target.</summary>
    public bool IsMetBy(ReadOnlySpan<byte> digest)
    {
        // Compare from the most significant limb; almost every share is decided by the first one.
        var h3 = BinaryPrimitives.ReadUInt64LittleEndian(digest[24..]);
        if (h3 != _l3)
        {
            return h3 < _l3;
        }

        var h2 = BinaryPrimitives.ReadUInt64LittleEndian(digest[16..]);
        if (h2 != _l2)
        {
            return h2 < _l2;
        }

        var h1 = BinaryPrimitives.ReadUInt64LittleEndian(digest[8..]);
        if (h1 != _l1)
        {
            return h1 < _l1;
        }

        return BinaryPrimitives.ReadUInt64LittleEndian(digest) <= _l0;
    }

    /// <summary>Writes the value as 32 little-endian bytes.</summary>
    public void WriteLittleEndian(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(destination, _l0);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], _l1);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[16..], _l2);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[24..], _l3);
    }

    /// <summary>The value as a non-negative integer.</summary>
    public BigInteger ToBigInteger()
    {
        Span<byte> bytes = stackalloc byte[32];
        WriteLittleEndian(bytes);
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: false);
    }

    /// <summary>The value as 64 hex digits, most significant first.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{_l3:x16}{_l2:x16}{_l1:x16}{_l0:x16}");

    public bool Equals(Target256 other) => _l0 == other._l0 && _l1 == other._l1 && _l2 == other._l2 && _l3 == other._l3;

    public override bool Equals(object? obj) => obj is Target256 other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_l0, _l1, _l2, _l3);

    public int CompareTo(Target256 other)
    {
        if (_l3 != other._l3) return _l3.CompareTo(other._l3);
        if (_l2 != other._l2) return _l2.CompareTo(other._l2);
        if (_l1 != other._l1) return _l1.CompareTo(other._l1);
        return _l0.CompareTo(other._l0);
    }

    public static bool operator ==(Target256 left, Target256 right) => left.Equals(right);

    public static bool operator !=(Target256 left, Target256 right) => !left.Equals(right);

    public static bool operator <(Target256 left, Target256 right) => left.CompareTo(right) < 0;

    public static bool operator >(Target256 left, Target256 right) => left.CompareTo(right) > 0;

    public static bool operator <=(Target256 left, Target256 right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Target256 left, Target256 right) => left.CompareTo(right) >= 0;
}
