using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Pool.Core.Hashing.Salsa;

/// <summary>Four scrypt computations in the four 128-bit lanes of AVX-512 registers, with native rotates.</summary>
internal readonly struct Avx512SalsaLanes : ISalsaLanes<Vector512<uint>>
{
    public static int Hashes => 4;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Add(Vector512<uint> x, Vector512<uint> y) => x + y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Xor(Vector512<uint> x, Vector512<uint> y) => x ^ y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Rotl7(Vector512<uint> x) => Avx512F.RotateLeft(x, 7);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Rotl9(Vector512<uint> x) => Avx512F.RotateLeft(x, 9);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Rotl13(Vector512<uint> x) => Avx512F.RotateLeft(x, 13);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Rotl18(Vector512<uint> x) => Avx512F.RotateLeft(x, 18);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> RotateWords1(Vector512<uint> x) => Avx512F.Shuffle(x, 0b00_11_10_01);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> RotateWords2(Vector512<uint> x) => Avx512F.Shuffle(x, 0b01_00_11_10);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> RotateWords3(Vector512<uint> x) => Avx512F.Shuffle(x, 0b10_01_00_11);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Load(ref uint source) => Vector512.LoadUnsafe(ref source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<uint> value, ref uint destination) => value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> LoadLanes(ref uint source, ReadOnlySpan<int> offsets) => Vector512.Create(
        Vector256.Create(Vector128.LoadUnsafe(ref source, (nuint)offsets[0]), Vector128.LoadUnsafe(ref source, (nuint)offsets[1])),
        Vector256.Create(Vector128.LoadUnsafe(ref source, (nuint)offsets[2]), Vector128.LoadUnsafe(ref source, (nuint)offsets[3])));
}
