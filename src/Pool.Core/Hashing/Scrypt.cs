using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace Pool.Core.Hashing;

/// <summary>scrypt (RFC 7914): a fast path for r = 1, p = 1 (Litecoin's proof of work with N = 1024) and a general one for any r and p.</summary>
public static partial class Scrypt
{
    /// <summary>Litecoin's cost parameter.</summary>
    public const int LitecoinN = 1024;

    private const int WordsPerR = 32;

    [ThreadStatic]
    private static uint[]? t_scratch;

    /// <summary>Derives <paramref name="output"/>.Length bytes from password and salt with cost <paramref name="n"/> (a power of two), r = 1, p = 1.</summary>
    [SkipLocalsInit]
    public static void Hash(ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, int n, Span<byte> output)
    {
        ValidateCost(n, 1, 1);
        Span<byte> block = stackalloc byte[128];
        Rfc2898DeriveBytes.Pbkdf2(password, salt, block, 1, HashAlgorithmName.SHA256);
        Span<uint> x = stackalloc uint[2 * WordsPerR];
        ReadWords(block, x[..WordsPerR]);
        RoMixGeneral(x[..WordsPerR], x[WordsPerR..], Scratch(n * WordsPerR), n, 1);
        WriteWords(x[..WordsPerR], block);
        Rfc2898DeriveBytes.Pbkdf2(password, block, output, 1, HashAlgorithmName.SHA256);
    }

    /// <summary>Derives <paramref name="output"/>.Length bytes with cost <paramref name="n"/> (a power of two), block size <paramref name="r"/> and parallelism <paramref name="p"/>.</summary>
    public static void Hash(ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, int n, int r, int p, Span<byte> output)
    {
        ValidateCost(n, r, p);
        if (r == 1 && p == 1)
        {
            Hash(password, salt, n, output);
            return;
        }

        var blockBytes = 128 * r;
        var bytes = ArrayPool<byte>.Shared.Rent(blockBytes * p);
        var words = ArrayPool<uint>.Shared.Rent(2 * WordsPerR * r);
        var scratch = ArrayPool<uint>.Shared.Rent(checked(WordsPerR * r * n));
        try
        {
            var b = bytes.AsSpan(0, blockBytes * p);
            Rfc2898DeriveBytes.Pbkdf2(password, salt, b, 1, HashAlgorithmName.SHA256);
            var x = words.AsSpan(0, WordsPerR * r);
            var y = words.AsSpan(WordsPerR * r, WordsPerR * r);
            for (var i = 0; i < p; i++)
            {
                var chunk = b.Slice(i * blockBytes, blockBytes);
                ReadWords(chunk, x);
                RoMixGeneral(x, y, scratch.AsSpan(0, WordsPerR * r * n), n, r);
                WriteWords(x, chunk);
            }

            Rfc2898DeriveBytes.Pbkdf2(password, b, output, 1, HashAlgorithmName.SHA256);
        }
        finally
        {
            ArrayPool<uint>.Shared.Return(scratch);
            ArrayPool<uint>.Shared.Return(words);
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    // One table per thread, reused by every call on it, so hashing allocates nothing once warm.
    private static Span<uint> Scratch(int words)
    {
        var scratch = t_scratch is { } s && s.Length >= words ? s : (t_scratch = new uint[words]);
        return scratch.AsSpan(0, words);
    }

    private static void ValidateCost(int n, int r, int p)
    {
        if (n < 2 || !BitOperations.IsPow2(n))
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "scrypt's N must be a power of two above 1");
        }

        if (r < 1 || p < 1 || (long)r * p >= 1 << 30 || (long)WordsPerR * r * n > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(r), $"scrypt's r ({r}) and p ({p}) must be positive with r * p below 2^30, and 128 * r * N bytes must fit in memory");
        }
    }

    private static void ReadWords(ReadOnlySpan<byte> bytes, Span<uint> words)
    {
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(i * 4)..]);
        }
    }

    private static void WriteWords(ReadOnlySpan<uint> words, Span<byte> bytes)
    {
        for (var i = 0; i < words.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes[(i * 4)..], words[i]);
        }
    }
}
