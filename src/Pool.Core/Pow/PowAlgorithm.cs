using Pool.Core.Targets;

namespace Pool.Core.Pow;

/// <summary>A coin's proof-of-work function over 80-byte block headers, with the difficulty-1 target pools count against.</summary>
public abstract class PowAlgorithm
{
    /// <summary>Size of a block header in bytes.</summary>
    public const int HeaderSize = 80;

    /// <summary>Name as used in config and by miners (e.g. "sha256d", "scrypt").</summary>
    public abstract string Name { get; }

    /// <summary>The target that counts as difficulty 1 for this algorithm.</summary>
    public abstract DifficultyOne DifficultyOne { get; }

    /// <summary>Hashes one 80-byte header into a 32-byte digest.</summary>
    public abstract void HashHeader(ReadOnlySpan<byte> header, Span<byte> digest);

    /// <summary>Throws a clear error unless <paramref name="header"/> holds a whole header and <paramref name="digest"/> room for a digest.</summary>
    protected static void RequireHeader(ReadOnlySpan<byte> header, Span<byte> digest)
    {
        if (header.Length < HeaderSize || digest.Length < 32)
        {
            throw new ArgumentException($"a header is {HeaderSize} bytes and its digest 32; got {header.Length} and {digest.Length}");
        }
    }

    /// <summary>Hashes <c>headers.Length / 80</c> headers into consecutive 32-byte digests; implementations batch across SIMD lanes.</summary>
    public virtual void HashHeaders(ReadOnlySpan<byte> headers, Span<byte> digests)
    {
        var count = headers.Length / HeaderSize;
        if (headers.Length % HeaderSize != 0 || digests.Length < count * 32)
        {
            throw new ArgumentException("headers must be a whole number of 80-byte headers with room for 32 bytes of digest each");
        }

        for (var i = 0; i < count; i++)
        {
            HashHeader(headers.Slice(i * HeaderSize, HeaderSize), digests.Slice(i * 32, 32));
        }
    }
}
