using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Pool.Core.Hashing.Salsa;

/// <summary>
/// scrypt's ROMix with r = 1 for several computations at once, one per 128-bit lane. A Salsa block is kept as four
/// diagonals (words 0,5,10,15 / 12,1,6,11 / 8,13,2,7 / 4,9,14,3) so a column round is four whole-vector steps and a
/// row round is the same after rotating three vectors by lanes. One Salsa20/8 is a chain of dependent steps, so
/// lanes of independent computations fill the otherwise idle execution units.
/// </summary>
[SkipLocalsInit]
internal static partial class ScryptLanes<TOps, TVec>
    where TOps : struct, ISalsaLanes<TVec>
    where TVec : unmanaged
{
    /// <summary>Words of the diagonal-order state: 32 per computation, laid out [block][diagonal][computation][word].</summary>
    public static int StateWords => 32 * TOps.Hashes;

    /// <summary>
    /// Runs ROMix on <paramref name="state"/> (<see cref="StateWords"/> words) with cost <paramref name="n"/>,
    /// using <paramref name="v"/> (at least <c>n * StateWords</c> words) as the scratch table.
    /// </summary>
    public static void RoMix(Span<uint> state, int n, Span<uint> v)
    {
        var lanes = TOps.Hashes;
        var row = 4 * lanes;
        var stride = 8 * row;
        ref var s = ref MemoryMarshal.GetReference(state);
        TVec a0 = TOps.Load(ref s), a1 = TOps.Load(ref Unsafe.Add(ref s, row));
        TVec a2 = TOps.Load(ref Unsafe.Add(ref s, 2 * row)), a3 = TOps.Load(ref Unsafe.Add(ref s, 3 * row));
        TVec b0 = TOps.Load(ref Unsafe.Add(ref s, 4 * row)), b1 = TOps.Load(ref Unsafe.Add(ref s, 5 * row));
        TVec b2 = TOps.Load(ref Unsafe.Add(ref s, 6 * row)), b3 = TOps.Load(ref Unsafe.Add(ref s, 7 * row));
        ref var table = ref MemoryMarshal.GetReference(v);
        for (var i = 0; i < n; i++)
        {
            ref var slot = ref Unsafe.Add(ref table, i * stride);
            TOps.Store(a0, ref slot); TOps.Store(a1, ref Unsafe.Add(ref slot, row));
            TOps.Store(a2, ref Unsafe.Add(ref slot, 2 * row)); TOps.Store(a3, ref Unsafe.Add(ref slot, 3 * row));
            TOps.Store(b0, ref Unsafe.Add(ref slot, 4 * row)); TOps.Store(b1, ref Unsafe.Add(ref slot, 5 * row));
            TOps.Store(b2, ref Unsafe.Add(ref slot, 6 * row)); TOps.Store(b3, ref Unsafe.Add(ref slot, 7 * row));
            BlockMix(ref a0, ref a1, ref a2, ref a3, ref b0, ref b1, ref b2, ref b3);
        }

        var mask = (uint)(n - 1);
        Span<uint> first = stackalloc uint[row];
        Span<int> offsets = stackalloc int[lanes];
        for (var i = 0; i < n; i++)
        {
            // Integerify: each computation's word 16 is the first word of its lane of the second block's first diagonal.
            TOps.Store(b0, ref MemoryMarshal.GetReference(first));
            for (var h = 0; h < lanes; h++)
            {
                offsets[h] = ((int)(first[h * 4] & mask) * stride) + (h * 4);
            }

            a0 = TOps.Xor(a0, TOps.LoadLanes(ref table, offsets));
            a1 = TOps.Xor(a1, TOps.LoadLanes(ref Unsafe.Add(ref table, row), offsets));
            a2 = TOps.Xor(a2, TOps.LoadLanes(ref Unsafe.Add(ref table, 2 * row), offsets));
            a3 = TOps.Xor(a3, TOps.LoadLanes(ref Unsafe.Add(ref table, 3 * row), offsets));
            b0 = TOps.Xor(b0, TOps.LoadLanes(ref Unsafe.Add(ref table, 4 * row), offsets));
            b1 = TOps.Xor(b1, TOps.LoadLanes(ref Unsafe.Add(ref table, 5 * row), offsets));
            b2 = TOps.Xor(b2, TOps.LoadLanes(ref Unsafe.Add(ref table, 6 * row), offsets));
            b3 = TOps.Xor(b3, TOps.LoadLanes(ref Unsafe.Add(ref table, 7 * row), offsets));
            BlockMix(ref a0, ref a1, ref a2, ref a3, ref b0, ref b1, ref b2, ref b3);
        }

        TOps.Store(a0, ref s); TOps.Store(a1, ref Unsafe.Add(ref s, row));
        TOps.Store(a2, ref Unsafe.Add(ref s, 2 * row)); TOps.Store(a3, ref Unsafe.Add(ref s, 3 * row));
        TOps.Store(b0, ref Unsafe.Add(ref s, 4 * row)); TOps.Store(b1, ref Unsafe.Add(ref s, 5 * row));
        TOps.Store(b2, ref Unsafe.Add(ref s, 6 * row)); TOps.Store(b3, ref Unsafe.Add(ref s, 7 * row));
    }

    // BlockMix with r = 1: A = Salsa(A ^ B), then B = Salsa(B ^ A).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void BlockMix(ref TVec a0, ref TVec a1, ref TVec a2, ref TVec a3, ref TVec b0, ref TVec b1, ref TVec b2, ref TVec b3)
    {
        a0 = TOps.Xor(a0, b0); a1 = TOps.Xor(a1, b1); a2 = TOps.Xor(a2, b2); a3 = TOps.Xor(a3, b3);
        Salsa208(ref a0, ref a1, ref a2, ref a3);
        b0 = TOps.Xor(b0, a0); b1 = TOps.Xor(b1, a1); b2 = TOps.Xor(b2, a2); b3 = TOps.Xor(b3, a3);
        Salsa208(ref b0, ref b1, ref b2, ref b3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Salsa208(ref TVec x0, ref TVec x1, ref TVec x2, ref TVec x3)
    {
        TVec y0 = x0, y1 = x1, y2 = x2, y3 = x3;
        for (var i = 0; i < 4; i++)
        {
            y3 = TOps.Xor(y3, TOps.Rotl7(TOps.Add(y0, y1)));
            y2 = TOps.Xor(y2, TOps.Rotl9(TOps.Add(y3, y0)));
            y1 = TOps.Xor(y1, TOps.Rotl13(TOps.Add(y2, y3)));
            y0 = TOps.Xor(y0, TOps.Rotl18(TOps.Add(y1, y2)));

            // Rotated, the same steps apply the row round to (1,6,11,12), (2,7,8,13), (3,4,9,14).
            y1 = TOps.RotateWords1(y1);
            y2 = TOps.RotateWords2(y2);
            y3 = TOps.RotateWords3(y3);
            y1 = TOps.Xor(y1, TOps.Rotl7(TOps.Add(y0, y3)));
            y2 = TOps.Xor(y2, TOps.Rotl9(TOps.Add(y1, y0)));
            y3 = TOps.Xor(y3, TOps.Rotl13(TOps.Add(y2, y1)));
            y0 = TOps.Xor(y0, TOps.Rotl18(TOps.Add(y3, y2)));
            y1 = TOps.RotateWords3(y1);
            y2 = TOps.RotateWords2(y2);
            y3 = TOps.RotateWords1(y3);
        }

        x0 = TOps.Add(x0, y0); x1 = TOps.Add(x1, y1); x2 = TOps.Add(x2, y2); x3 = TOps.Add(x3, y3);
    }
}
