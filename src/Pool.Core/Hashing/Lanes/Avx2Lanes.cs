using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Pool.Core.Hashing.Lanes;

/// <summary>SHA-256 on eight messages at once in AVX2 registers; rotates are two shifts and an or.</summary>
internal readonly struct Avx2Lanes : ISha256Lanes<Vector256<uint>>, ISha256Ops<Vector256<uint>>
{
    public static int Width => 8;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Broadcast(uint value) => Vector256.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Load(ref uint source) => Vector256.LoadUnsafe(ref source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<uint> value, ref uint destination) => value.StoreUnsafe(ref destination);

    // Kept out of line: its 64 inlined rounds fill the JIT's inlining budget for any one method.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Compress(ref Vector256<uint> state, ref Vector256<uint> block) =>
        Sha256Rounds<Avx2Lanes, Vector256<uint>>.Compress(ref state, ref block);

    // Interleaving two compressions measured slower here than running them back to back (too few registers).
    public static void CompressPair(ref Vector256<uint> state, ref Vector256<uint> block, ref Vector256<uint> state2, ref Vector256<uint> block2)
    {
        Compress(ref state, ref block);
        Compress(ref state2, ref block2);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Add(Vector256<uint> x, Vector256<uint> y) => x + y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> BigSigma0(Vector256<uint> x) => Rotr(x, 2) ^ Rotr(x, 13) ^ Rotr(x, 22);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> BigSigma1(Vector256<uint> x) => Rotr(x, 6) ^ Rotr(x, 11) ^ Rotr(x, 25);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> SmallSigma0(Vector256<uint> x) => Rotr(x, 7) ^ Rotr(x, 18) ^ (x >>> 3);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> SmallSigma1(Vector256<uint> x) => Rotr(x, 17) ^ Rotr(x, 19) ^ (x >>> 10);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Choose(Vector256<uint> e, Vector256<uint> f, Vector256<uint> g) => ((f ^ g) & e) ^ g;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Majority(Vector256<uint> a, Vector256<uint> b, Vector256<uint> c) => (a & b) | (c & (a | b));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Rotr(Vector256<uint> x, int count) => (x >>> count) | (x << (32 - count));
}
