using System.Buffers;
using System.Buffers.Binary;
using Pool.Core.Hashing;
using Pool.Core.Merkle;
using Pool.Core.Targets;

namespace Pool.Chain.Jobs;

/// <summary>
/// One unit of work handed to miners: everything mining.notify carries, plus what the pool needs to
/// rebuild the header of a share and the block of a winning one. Immutable once built.
/// </summary>
public sealed class MiningJob
{
    private const int StackCoinbaseLimit = 1024;

    /// <summary>Creates a job; <paramref name="previousBlockHash"/> and <paramref name="merkleBranch"/> are in internal byte order.</summary>
    public MiningJob(
        string jobId,
        long height,
        byte[] previousBlockHash,
        uint version,
        uint bits,
        uint time,
        byte[] coinbase1,
        byte[] coinbase2,
        byte[][] merkleBranch,
        bool cleanJobs,
        long coinbaseValue,
        Target256 networkTarget,
        double networkDifficulty,
        object? blockSource = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        if (previousBlockHash is not { Length: 32 })
        {
            throw new ArgumentException("the previous block hash is 32 bytes", nameof(previousBlockHash));
        }

        JobId = jobId;
        Height = height;
        PreviousBlockHash = previousBlockHash;
        Version = version;
        Bits = bits;
        Time = time;
        Coinbase1 = coinbase1;
        Coinbase2 = coinbase2;
        MerkleBranch = merkleBranch;
        CleanJobs = cleanJobs;
        CoinbaseValue = coinbaseValue;
        NetworkTarget = networkTarget;
        NetworkDifficulty = networkDifficulty;
        BlockSource = blockSource;
    }

    /// <summary>Stratum job id.</summary>
    public string JobId { get; }

    /// <summary>Height of the block this job builds.</summary>
    public long Height { get; }

    /// <summary>Previous block hash, internal byte order (as it sits in the header).</summary>
    public byte[] PreviousBlockHash { get; }

    /// <summary>Header version from the template, before any version rolling.</summary>
    public uint Version { get; }

    /// <summary>Compact network target.</summary>
    public uint Bits { get; }

    /// <summary>The template's current time (the earliest ntime a share may carry).</summary>
    public uint Time { get; }

    /// <summary>Coinbase transaction bytes before extranonce1 (non-witness serialization).</summary>
    public byte[] Coinbase1 { get; }

    /// <summary>Coinbase transaction bytes after extranonce2 (non-witness serialization).</summary>
    public byte[] Coinbase2 { get; }

    /// <summary>Merkle branch joining the coinbase hash to the root, internal byte order.</summary>
    public byte[][] MerkleBranch { get; }

    /// <summary>True when miners must drop earlier jobs (a new block on the network).</summary>
    public bool CleanJobs { get; }

    /// <summary>Reward paid by the coinbase, base units.</summary>
    public long CoinbaseValue { get; }

    /// <summary>Target a header must meet to be a block.</summary>
    public Target256 NetworkTarget { get; }

    /// <summary>Network difficulty of <see cref="Bits"/>.</summary>
    public double NetworkDifficulty { get; }

    /// <summary>What the chain side needs to assemble the full block (template transactions and the like); opaque to the server.</summary>
    public object? BlockSource { get; }

    /// <summary>Length of the coinbase once both extranonces are in place.</summary>
    public int CoinbaseLength(int extranonceLength) => Coinbase1.Length + extranonceLength + Coinbase2.Length;

    /// <summary>Writes the coinbase transaction (non-witness) with the miner's extranonces into <paramref name="destination"/>.</summary>
    public int WriteCoinbase(ReadOnlySpan<byte> extranonce1, ReadOnlySpan<byte> extranonce2, Span<byte> destination)
    {
        Coinbase1.CopyTo(destination);
        var offset = Coinbase1.Length;
        extranonce1.CopyTo(destination[offset..]);
        offset += extranonce1.Length;
        extranonce2.CopyTo(destination[offset..]);
        offset += extranonce2.Length;
        Coinbase2.CopyTo(destination[offset..]);
        return offset + Coinbase2.Length;
    }

    /// <summary>
    /// Builds the 80-byte header a miner hashed for a share of this job. <paramref name="version"/> is the final header
    /// version: <see cref="Version"/> itself, or with BIP310-rolled bits inside the negotiated mask (default 0x1fffe000)
    /// as the miner submitted it; checking that only mask bits changed is the caller's job (see VersionRolling).
    /// </summary>
    public void BuildHeader(ReadOnlySpan<byte> extranonce1, ReadOnlySpan<byte> extranonce2, uint time, uint nonce, uint version, Span<byte> header)
    {
        if (header.Length < 80)
        {
            throw new ArgumentException("a header needs 80 bytes", nameof(header));
        }

        var length = CoinbaseLength(extranonce1.Length + extranonce2.Length);
        byte[]? rented = null;
        var coinbase = length <= StackCoinbaseLimit
            ? stackalloc byte[StackCoinbaseLimit]
            : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var written = WriteCoinbase(extranonce1, extranonce2, coinbase);
            Span<byte> coinbaseHash = stackalloc byte[32];
            Sha256d.Hash(coinbase[..written], coinbaseHash);

            BinaryPrimitives.WriteUInt32LittleEndian(header, version);
            PreviousBlockHash.CopyTo(header[4..]);
            MerkleTree.RootFromBranch(coinbaseHash, MerkleBranch, header.Slice(36, 32));
            BinaryPrimitives.WriteUInt32LittleEndian(header[68..], time);
            BinaryPrimitives.WriteUInt32LittleEndian(header[72..], Bits);
            BinaryPrimitives.WriteUInt32LittleEndian(header[76..], nonce);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
