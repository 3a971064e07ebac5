using System.Buffers.Binary;

namespace Pool.Chain.Jobs;

/// <summary>
/// Hands out extranonce1 values: the instance prefix, then a counter, so no two connections of one instance and no
/// two instances with different prefixes share a value (which would make their miners hash the same work).
/// </summary>
public sealed class Extranonce1Allocator
{
    private readonly byte[] _prefix;
    private readonly int _size;
    private long _counter;

    /// <summary>Creates an allocator of <paramref name="size"/>-byte values starting with <paramref name="prefix"/>.</summary>
    public Extranonce1Allocator(int size, byte[] prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (size is < 1 or > 8 || prefix.Length >= size)
        {
            throw new ArgumentException($"extranonce1 of {size} bytes needs a prefix shorter than that (got {prefix.Length})");
        }

        _size = size;
        _prefix = prefix;
    }

    /// <summary>Bytes per value.</summary>
    public int Size => _size;

    /// <summary>The next value; the counter part wraps after 256^(size − prefix) connections.</summary>
    public byte[] Next()
    {
        var value = new byte[_size];
        _prefix.CopyTo(value, 0);
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, Interlocked.Increment(ref _counter));
        var free = _size - _prefix.Length;
        counter[(8 - free)..].CopyTo(value.AsSpan(_prefix.Length));
        return value;
    }
}
