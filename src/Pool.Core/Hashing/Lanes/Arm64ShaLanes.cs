using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;

namespace Pool.Core.Hashing.Lanes;

/// <summary>SHA-256 with the Arm64 SHA-256 instructions, four rounds per instruction pair, one message at a time.</summary>
internal readonly struct Arm64ShaLanes : ISha256Lanes<uint>
{
    public static int Width => 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Broadcast(uint value) => value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Load(ref uint source) => source;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(uint value, ref uint destination) => destination = value;

    public static void Compress(ref uint state, ref uint block)
    {
        if (!Sha256.IsSupported)
        {
            throw new PlatformNotSupportedException("this CPU has no Arm64 SHA-256 instructions");
        }

        ref var k = ref MemoryMarshal.GetReference(Sha256Constants.RoundConstants);
        var abcd = Vector128.LoadUnsafe(ref state);
        var efgh = Vector128.LoadUnsafe(ref Unsafe.Add(ref state, 4));
        var w0 = Vector128.LoadUnsafe(ref block);
        var w1 = Vector128.LoadUnsafe(ref Unsafe.Add(ref block, 4));
        var w2 = Vector128.LoadUnsafe(ref Unsafe.Add(ref block, 8));
        var w3 = Vector128.LoadUnsafe(ref Unsafe.Add(ref block, 12));
        var startAbcd = abcd;
        var startEfgh = efgh;

        // Each pass runs 16 rounds and, except the last, extends the schedule by the next 16 words.
        for (var i = 0; i < 64; i += 16)
        {
            Rounds(ref abcd, ref efgh, w0 + Vector128.LoadUnsafe(ref Unsafe.Add(ref k, i)));
            Rounds(ref abcd, ref efgh, w1 + Vector128.LoadUnsafe(ref Unsafe.Add(ref k, i + 4)));
            Rounds(ref abcd, ref efgh, w2 + Vector128.LoadUnsafe(ref Unsafe.Add(ref k, i + 8)));
            Rounds(ref abcd, ref efgh, w3 + Vector128.LoadUnsafe(ref Unsafe.Add(ref k, i + 12)));
            if (i < 48)
            {
                w0 = Sha256.ScheduleUpdate1(Sha256.ScheduleUpdate0(w0, w1), w2, w3);
                w1 = Sha256.ScheduleUpdate1(Sha256.ScheduleUpdate0(w1, w2), w3, w0);
                w2 = Sha256.ScheduleUpdate1(Sha256.ScheduleUpdate0(w2, w3), w0, w1);
                w3 = Sha256.ScheduleUpdate1(Sha256.ScheduleUpdate0(w3, w0), w1, w2);
            }
        }

        (abcd + startAbcd).StoreUnsafe(ref state);
        (efgh + startEfgh).StoreUnsafe(ref Unsafe.Add(ref state, 4));
    }

    public static void CompressPair(ref uint state, ref uint block, ref uint state2, ref uint block2)
    {
        Compress(ref state, ref block);
        Compress(ref state2, ref block2);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Rounds(ref Vector128<uint> abcd, ref Vector128<uint> efgh, Vector128<uint> wk)
    {
        var previousAbcd = abcd;
        abcd = Sha256.HashUpdate1(abcd, efgh, wk);
        efgh = Sha256.HashUpdate2(efgh, previousAbcd, wk);
    }
}
