using System.Numerics;

namespace Pool.Core.Hashing;

/// <summary>ROMix and BlockMix for any r, on plain words.</summary>
public static partial class Scrypt
{
    private static void RoMixGeneral(Span<uint> x, Span<uint> y, Span<uint> v, int n, int r)
    {
        var size = WordsPerR * r;
        for (var i = 0; i < n; i++)
        {
            x.CopyTo(v.Slice(i * size, size));
            BlockMixGeneral(x, y, r);
        }

        for (var i = 0; i < n; i++)
        {
            // Integerify reads the first word of the last 64-byte block.
            var j = (int)(x[(2 * r - 1) * 16] & (uint)(n - 1));
            var vj = v.Slice(j * size, size);
            for (var k = 0; k < size; k++)
            {
                x[k] ^= vj[k];
            }

            BlockMixGeneral(x, y, r);
        }
    }

    // Y_i = Salsa(Y_{i-1} ^ B_i), then B = (Y_0, Y_2, …, Y_1, Y_3, …): even outputs first, odd ones after.
    private static void BlockMixGeneral(Span<uint> b, Span<uint> y, int r)
    {
        Span<uint> t = stackalloc uint[16];
        b.Slice((2 * r - 1) * 16, 16).CopyTo(t);
        for (var i = 0; i < 2 * r; i++)
        {
            var bi = b.Slice(i * 16, 16);
            for (var k = 0; k < 16; k++)
            {
                t[k] ^= bi[k];
            }

            Salsa208(t);
            var destination = (i % 2 == 0 ? i / 2 : r + (i / 2)) * 16;
            t.CopyTo(y.Slice(destination, 16));
        }

        y.CopyTo(b);
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
