namespace Pool.Core.Hashing;

/// <summary>A way to run scrypt with r = 1, chosen at run time from the CPU.</summary>
public enum ScryptImplementation
{
    /// <summary>Portable code, one computation at a time.</summary>
    Scalar,

    /// <summary>x86 AVX2, two computations side by side, one per 128-bit lane.</summary>
    Avx2,

    /// <summary>x86 AVX-512F, four computations side by side with native rotates.</summary>
    Avx512,
}
