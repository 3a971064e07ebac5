using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Pool.Core.Hashing.Lanes;

/// <summary>SHA-256 on sixteen messages at once with AVX-512F: native rotates, and three-input xor/choose/majority in one ternary-logic instruction.</summary>
internal readonly struct Avx512Lanes : ISha256Lanes<Vector512<uint>>, ISha256Ops<Vector512<uint>>
{
    // Truth tables for vpternlogd with inputs A = 0xF0, B = 0xCC, C = 0xAA.
    private const byte Xor3 = 0x96;
    private const byte ChooseTable = 0xCA;
    private const byte MajorityTable = 0xE8;

    public static int Width => 16;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Broadcast(uint value) => Vector512.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Load(ref uint source) => Vector512.LoadUnsafe(ref source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<uint> value, ref uint destination) => value.StoreUnsafe(ref destination);

    // Kept out of line: its 64 inlined rounds fill the JIT's inlining budget for any one method.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Compress(ref Vector512<uint> state, ref Vector512<uint> block) =>
        Sha256Rounds<Avx512Lanes, Vector512<uint>>.Compress(ref state, ref block);

    // Thirty-two registers hold both groups' working variables, so interleaving them hides each round's latency.
    public static void CompressPair(ref Vector512<uint> state, ref Vector512<uint> block, ref Vector512<uint> state2, ref Vector512<uint> block2) =>
        Sha256Rounds<Avx512Lanes, Vector512<uint>>.CompressPair(ref state, ref block, ref state2, ref block2);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Add(Vector512<uint> x, Vector512<uint> y) => Avx512F.Add(x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> BigSigma0(Vector512<uint> x) =>
        Avx512F.TernaryLogic(Avx512F.RotateRight(x, 2), Avx512F.RotateRight(x, 13), Avx512F.RotateRight(x, 22), Xor3);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> BigSigma1(Vector512<uint> x) =>
        Avx512F.TernaryLogic(Avx512F.RotateRight(x, 6), Avx512F.RotateRight(x, 11), Avx512F.RotateRight(x, 25), Xor3);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> SmallSigma0(Vector512<uint> x) =>
        Avx512F.TernaryLogic(Avx512F.RotateRight(x, 7), Avx512F.RotateRight(x, 18), Avx512F.ShiftRightLogical(x, 3), Xor3);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> SmallSigma1(Vector512<uint> x) =>
        Avx512F.TernaryLogic(Avx512F.RotateRight(x, 17), Avx512F.RotateRight(x, 19), Avx512F.ShiftRightLogical(x, 10), Xor3);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Choose(Vector512<uint> e, Vector512<uint> f, Vector512<uint> g) => Avx512F.TernaryLogic(e, f, g, ChooseTable);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Majority(Vector512<uint> a, Vector512<uint> b, Vector512<uint> c) =>
        Avx512F.TernaryLogic(a, b, c, MajorityTable);
}
