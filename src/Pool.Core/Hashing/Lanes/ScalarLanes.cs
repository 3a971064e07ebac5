using System.Numerics;
using System.Runtime.CompilerServices;

namespace Pool.Core.Hashing.Lanes;

/// <summary>Portable SHA-256 over plain 32-bit words, one message at a time.</summary>
internal readonly struct ScalarLanes : ISha256Lanes<uint>, ISha256Ops<uint>
{
    public static int Width => 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Broadcast(uint value) => value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Load(ref uint source) => source;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(uint value, ref uint destination) => destination = value;

    // Kept out of line: its 64 inlined rounds fill the JIT's inlining budget for any one method.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Compress(ref uint state, ref uint block) => Sha256Rounds<ScalarLanes, uint>.Compress(ref state, ref block);

    // Interleaving two compressions measured slower here than running them back to back (too few registers).
    public static void CompressPair(ref uint state, ref uint block, ref uint state2, ref uint block2)
    {
        Compress(ref state, ref block);
        Compress(ref state2, ref block2);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Add(uint x, uint y) => x + y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint BigSigma0(uint x) =>
        BitOperations.RotateRight(x, 2) ^ BitOperations.RotateRight(x, 13) ^ BitOperations.RotateRight(x, 22);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint BigSigma1(uint x) =>
        BitOperations.RotateRight(x, 6) ^ BitOperations.RotateRight(x, 11) ^ BitOperations.RotateRight(x, 25);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint SmallSigma0(uint x) => BitOperations.RotateRight(x, 7) ^ BitOperations.RotateRight(x, 18) ^ (x >> 3);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint SmallSigma1(uint x) => BitOperations.RotateRight(x, 17) ^ BitOperations.RotateRight(x, 19) ^ (x >> 10);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Choose(uint e, uint f, uint g) => ((f ^ g) & e) ^ g;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Majority(uint a, uint b, uint c) => (a & b) | (c & (a | b));
}
