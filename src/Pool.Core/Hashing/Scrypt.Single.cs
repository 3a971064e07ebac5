using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Pool.Core.Hashing;

/// <summary>
/// ROMix for r = 1 with Salsa20/8 on 128-bit vectors. Each 16-word Salsa block is kept in diagonal order, so a
/// column round is four whole-vector steps and a row round is the same after rotating three vectors by lanes;
/// the 32-word state lives in eight registers and V in a per-thread buffer that is reused across calls.
/// </summary>
public static partial class Scrypt
{
    // Diagonal position i holds word DiagonalOrder[i] of a Salsa block: (0,5,10,15), (12,1,6,11), (8,13,2,7), (4,9,14,3).
    private static ReadOnlySpan<byte> DiagonalOrder => [0, 5, 10, 15, 12, 1, 6, 11, 8, 13, 2, 7, 4, 9, 14, 3];

    [ThreadStatic]
    private static Vector128<uint>[]? t_scratch;

    private static void RoMixSingle(Span<uint> words, int n)
    {
        var v = t_scratch is { } s && s.Length >= n * 8 ? s : (t_scratch = new Vector128<uint>[n * 8]);
        Span<uint> diagonal = stackalloc uint[32];
        var order = DiagonalOrder;
        for (var i = 0; i < 16; i++)
        {
            diagonal[i] = words[order[i]];
            diagonal[16 + i] = words[16 + order[i]];
        }

        ref var d = ref MemoryMarshal.GetReference(diagonal);
        var a0 = Vector128.LoadUnsafe(ref d);
        var a1 = Vector128.LoadUnsafe(ref d, 4);
        var a2 = Vector128.LoadUnsafe(ref d, 8);
        var a3 = Vector128.LoadUnsafe(ref d, 12);
        var b0 = Vector128.LoadUnsafe(ref d, 16);
        var b1 = Vector128.LoadUnsafe(ref d, 20);
        var b2 = Vector128.LoadUnsafe(ref d, 24);
        var b3 = Vector128.LoadUnsafe(ref d, 28);
        ref var vRef = ref MemoryMarshal.GetArrayDataReference(v);
        for (var i = 0; i < n; i++)
        {
            ref var slot = ref Unsafe.Add(ref vRef, i * 8);
            slot = a0; Unsafe.Add(ref slot, 1) = a1; Unsafe.Add(ref slot, 2) = a2; Unsafe.Add(ref slot, 3) = a3;
            Unsafe.Add(ref slot, 4) = b0; Unsafe.Add(ref slot, 5) = b1; Unsafe.Add(ref slot, 6) = b2; Unsafe.Add(ref slot, 7) = b3;
            BlockMix(ref a0, ref a1, ref a2, ref a3, ref b0, ref b1, ref b2, ref b3);
        }

        var mask = (uint)(n - 1);
        for (var i = 0; i < n; i++)
        {
            // Integerify: word 16 of the state is lane 0 of the second block's first diagonal.
            ref var slot = ref Unsafe.Add(ref vRef, (int)(b0.ToScalar() & mask) * 8);
            a0 ^= slot; a1 ^= Unsafe.Add(ref slot, 1); a2 ^= Unsafe.Add(ref slot, 2); a3 ^= Unsafe.Add(ref slot, 3);
            b0 ^= Unsafe.Add(ref slot, 4); b1 ^= Unsafe.Add(ref slot, 5); b2 ^= Unsafe.Add(ref slot, 6); b3 ^= Unsafe.Add(ref slot, 7);
            BlockMix(ref a0, ref a1, ref a2, ref a3, ref b0, ref b1, ref b2, ref b3);
        }

        a0.StoreUnsafe(ref d); a1.StoreUnsafe(ref d, 4); a2.StoreUnsafe(ref d, 8); a3.StoreUnsafe(ref d, 12);
        b0.StoreUnsafe(ref d, 16); b1.StoreUnsafe(ref d, 20); b2.StoreUnsafe(ref d, 24); b3.StoreUnsafe(ref d, 28);
        for (var i = 0; i < 16; i++)
        {
            words[order[i]] = diagonal[i];
            words[16 + order[i]] = diagonal[16 + i];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void BlockMix(
        ref Vector128<uint> a0, ref Vector128<uint> a1, ref Vector128<uint> a2, ref Vector128<uint> a3,
        ref Vector128<uint> b0, ref Vector128<uint> b1, ref Vector128<uint> b2, ref Vector128<uint> b3)
    {
        a0 ^= b0; a1 ^= b1; a2 ^= b2; a3 ^= b3;
        Salsa208(ref a0, ref a1, ref a2, ref a3);
        b0 ^= a0; b1 ^= a1; b2 ^= a2; b3 ^= a3;
        Salsa208(ref b0, ref b1, ref b2, ref b3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Salsa208(ref Vector128<uint> x0, ref Vector128<uint> x1, ref Vector128<uint> x2, ref Vector128<uint> x3)
    {
        Vector128<uint> y0 = x0, y1 = x1, y2 = x2, y3 = x3;
        for (var i = 0; i < 4; i++)
        {
            // Column round on (0,5,10,15), (12,1,6,11), (8,13,2,7), (4,9,14,3).
            y3 ^= Rotl(y0 + y1, 7);
            y2 ^= Rotl(y3 + y0, 9);
            y1 ^= Rotl(y2 + y3, 13);
            y0 ^= Rotl(y1 + y2, 18);

            // Row round: the same steps once y1, y2, y3 are rotated to (1,6,11,12), (2,7,8,13), (3,4,9,14).
            y1 = Vector128.Shuffle(y1, Vector128.Create(1u, 2, 3, 0));
            y2 = Vector128.Shuffle(y2, Vector128.Create(2u, 3, 0, 1));
            y3 = Vector128.Shuffle(y3, Vector128.Create(3u, 0, 1, 2));
            y1 ^= Rotl(y0 + y3, 7);
            y2 ^= Rotl(y1 + y0, 9);
            y3 ^= Rotl(y2 + y1, 13);
            y0 ^= Rotl(y3 + y2, 18);
            y1 = Vector128.Shuffle(y1, Vector128.Create(3u, 0, 1, 2));
            y2 = Vector128.Shuffle(y2, Vector128.Create(2u, 3, 0, 1));
            y3 = Vector128.Shuffle(y3, Vector128.Create(1u, 2, 3, 0));
        }

        x0 += y0; x1 += y1; x2 += y2; x3 += y3;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<uint> Rotl(Vector128<uint> x, [ConstantExpected] byte count) =>
        Avx512F.VL.IsSupported ? Avx512F.VL.RotateLeft(x, count) : (x << count) | (x >>> (32 - count));
}
