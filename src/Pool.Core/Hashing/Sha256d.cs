using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Pool.Core.Hashing.Lanes;

namespace Pool.Core.Hashing;

/// <summary>Double SHA-256 (SHA-256 applied twice), as Bitcoin hashes headers and transactions.</summary>
public static class Sha256d
{
    /// <summary>Size of a digest in bytes.</summary>
    public const int DigestSize = 32;

    /// <summary>Size of a block header in bytes.</summary>
    public const int HeaderSize = 80;

    // The runtime's SHA-256 is native (with SHA instructions where the CPU has them) but costs about as much per call
    // as three scalar compressions; up to 119 bytes (two blocks) our own code is faster, measured on AVX-512 EPYC.
    private const int RuntimeHashThreshold = 119;

    /// <summary>Writes SHA-256(SHA-256(<paramref name="data"/>)) to <paramref name="digest"/> (32 bytes).</summary>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> digest)
    {
        if (digest.Length < DigestSize)
        {
            throw new ArgumentException($"a digest needs {DigestSize} bytes, got {digest.Length}", nameof(digest));
        }

        if (Sha256Engine.IsSupported(Sha256Implementation.Arm64Sha))
        {
            Sha256dDriver<Arm64ShaLanes, uint>.HashMany(data, data.Length, digest[..DigestSize]);
        }
        else if (data.Length <= RuntimeHashThreshold)
        {
            Sha256dDriver<ScalarLanes, uint>.HashMany(data, data.Length, digest[..DigestSize]);
        }
        else
        {
            Span<byte> first = stackalloc byte[DigestSize];
            SHA256.HashData(data, first);
            HashDigest(first, digest);
        }
    }

    /// <summary>Returns SHA-256(SHA-256(<paramref name="data"/>)) as a new array.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var digest = new byte[DigestSize];
        Hash(data, digest);
        return digest;
    }

    /// <summary>SHA-256d of <c>headers.Length / 80</c> block headers laid end to end; writes 32 bytes of digest per header.</summary>
    public static void HashHeaders(ReadOnlySpan<byte> headers, Span<byte> digests) => HashMany(headers, HeaderSize, digests);

    /// <summary>
    /// SHA-256d of <c>digests.Length / 32</c> messages of <paramref name="messageLength"/> bytes laid end to end
    /// (headers, or merkle node pairs of 64 bytes), spread across the widest SIMD lanes the CPU has.
    /// </summary>
    public static void HashMany(ReadOnlySpan<byte> messages, int messageLength, Span<byte> digests) =>
        Sha256Engine.HashMany(Sha256Engine.ForBatch(digests.Length / DigestSize), messages, messageLength, digests);

    // SHA-256 of a 32-byte digest: a single block, so one scalar compression beats a second runtime call.
    [SkipLocalsInit]
    private static void HashDigest(ReadOnlySpan<byte> first, Span<byte> digest)
    {
        Span<uint> state = stackalloc uint[8];
        Span<uint> w = stackalloc uint[16];
        Sha256Constants.InitialState.CopyTo(state);
        for (var i = 0; i < 8; i++)
        {
            w[i] = BinaryPrimitives.ReadUInt32BigEndian(first[(i * 4)..]);
        }

        w[8..15].Clear();
        w[8] = Sha256Constants.PaddingWord;
        w[15] = Sha256Constants.DigestBits;
        ScalarLanes.Compress(ref MemoryMarshal.GetReference(state), ref MemoryMarshal.GetReference(w));
        for (var i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(digest[(i * 4)..], state[i]);
        }
    }
}
