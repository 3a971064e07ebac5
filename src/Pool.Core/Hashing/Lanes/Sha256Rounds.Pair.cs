using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Pool.Core.Hashing.Lanes;

/// <summary>Two independent compressions interleaved round by round, so each one's dependent steps fill the other's latency.</summary>
internal static partial class Sha256Rounds<TOps, TVec>
{
    /// <summary>Compresses block <paramref name="w"/> into <paramref name="state"/> and block <paramref name="w2"/> into <paramref name="state2"/>.</summary>
    public static void CompressPair(ref TVec state, ref TVec w, ref TVec state2, ref TVec w2)
    {
        ref var k = ref MemoryMarshal.GetReference(Sha256Constants.RoundConstants);
        TVec a = state, b = Unsafe.Add(ref state, 1), c = Unsafe.Add(ref state, 2), d = Unsafe.Add(ref state, 3);
        TVec e = Unsafe.Add(ref state, 4), f = Unsafe.Add(ref state, 5), g = Unsafe.Add(ref state, 6), h = Unsafe.Add(ref state, 7);
        TVec a2 = state2, b2 = Unsafe.Add(ref state2, 1), c2 = Unsafe.Add(ref state2, 2), d2 = Unsafe.Add(ref state2, 3);
        TVec e2 = Unsafe.Add(ref state2, 4), f2 = Unsafe.Add(ref state2, 5), g2 = Unsafe.Add(ref state2, 6), h2 = Unsafe.Add(ref state2, 7);

        // Eight rounds per pass keep the inlined body small enough for the JIT to inline every step.
        for (var i = 0; i < 16; i += 8)
        {
            d = TOps.Add(d, h = T1(e, f, g, h, KW(ref k, ref w, i))); h = TOps.Add(h, T2(a, b, c));
            d2 = TOps.Add(d2, h2 = T1(e2, f2, g2, h2, KW(ref k, ref w2, i))); h2 = TOps.Add(h2, T2(a2, b2, c2));
            c = TOps.Add(c, g = T1(d, e, f, g, KW(ref k, ref w, i + 1))); g = TOps.Add(g, T2(h, a, b));
            c2 = TOps.Add(c2, g2 = T1(d2, e2, f2, g2, KW(ref k, ref w2, i + 1))); g2 = TOps.Add(g2, T2(h2, a2, b2));
            b = TOps.Add(b, f = T1(c, d, e, f, KW(ref k, ref w, i + 2))); f = TOps.Add(f, T2(g, h, a));
            b2 = TOps.Add(b2, f2 = T1(c2, d2, e2, f2, KW(ref k, ref w2, i + 2))); f2 = TOps.Add(f2, T2(g2, h2, a2));
            a = TOps.Add(a, e = T1(b, c, d, e, KW(ref k, ref w, i + 3))); e = TOps.Add(e, T2(f, g, h));
            a2 = TOps.Add(a2, e2 = T1(b2, c2, d2, e2, KW(ref k, ref w2, i + 3))); e2 = TOps.Add(e2, T2(f2, g2, h2));
            h = TOps.Add(h, d = T1(a, b, c, d, KW(ref k, ref w, i + 4))); d = TOps.Add(d, T2(e, f, g));
            h2 = TOps.Add(h2, d2 = T1(a2, b2, c2, d2, KW(ref k, ref w2, i + 4))); d2 = TOps.Add(d2, T2(e2, f2, g2));
            g = TOps.Add(g, c = T1(h, a, b, c, KW(ref k, ref w, i + 5))); c = TOps.Add(c, T2(d, e, f));
            g2 = TOps.Add(g2, c2 = T1(h2, a2, b2, c2, KW(ref k, ref w2, i + 5))); c2 = TOps.Add(c2, T2(d2, e2, f2));
            f = TOps.Add(f, b = T1(g, h, a, b, KW(ref k, ref w, i + 6))); b = TOps.Add(b, T2(c, d, e));
            f2 = TOps.Add(f2, b2 = T1(g2, h2, a2, b2, KW(ref k, ref w2, i + 6))); b2 = TOps.Add(b2, T2(c2, d2, e2));
            e = TOps.Add(e, a = T1(f, g, h, a, KW(ref k, ref w, i + 7))); a = TOps.Add(a, T2(b, c, d));
            e2 = TOps.Add(e2, a2 = T1(f2, g2, h2, a2, KW(ref k, ref w2, i + 7))); a2 = TOps.Add(a2, T2(b2, c2, d2));
        }

        for (var i = 16; i < 64; i += 8)
        {
            d = TOps.Add(d, h = T1(e, f, g, h, ExpandAt(ref k, ref w, i))); h = TOps.Add(h, T2(a, b, c));
            d2 = TOps.Add(d2, h2 = T1(e2, f2, g2, h2, ExpandAt(ref k, ref w2, i))); h2 = TOps.Add(h2, T2(a2, b2, c2));
            c = TOps.Add(c, g = T1(d, e, f, g, ExpandAt(ref k, ref w, i + 1))); g = TOps.Add(g, T2(h, a, b));
            c2 = TOps.Add(c2, g2 = T1(d2, e2, f2, g2, ExpandAt(ref k, ref w2, i + 1))); g2 = TOps.Add(g2, T2(h2, a2, b2));
            b = TOps.Add(b, f = T1(c, d, e, f, ExpandAt(ref k, ref w, i + 2))); f = TOps.Add(f, T2(g, h, a));
            b2 = TOps.Add(b2, f2 = T1(c2, d2, e2, f2, ExpandAt(ref k, ref w2, i + 2))); f2 = TOps.Add(f2, T2(g2, h2, a2));
            a = TOps.Add(a, e = T1(b, c, d, e, ExpandAt(ref k, ref w, i + 3))); e = TOps.Add(e, T2(f, g, h));
            a2 = TOps.Add(a2, e2 = T1(b2, c2, d2, e2, ExpandAt(ref k, ref w2, i + 3))); e2 = TOps.Add(e2, T2(f2, g2, h2));
            h = TOps.Add(h, d = T1(a, b, c, d, ExpandAt(ref k, ref w, i + 4))); d = TOps.Add(d, T2(e, f, g));
            h2 = TOps.Add(h2, d2 = T1(a2, b2, c2, d2, ExpandAt(ref k, ref w2, i + 4))); d2 = TOps.Add(d2, T2(e2, f2, g2));
            g = TOps.Add(g, c = T1(h, a, b, c, ExpandAt(ref k, ref w, i + 5))); c = TOps.Add(c, T2(d, e, f));
            g2 = TOps.Add(g2, c2 = T1(h2, a2, b2, c2, ExpandAt(ref k, ref w2, i + 5))); c2 = TOps.Add(c2, T2(d2, e2, f2));
            f = TOps.Add(f, b = T1(g, h, a, b, ExpandAt(ref k, ref w, i + 6))); b = TOps.Add(b, T2(c, d, e));
            f2 = TOps.Add(f2, b2 = T1(g2, h2, a2, b2, ExpandAt(ref k, ref w2, i + 6))); b2 = TOps.Add(b2, T2(c2, d2, e2));
            e = TOps.Add(e, a = T1(f, g, h, a, ExpandAt(ref k, ref w, i + 7))); a = TOps.Add(a, T2(b, c, d));
            e2 = TOps.Add(e2, a2 = T1(f2, g2, h2, a2, ExpandAt(ref k, ref w2, i + 7))); a2 = TOps.Add(a2, T2(b2, c2, d2));
        }

        AddState(ref state, a, b, c, d, e, f, g, h);
        AddState(ref state2, a2, b2, c2, d2, e2, f2, g2, h2);
    }

    // W[j] = σ1(W[j-2]) + W[j-7] + σ0(W[j-15]) + W[j-16] in a ring of 16 slots, plus K[j].
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVec ExpandAt(ref uint k, ref TVec w, int j)
    {
        ref var slot = ref Unsafe.Add(ref w, j & 15);
        slot = TOps.Add(
            TOps.Add(TOps.SmallSigma1(Unsafe.Add(ref w, (j - 2) & 15)), Unsafe.Add(ref w, (j - 7) & 15)),
            TOps.Add(TOps.SmallSigma0(Unsafe.Add(ref w, (j - 15) & 15)), slot));
        return TOps.Add(TOps.Broadcast(Unsafe.Add(ref k, j)), slot);
    }
}
