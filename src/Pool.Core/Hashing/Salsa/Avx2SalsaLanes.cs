using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Pool.Core.Hashing.Salsa;

/// <summary>Two scrypt computations in the two 128-bit lanes of AVX2 registers; rotates use AVX-512VL where present.</summary>
internal readonly struct Avx2SalsaLanes : ISalsaLanes<Vector256<uint>>
{
    public static int Hashes => 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Add(Vector256<uint> x, Vector256<uint> y) => x + y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Xor(Vector256<uint> x, Vector256<uint> y) => x ^ y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Rotl7(Vector256<uint> x) => Avx512F.VL.IsSupported ? Avx512F.VL.RotateLeft(x, 7) : (x << 7) | (x >>> 25);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Rotl9(Vector256<uint> x) => Avx512F.VL.IsSupported ? Avx512F.VL.RotateLeft(x, 9) : (x << 9) | (x >>> 23);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Rotl13(Vector256<uint> x) => Avx512F.VL.IsSupported ? Avx512F.VL.RotateLeft(x, 13) : (x << 13) | (x >>> 19);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Rotl18(Vector256<uint> x) => Avx512F.VL.IsSupported ? Avx512F.VL.RotateLeft(x, 18) : (x << 18) | (x >>> 14);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> RotateWords1(Vector256<uint> x) => Avx2.Shuffle(x, 0b00_11_10_01);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> RotateWords2(Vector256<uint> x) => Avx2.Shuffle(x, 0b01_00_11_10);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> RotateWords3(Vector256<uint> x) => Avx2.Shuffle(x, 0b10_01_00_11);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Load(ref uint source) => Vector256.LoadUnsafe(ref source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<uint> value, ref uint destination) => value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> LoadLanes(ref uint source, ReadOnlySpan<int> offsets) =>
        Vector256.Create(Vector128.LoadUnsafe(ref source, (nuint)offsets[0]), Vector128.LoadUnsafe(ref source, (nuint)offsets[1]));
}
