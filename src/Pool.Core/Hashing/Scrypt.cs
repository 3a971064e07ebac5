using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;

namespace Pool.Core.Hashing;

/// <summary>scrypt (RFC 7914) with r = 1 and p = 1, the parameters Litecoin's proof of work uses with N = 1024.</summary>
public static class Scrypt
{
    /// <summary>Litecoin's cost parameter.</summary>
    public const int LitecoinN = 1024;

    [ThreadStatic]
    private static uint[]? t_scratch;

    /// <summary>Derives <paramref name="output"/>.Length bytes from password and salt with cost <paramref name="n"/> (a power of two), r = 1, p = 1.</summary>
    public static void Hash(ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, int n, Span<byte> output)
    {
        if (n < 2 || !BitOperations.IsPow2(n))
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "scrypt's N must be a power of two above 1");
        }

        Span<byte> block = stackalloc byte[128];
        Rfc2898DeriveBytes.Pbkdf2(password, salt, block, 1, HashAlgorithmName.SHA256);

        Span<uint> x = stackalloc uint[32];
        for (var i = 0; i < 32; i++)
        {
            x[i] = BinaryPrimitives.ReadUInt32LittleEndian(block[(i * 4)..]);
        }

        var scratch = t_scratch is { } s && s.Length >= n * 32 ? s : (t_scratch = new uint[n * 32]);
        RoMix(x, scratch.AsSpan(0, n * 32), n);

        for (var i = 0; i < 32; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(block[(i * 4)..], x[i]);
        }

        Rfc2898DeriveBytes.Pbkdf2(password, block, output, 1, HashAlgorithmName.SHA256);
    }

    private static void RoMix(Span<uint> x, Span<uint> v, int n)
    {
        for (var i = 0; i < n; i++)
        {
            x.CopyTo(v.Slice(i * 32, 32));
            BlockMix(x);
        }

        for (var i = 0; i < n; i++)
        {
            // Integerify reads the first word of the last 64-byte block.
            var j = (int)(x[16] & (uint)(n - 1));
            var vj = v.Slice(j * 32, 32);
            for (var k = 0; k < 32; k++)
            {
                x[k] ^= vj[k];
            }

            BlockMix(x);
        }
    }

    // BlockMix with r = 1: Y0 = Salsa(B1 ^ B0), Y1 = Salsa(Y0 ^ B1).
    private static void BlockMix(Span<uint> b)
    {
        var b0 = b[..16];
        var b1 = b[16..];
        for (var i = 0; i < 16; i++)
        {
            b0[i] ^= b1[i];
        }

        Salsa208(b0);
        for (var i = 0; i < 16; i++)
        {
            b1[i] ^= b0[i];
        }

        Salsa208(b1);
    }

    private static void Salsa208(Span<uint> b)
    {
        uint x0 = b[0], x1 = b[1], x2 = b[2], x3 = b[3], x4 = b[4], x5 = b[5], x6 = b[6], x7 = b[7];
        uint x8 = b[8], x9 = b[9], x10 = b[10], x11 = b[11], x12 = b[12], x13 = b[13], x14 = b[14], x15 = b[15];
        for (var i = 0; i < 8; i += 2)
        {
            x4 ^= BitOperations.RotateLeft(x0 + x12, 7); x8 ^= BitOperations.RotateLeft(x4 + x0, 9);
            x12 ^= BitOperations.RotateLeft(x8 + x4, 13); x0 ^= BitOperations.RotateLeft(x12 + x8, 18);
            x9 ^= BitOperations.RotateLeft(x5 + x1, 7); x13 ^= BitOperations.RotateLeft(x9 + x5, 9);
            x1 ^= BitOperations.RotateLeft(x13 + x9, 13); x5 ^= BitOperations.RotateLeft(x1 + x13, 18);
            x14 ^= BitOperations.RotateLeft(x10 + x6, 7); x2 ^= BitOperations.RotateLeft(x14 + x10, 9);
            x6 ^= BitOperations.RotateLeft(x2 + x14, 13); x10 ^= BitOperations.RotateLeft(x6 + x2, 18);
            x3 ^= BitOperations.RotateLeft(x15 + x11, 7); x7 ^= BitOperations.RotateLeft(x3 + x15, 9);
            x11 ^= BitOperations.RotateLeft(x7 + x3, 13); x15 ^= BitOperations.RotateLeft(x11 + x7, 18);

            x1 ^= BitOperations.RotateLeft(x0 + x3, 7); x2 ^= BitOperations.RotateLeft(x1 + x0, 9);
            x3 ^= BitOperations.RotateLeft(x2 + x1, 13); x0 ^= BitOperations.RotateLeft(x3 + x2, 18);
            x6 ^= BitOperations.RotateLeft(x5 + x4, 7); x7 ^= BitOperations.RotateLeft(x6 + x5, 9);
            x4 ^= BitOperations.RotateLeft(x7 + x6, 13); x5 ^= BitOperations.RotateLeft(x4 + x7, 18);
            x11 ^= BitOperations.RotateLeft(x10 + x9, 7); x8 ^= BitOperations.RotateLeft(x11 + x10, 9);
            x9 ^= BitOperations.RotateLeft(x8 + x11, 13); x10 ^= BitOperations.RotateLeft(x9 + x8, 18);
            x12 ^= BitOperations.RotateLeft(x15 + x14, 7); x13 ^= BitOperations.RotateLeft(x12 + x15, 9);
            x14 ^= BitOperations.RotateLeft(x13 + x12, 13); x15 ^= BitOperations.RotateLeft(x14 + x13, 18);
        }

        b[0] += x0; b[1] += x1; b[2] += x2; b[3] += x3; b[4] += x4; b[5] += x5; b[6] += x6; b[7] += x7;
        b[8] += x8; b[9] += x9; b[10] += x10; b[11] += x11; b[12] += x12; b[13] += x13; b[14] += x14; b[15] += x15;
    }
}
