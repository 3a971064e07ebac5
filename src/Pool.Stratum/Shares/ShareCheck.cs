using System.Buffers.Binary;

namespace Pool.Stratum.Shares;

/// <summary>What hashing a share showed.</summary>
/// <param name="MeetsShareTarget">The hash is at or below the connection's share target.</param>
/// <param name="MeetsNetworkTarget">The hash is at or below the network target: a block.</param>
/// <param name="ActualDifficulty">Difficulty the hash reached.</param>
/// <param name="BlockHash">SHA-256d of the header, internal byte order: the share's identity.</param>
public readonly record struct ShareCheck(bool MeetsShareTarget, bool MeetsNetworkTarget, double ActualDifficulty, Hash32 BlockHash)
{
    /// <summary>Key for duplicate detection: the header hash covers every field the miner chose, however it was spelled.</summary>
    public UInt128 DuplicateKey
    {
        get
        {
            var copy = BlockHash;
            ReadOnlySpan<byte> hash = copy;
            return new UInt128(BinaryPrimitives.ReadUInt64LittleEndian(hash[8..]), BinaryPrimitives.ReadUInt64LittleEndian(hash));
        }
    }

    /// <summary>The block hash in display order (as explorers and RPC print it).</summary>
    public string BlockHashHex()
    {
        Span<byte> display = stackalloc byte[32];
        var copy = BlockHash;
        ((ReadOnlySpan<byte>)copy).CopyTo(display);
        display.Reverse();
        return Convert.ToHexStringLower(display);
    }
}
