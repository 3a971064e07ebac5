using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Pool.Core.Hashing.Lanes;

/// <summary>The 64 SHA-256 rounds written once over any lane-wise word type; the JIT specialises it per vector width.</summary>
internal static partial class Sha256Rounds<TOps, TVec>
    where TOps : struct, ISha256Ops<TVec>
    where TVec : unmanaged
{
    /// <summary>Compresses the 16 words at <paramref name="w"/> (reused as the rolling message schedule) into the 8 words at <paramref name="state"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Compress(ref TVec state, ref TVec w)
    {
        ref var k = ref MemoryMarshal.GetReference(Sha256Constants.RoundConstants);
        TVec a = state, b = Unsafe.Add(ref state, 1), c = Unsafe.Add(ref state, 2), d = Unsafe.Add(ref state, 3);
        TVec e = Unsafe.Add(ref state, 4), f = Unsafe.Add(ref state, 5), g = Unsafe.Add(ref state, 6), h = Unsafe.Add(ref state, 7);

        // Sixteen rounds per pass: the working variables rotate by renaming instead of by moves, and every index
        // into the 16-word schedule ring is a constant.
        d = TOps.Add(d, h = T1(e, f, g, h, KW(ref k, ref w, 0))); h = TOps.Add(h, T2(a, b, c));
        c = TOps.Add(c, g = T1(d, e, f, g, KW(ref k, ref w, 1))); g = TOps.Add(g, T2(h, a, b));
        b = TOps.Add(b, f = T1(c, d, e, f, KW(ref k, ref w, 2))); f = TOps.Add(f, T2(g, h, a));
        a = TOps.Add(a, e = T1(b, c, d, e, KW(ref k, ref w, 3))); e = TOps.Add(e, T2(f, g, h));
        h = TOps.Add(h, d = T1(a, b, c, d, KW(ref k, ref w, 4))); d = TOps.Add(d, T2(e, f, g));
        g = TOps.Add(g, c = T1(h, a, b, c, KW(ref k, ref w, 5))); c = TOps.Add(c, T2(d, e, f));
        f = TOps.Add(f, b = T1(g, h, a, b, KW(ref k, ref w, 6))); b = TOps.Add(b, T2(c, d, e));
        e = TOps.Add(e, a = T1(f, g, h, a, KW(ref k, ref w, 7))); a = TOps.Add(a, T2(b, c, d));
        d = TOps.Add(d, h = T1(e, f, g, h, KW(ref k, ref w, 8))); h = TOps.Add(h, T2(a, b, c));
        c = TOps.Add(c, g = T1(d, e, f, g, KW(ref k, ref w, 9))); g = TOps.Add(g, T2(h, a, b));
        b = TOps.Add(b, f = T1(c, d, e, f, KW(ref k, ref w, 10))); f = TOps.Add(f, T2(g, h, a));
        a = TOps.Add(a, e = T1(b, c, d, e, KW(ref k, ref w, 11))); e = TOps.Add(e, T2(f, g, h));
        h = TOps.Add(h, d = T1(a, b, c, d, KW(ref k, ref w, 12))); d = TOps.Add(d, T2(e, f, g));
        g = TOps.Add(g, c = T1(h, a, b, c, KW(ref k, ref w, 13))); c = TOps.Add(c, T2(d, e, f));
        f = TOps.Add(f, b = T1(g, h, a, b, KW(ref k, ref w, 14))); b = TOps.Add(b, T2(c, d, e));
        e = TOps.Add(e, a = T1(f, g, h, a, KW(ref k, ref w, 15))); a = TOps.Add(a, T2(b, c, d));

        for (var i = 16; i < 64; i += 16)
        {
            d = TOps.Add(d, h = T1(e, f, g, h, Expand(ref Unsafe.Add(ref k, i), ref w, 0))); h = TOps.Add(h, T2(a, b, c));
            c = TOps.Add(c, g = T1(d, e, f, g, Expand(ref Unsafe.Add(ref k, i), ref w, 1))); g = TOps.Add(g, T2(h, a, b));
            b = TOps.Add(b, f = T1(c, d, e, f, Expand(ref Unsafe.Add(ref k, i), ref w, 2))); f = TOps.Add(f, T2(g, h, a));
            a = TOps.Add(a, e = T1(b, c, d, e, Expand(ref Unsafe.Add(ref k, i), ref w, 3))); e = TOps.Add(e, T2(f, g, h));
            h = TOps.Add(h, d = T1(a, b, c, d, Expand(ref Unsafe.Add(ref k, i), ref w, 4))); d = TOps.Add(d, T2(e, f, g));
            g = TOps.Add(g, c = T1(h, a, b, c, Expand(ref Unsafe.Add(ref k, i), ref w, 5))); c = TOps.Add(c, T2(d, e, f));
            f = TOps.Add(f, b = T1(g, h, a, b, Expand(ref Unsafe.Add(ref k, i), ref w, 6))); b = TOps.Add(b, T2(c, d, e));
            e = TOps.Add(e, a = T1(f, g, h, a, Expand(ref Unsafe.Add(ref k, i), ref w, 7))); a = TOps.Add(a, T2(b, c, d));
            d = TOps.Add(d, h = T1(e, f, g, h, Expand(ref Unsafe.Add(ref k, i), ref w, 8))); h = TOps.Add(h, T2(a, b, c));
            c = TOps.Add(c, g = T1(d, e, f, g, Expand(ref Unsafe.Add(ref k, i), ref w, 9))); g = TOps.Add(g, T2(h, a, b));
            b = TOps.Add(b, f = T1(c, d, e, f, Expand(ref Unsafe.Add(ref k, i), ref w, 10))); f = TOps.Add(f, T2(g, h, a));
            a = TOps.Add(a, e = T1(b, c, d, e, Expand(ref Unsafe.Add(ref k, i), ref w, 11))); e = TOps.Add(e, T2(f, g, h));
            h = TOps.Add(h, d = T1(a, b, c, d, Expand(ref Unsafe.Add(ref k, i), ref w, 12))); d = TOps.Add(d, T2(e, f, g));
            g = TOps.Add(g, c = T1(h, a, b, c, Expand(ref Unsafe.Add(ref k, i), ref w, 13))); c = TOps.Add(c, T2(d, e, f));
            f = TOps.Add(f, b = T1(g, h, a, b, Expand(ref Unsafe.Add(ref k, i), ref w, 14))); b = TOps.Add(b, T2(c, d, e));
            e = TOps.Add(e, a = T1(f, g, h, a, Expand(ref Unsafe.Add(ref k, i), ref w, 15))); a = TOps.Add(a, T2(b, c, d));
        }

        AddState(ref state, a, b, c, d, e, f, g, h);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddState(ref TVec state, TVec a, TVec b, TVec c, TVec d, TVec e, TVec f, TVec g, TVec h)
    {
        state = TOps.Add(state, a);
        Unsafe.Add(ref state, 1) = TOps.Add(Unsafe.Add(ref state, 1), b);
        Unsafe.Add(ref state, 2) = TOps.Add(Unsafe.Add(ref state, 2), c);
        Unsafe.Add(ref state, 3) = TOps.Add(Unsafe.Add(ref state, 3), d);
        Unsafe.Add(ref state, 4) = TOps.Add(Unsafe.Add(ref state, 4), e);
        Unsafe.Add(ref state, 5) = TOps.Add(Unsafe.Add(ref state, 5), f);
        Unsafe.Add(ref state, 6) = TOps.Add(Unsafe.Add(ref state, 6), g);
        Unsafe.Add(ref state, 7) = TOps.Add(Unsafe.Add(ref state, 7), h);
    }

    // T1 = h + Σ1(e) + Ch(e, f, g) + K[i] + W[i]; the caller adds it to d and, with T2, forms the new a.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVec T1(TVec e, TVec f, TVec g, TVec h, TVec kw) =>
        TOps.Add(TOps.Add(h, TOps.BigSigma1(e)), TOps.Add(TOps.Choose(e, f, g), kw));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVec T2(TVec a, TVec b, TVec c) => TOps.Add(TOps.BigSigma0(a), TOps.Majority(a, b, c));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVec KW(ref uint k, ref TVec w, int i) => TOps.Add(TOps.Broadcast(Unsafe.Add(ref k, i)), Unsafe.Add(ref w, i));

    // W[j] = σ1(W[j-2]) + W[j-7] + σ0(W[j-15]) + W[j-16] for j = base + r, in a ring of 16 slots; `k` points at
    // K[base] and base is a multiple of 16, so every slot index is a constant.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVec Expand(ref uint k, ref TVec w, int r)
    {
        ref var slot = ref Unsafe.Add(ref w, r);
        slot = TOps.Add(
            TOps.Add(TOps.SmallSigma1(Unsafe.Add(ref w, (r - 2) & 15)), Unsafe.Add(ref w, (r - 7) & 15)),
            TOps.Add(TOps.SmallSigma0(Unsafe.Add(ref w, (r - 15) & 15)), slot));
        return TOps.Add(TOps.Broadcast(Unsafe.Add(ref k, r)), slot);
    }
}
