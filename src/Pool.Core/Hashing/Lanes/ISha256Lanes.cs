namespace Pool.Core.Hashing.Lanes;

/// <summary>A SHA-256 compression function over <typeparamref name="TVec"/>, which holds one 32-bit word from each of <see cref="Width"/> messages.</summary>
internal interface ISha256Lanes<TVec>
    where TVec : unmanaged
{
    /// <summary>How many messages one call compresses side by side.</summary>
    static abstract int Width { get; }

    /// <summary>The same word in every lane.</summary>
    static abstract TVec Broadcast(uint value);

    /// <summary>Reads <see cref="Width"/> consecutive words, one per lane.</summary>
    static abstract TVec Load(ref uint source);

    /// <summary>Writes one word per lane to <see cref="Width"/> consecutive words.</summary>
    static abstract void Store(TVec value, ref uint destination);

    /// <summary>Compresses the 16-word block <paramref name="block"/> (overwritten as schedule scratch) into the 8-word <paramref name="state"/>.</summary>
    static abstract void Compress(ref TVec state, ref TVec block);

    /// <summary>Two independent <see cref="Compress"/> calls, interleaved where that is faster.</summary>
    static abstract void CompressPair(ref TVec state, ref TVec block, ref TVec state2, ref TVec block2);
}
