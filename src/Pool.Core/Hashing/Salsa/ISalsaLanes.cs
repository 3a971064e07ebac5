namespace Pool.Core.Hashing.Salsa;

/// <summary>
/// Salsa20/8 word operations over <typeparamref name="TVec"/>, which holds one four-word diagonal of a Salsa block
/// from each of <see cref="Hashes"/> independent scrypt computations, one per 128-bit lane.
/// </summary>
internal interface ISalsaLanes<TVec>
    where TVec : unmanaged
{
    /// <summary>How many scrypt computations run side by side.</summary>
    static abstract int Hashes { get; }

    static abstract TVec Add(TVec x, TVec y);

    static abstract TVec Xor(TVec x, TVec y);

    static abstract TVec Rotl7(TVec x);

    static abstract TVec Rotl9(TVec x);

    static abstract TVec Rotl13(TVec x);

    static abstract TVec Rotl18(TVec x);

    /// <summary>Rotates the four words of each 128-bit lane down by one: (w1, w2, w3, w0).</summary>
    static abstract TVec RotateWords1(TVec x);

    /// <summary>Rotates the four words of each 128-bit lane down by two: (w2, w3, w0, w1).</summary>
    static abstract TVec RotateWords2(TVec x);

    /// <summary>Rotates the four words of each 128-bit lane down by three: (w3, w0, w1, w2).</summary>
    static abstract TVec RotateWords3(TVec x);

    static abstract TVec Load(ref uint source);

    static abstract void Store(TVec value, ref uint destination);

    /// <summary>Builds a vector whose lane h is the four words at <paramref name="source"/> + <c>offsets[h]</c>.</summary>
    static abstract TVec LoadLanes(ref uint source, ReadOnlySpan<int> offsets);
}
