namespace Pool.Core.Hashing;

/// <summary>A SHA-256 compression implementation the engine can run, chosen at run time from the CPU.</summary>
public enum Sha256Implementation
{
    /// <summary>Portable scalar code, one message at a time; runs everywhere.</summary>
    Scalar,

    /// <summary>x86 AVX2, eight messages side by side in <c>Vector256&lt;uint&gt;</c>.</summary>
    Avx2,

    /// <summary>x86 AVX-512F, sixteen messages side by side in <c>Vector512&lt;uint&gt;</c> with native rotates and ternary logic.</summary>
    Avx512,

    /// <summary>Arm64 SHA-256 instructions, one message at a time.</summary>
    Arm64Sha,
}
