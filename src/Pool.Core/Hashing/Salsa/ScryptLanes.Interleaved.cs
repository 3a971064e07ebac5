using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Pool.Core.Hashing.Salsa;

/// <summary>ROMix on two independent groups at once: each group's dependent Salsa steps fill the other's latency.</summary>
internal static partial class ScryptLanes<TOps, TVec>
{
    /// <summary>
    /// Runs ROMix on two groups: <paramref name="state"/> holds 2 * <see cref="StateWords"/> words (group 0 first) and
    /// <paramref name="v"/> at least <c>2 * n * StateWords</c> (group 0's table first).
    /// </summary>
    public static void RoMixInterleaved(Span<uint> state, int n, Span<uint> v)
    {
        var lanes = TOps.Hashes;
        var row = 4 * lanes;
        var stride = 8 * row;
        ref var s = ref MemoryMarshal.GetReference(state);
        ref var t = ref Unsafe.Add(ref s, StateWords);
        TVec a0 = TOps.Load(ref s), a1 = TOps.Load(ref Unsafe.Add(ref s, row));
        TVec a2 = TOps.Load(ref Unsafe.Add(ref s, 2 * row)), a3 = TOps.Load(ref Unsafe.Add(ref s, 3 * row));
        TVec b0 = TOps.Load(ref Unsafe.Add(ref s, 4 * row)), b1 = TOps.Load(ref Unsafe.Add(ref s, 5 * row));
        TVec b2 = TOps.Load(ref Unsafe.Add(ref s, 6 * row)), b3 = TOps.Load(ref Unsafe.Add(ref s, 7 * row));
        TVec c0 = TOps.Load(ref t), c1 = TOps.Load(ref Unsafe.Add(ref t, row));
        TVec c2 = TOps.Load(ref Unsafe.Add(ref t, 2 * row)), c3 = TOps.Load(ref Unsafe.Add(ref t, 3 * row));
        TVec d0 = TOps.Load(ref Unsafe.Add(ref t, 4 * row)), d1 = TOps.Load(ref Unsafe.Add(ref t, 5 * row));
        TVec d2 = TOps.Load(ref Unsafe.Add(ref t, 6 * row)), d3 = TOps.Load(ref Unsafe.Add(ref t, 7 * row));
        ref var table = ref MemoryMarshal.GetReference(v);
        ref var otherTable = ref Unsafe.Add(ref table, n * stride);
        for (var i = 0; i < n; i++)
        {
            Store8(ref Unsafe.Add(ref table, i * stride), row, a0, a1, a2, a3, b0, b1, b2, b3);
            Store8(ref Unsafe.Add(ref otherTable, i * stride), row, c0, c1, c2, c3, d0, d1, d2, d3);
            BlockMixPair(ref a0, ref a1, ref a2, ref a3, ref b0, ref b1, ref b2, ref b3, ref c0, ref c1, ref c2, ref c3, ref d0, ref d1, ref d2, ref d3);
        }

        var mask = (uint)(n - 1);
        Span<uint> first = stackalloc uint[row];
        Span<int> offsets = stackalloc int[lanes];
        Span<int> otherOffsets = stackalloc int[lanes];
        for (var i = 0; i < n; i++)
        {
            Integerify(b0, mask, stride, first, offsets);
            Integerify(d0, mask, stride, first, otherOffsets);
            XorLanes(ref table, row, offsets, ref a0, ref a1, ref a2, ref a3, ref b0, ref b1, ref b2, ref b3);
            XorLanes(ref otherTable, row, otherOffsets, ref c0, ref c1, ref c2, ref c3, ref d0, ref d1, ref d2, ref d3);
            BlockMixPair(ref a0, ref a1, ref a2, ref a3, ref b0, ref b1, ref b2, ref b3, ref c0, ref c1, ref c2, ref c3, ref d0, ref d1, ref d2, ref d3);
        }

        Store8(ref s, row, a0, a1, a2, a3, b0, b1, b2, b3);
        Store8(ref t, row, c0, c1, c2, c3, d0, d1, d2, d3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store8(ref uint destination, int row, TVec v0, TVec v1, TVec v2, TVec v3, TVec v4, TVec v5, TVec v6, TVec v7)
    {
        TOps.Store(v0, ref destination); TOps.Store(v1, ref Unsafe.Add(ref destination, row));
        TOps.Store(v2, ref Unsafe.Add(ref destination, 2 * row)); TOps.Store(v3, ref Unsafe.Add(ref destination, 3 * row));
        TOps.Store(v4, ref Unsafe.Add(ref destination, 4 * row)); TOps.Store(v5, ref Unsafe.Add(ref destination, 5 * row));
        TOps.Store(v6, ref Unsafe.Add(ref destination, 6 * row)); TOps.Store(v7, ref Unsafe.Add(ref destination, 7 * row));
    }

    // Each computation's word 16 is the first word of its lane of the second block's first diagonal.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Integerify(TVec secondBlockFirstDiagonal, uint mask, int stride, Span<uint> scratch, Span<int> offsets)
    {
        TOps.Store(secondBlockFirstDiagonal, ref MemoryMarshal.GetReference(scratch));
        for (var h = 0; h < offsets.Length; h++)
        {
            offsets[h] = ((int)(scratch[h * 4] & mask) * stride) + (h * 4);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void XorLanes(
        ref uint table, int row, ReadOnlySpan<int> offsets,
        ref TVec a0, ref TVec a1, ref TVec a2, ref TVec a3, ref TVec b0, ref TVec b1, ref TVec b2, ref TVec b3)
    {
        a0 = TOps.Xor(a0, TOps.LoadLanes(ref table, offsets));
        a1 = TOps.Xor(a1, TOps.LoadLanes(ref Unsafe.Add(ref table, row), offsets));
        a2 = TOps.Xor(a2, TOps.LoadLanes(ref Unsafe.Add(ref table, 2 * row), offsets));
        a3 = TOps.Xor(a3, TOps.LoadLanes(ref Unsafe.Add(ref table, 3 * row), offsets));
        b0 = TOps.Xor(b0, TOps.LoadLanes(ref Unsafe.Add(ref table, 4 * row), offsets));
        b1 = TOps.Xor(b1, TOps.LoadLanes(ref Unsafe.Add(ref table, 5 * row), offsets));
        b2 = TOps.Xor(b2, TOps.LoadLanes(ref Unsafe.Add(ref table, 6 * row), offsets));
        b3 = TOps.Xor(b3, TOps.LoadLanes(ref Unsafe.Add(ref table, 7 * row), offsets));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void BlockMixPair(
        ref TVec a0, ref TVec a1, ref TVec a2, ref TVec a3, ref TVec b0, ref TVec b1, ref TVec b2, ref TVec b3,
        ref TVec c0, ref TVec c1, ref TVec c2, ref TVec c3, ref TVec d0, ref TVec d1, ref TVec d2, ref TVec d3)
    {
        a0 = TOps.Xor(a0, b0); a1 = TOps.Xor(a1, b1); a2 = TOps.Xor(a2, b2); a3 = TOps.Xor(a3, b3);
        c0 = TOps.Xor(c0, d0); c1 = TOps.Xor(c1, d1); c2 = TOps.Xor(c2, d2); c3 = TOps.Xor(c3, d3);
        Salsa208Pair(ref a0, ref a1, ref a2, ref a3, ref c0, ref c1, ref c2, ref c3);
        b0 = TOps.Xor(b0, a0); b1 = TOps.Xor(b1, a1); b2 = TOps.Xor(b2, a2); b3 = TOps.Xor(b3, a3);
        d0 = TOps.Xor(d0, c0); d1 = TOps.Xor(d1, c1); d2 = TOps.Xor(d2, c2); d3 = TOps.Xor(d3, c3);
        Salsa208Pair(ref b0, ref b1, ref b2, ref b3, ref d0, ref d1, ref d2, ref d3);
    }

    // Two independent Salsa20/8 cores, step by step side by side (see Salsa208 for the diagonal form).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Salsa208Pair(
        ref TVec x0, ref TVec x1, ref TVec x2, ref TVec x3, ref TVec z0, ref TVec z1, ref TVec z2, ref TVec z3)
    {
        TVec y0 = x0, y1 = x1, y2 = x2, y3 = x3;
        TVec u0 = z0, u1 = z1, u2 = z2, u3 = z3;
        for (var i = 0; i < 4; i++)
        {
            y3 = TOps.Xor(y3, TOps.Rotl7(TOps.Add(y0, y1))); u3 = TOps.Xor(u3, TOps.Rotl7(TOps.Add(u0, u1)));
            y2 = TOps.Xor(y2, TOps.Rotl9(TOps.Add(y3, y0))); u2 = TOps.Xor(u2, TOps.Rotl9(TOps.Add(u3, u0)));
            y1 = TOps.Xor(y1, TOps.Rotl13(TOps.Add(y2, y3))); u1 = TOps.Xor(u1, TOps.Rotl13(TOps.Add(u2, u3)));
            y0 = TOps.Xor(y0, TOps.Rotl18(TOps.Add(y1, y2))); u0 = TOps.Xor(u0, TOps.Rotl18(TOps.Add(u1, u2)));
            y1 = TOps.RotateWords1(y1); u1 = TOps.RotateWords1(u1);
            y2 = TOps.RotateWords2(y2); u2 = TOps.RotateWords2(u2);
            y3 = TOps.RotateWords3(y3); u3 = TOps.RotateWords3(u3);
            y1 = TOps.Xor(y1, TOps.Rotl7(TOps.Add(y0, y3))); u1 = TOps.Xor(u1, TOps.Rotl7(TOps.Add(u0, u3)));
            y2 = TOps.Xor(y2, TOps.Rotl9(TOps.Add(y1, y0))); u2 = TOps.Xor(u2, TOps.Rotl9(TOps.Add(u1, u0)));
            y3 = TOps.Xor(y3, TOps.Rotl13(TOps.Add(y2, y1))); u3 = TOps.Xor(u3, TOps.Rotl13(TOps.Add(u2, u1)));
            y0 = TOps.Xor(y0, TOps.Rotl18(TOps.Add(y3, y2))); u0 = TOps.Xor(u0, TOps.Rotl18(TOps.Add(u3, u2)));
            y1 = TOps.RotateWords3(y1); u1 = TOps.RotateWords3(u1);
            y2 = TOps.RotateWords2(y2); u2 = TOps.RotateWords2(u2);
            y3 = TOps.RotateWords1(y3); u3 = TOps.RotateWords1(u3);
        }

        x0 = TOps.Add(x0, y0); x1 = TOps.Add(x1, y1); x2 = TOps.Add(x2, y2); x3 = TOps.Add(x3, y3);
        z0 = TOps.Add(z0, u0); z1 = TOps.Add(z1, u1); z2 = TOps.Add(z2, u2); z3 = TOps.Add(z3, u3);
    }
}
