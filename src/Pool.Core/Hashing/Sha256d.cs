using System.Security.Cryptography;

namespace Pool.Core.Hashing;

/// <summary>Double SHA-256 (SHA-256 applied twice), as Bitcoin hashes headers and transactions.</summary>
public static class Sha256d
{
    /// <summary>Size of a digest in bytes.</summary>
    public const int DigestSize = 32;

    /// <summary>Writes SHA-256(SHA-256(<paramref name="data"/>)) to <paramref name="digest"/> (32 bytes).</summary>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> digest)
    {
        Span<byte> first = stackalloc byte[DigestSize];
        SHA256.HashData(data, first);
        SHA256.HashData(first, digest);
    }

    /// <summary>Returns SHA-256(SHA-256(<paramref name="data"/>)) as a new array.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var digest = new byte[DigestSize];
        Hash(data, digest);
        return digest;
    }
}
