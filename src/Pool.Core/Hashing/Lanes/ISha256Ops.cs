namespace Pool.Core.Hashing.Lanes;

/// <summary>The word operations SHA-256's rounds need, lane-wise over <typeparamref name="TVec"/>.</summary>
internal interface ISha256Ops<TVec>
    where TVec : unmanaged
{
    /// <summary>The same word in every lane.</summary>
    static abstract TVec Broadcast(uint value);

    /// <summary>Lane-wise addition modulo 2^32.</summary>
    static abstract TVec Add(TVec x, TVec y);

    /// <summary>Σ0(x) = ROTR2 ^ ROTR13 ^ ROTR22.</summary>
    static abstract TVec BigSigma0(TVec x);

    /// <summary>Σ1(x) = ROTR6 ^ ROTR11 ^ ROTR25.</summary>
    static abstract TVec BigSigma1(TVec x);

    /// <summary>σ0(x) = ROTR7 ^ ROTR18 ^ SHR3.</summary>
    static abstract TVec SmallSigma0(TVec x);

    /// <summary>σ1(x) = ROTR17 ^ ROTR19 ^ SHR10.</summary>
    static abstract TVec SmallSigma1(TVec x);

    /// <summary>Ch(e, f, g): f where e is set, else g.</summary>
    static abstract TVec Choose(TVec e, TVec f, TVec g);

    /// <summary>Maj(a, b, c): the bitwise majority.</summary>
    static abstract TVec Majority(TVec a, TVec b, TVec c);
}
