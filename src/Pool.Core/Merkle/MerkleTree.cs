using Pool.Core.Hashing;

namespace Pool.Core.Merkle;

/// <summary>Bitcoin's merkle tree over transaction hashes in internal byte order (as SHA-256d produces them, not as explorers print them).</summary>
public static class MerkleTree
{
    private const int HashSize = Sha256d.DigestSize;
    private const int PairSize = 2 * HashSize;

    /// <summary>The merkle root of <paramref name="hashes"/> (the coinbase's first); an odd level pairs its last hash with itself.</summary>
    public static byte[] ComputeRoot(IReadOnlyList<byte[]> hashes)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        if (hashes.Count == 0)
        {
            throw new ArgumentException("a merkle tree needs at least one hash", nameof(hashes));
        }

        // Each level is contiguous, so its pairs are hashed as one batch of 64-byte messages across SIMD lanes.
        var count = hashes.Count;
        var level = new byte[(count + 1) * HashSize];
        var next = new byte[(count + 1) * HashSize];
        CopyHashes(hashes, level, 0);
        while (count > 1)
        {
            count = HashPairs(level, count, next);
            (level, next) = (next, level);
        }

        return level[..HashSize];
    }

    /// <summary>
    /// The branch that joins the coinbase to the root, as Stratum's mining.notify sends it:
    /// <paramref name="otherHashes"/> are the template's transactions, without the coinbase.
    /// </summary>
    public static byte[][] CoinbaseBranch(IReadOnlyList<byte[]> otherHashes)
    {
        ArgumentNullException.ThrowIfNull(otherHashes);
        var branch = new List<byte[]>();

        // Slot 0 stands for the coinbase, whose hash is not known yet; only its siblings go into the branch, and the
        // slots after them pair up into the next level's slots 1, 2, ….
        var count = otherHashes.Count + 1;
        var level = new byte[(count + 1) * HashSize];
        var next = new byte[(count + 1) * HashSize];
        CopyHashes(otherHashes, level, 1);
        while (count > 1)
        {
            branch.Add(level[HashSize..PairSize]);
            count = 1 + HashPairs(level.AsSpan(PairSize), count - 2, next.AsSpan(HashSize));
            (level, next) = (next, level);
        }

        return [.. branch];
    }

    /// <summary>Folds a coinbase hash with its branch into the merkle root; writes 32 bytes to <paramref name="root"/>.</summary>
    public static void RootFromBranch(ReadOnlySpan<byte> coinbaseHash, IReadOnlyList<byte[]> branch, Span<byte> root)
    {
        ArgumentNullException.ThrowIfNull(branch);
        Span<byte> pair = stackalloc byte[PairSize];
        coinbaseHash[..HashSize].CopyTo(pair);
        foreach (var sibling in branch)
        {
            sibling.AsSpan(0, HashSize).CopyTo(pair[HashSize..]);
            Sha256d.Hash(pair, pair[..HashSize]);
        }

        pair[..HashSize].CopyTo(root);
    }

    private static void CopyHashes(IReadOnlyList<byte[]> hashes, byte[] level, int firstSlot)
    {
        for (var i = 0; i < hashes.Count; i++)
        {
            if (hashes[i] is not { Length: HashSize } hash)
            {
                throw new ArgumentException($"hash {i} is not {HashSize} bytes", nameof(hashes));
            }

            hash.CopyTo(level, (firstSlot + i) * HashSize);
        }
    }

    // Hashes the `count` hashes at the start of `level` pairwise into `next` (the last paired with itself when odd);
    // `level` has room for one more hash. Returns the number of hashes written.
    private static int HashPairs(Span<byte> level, int count, Span<byte> next)
    {
        if (count <= 0)
        {
            return 0;
        }

        if (count % 2 == 1)
        {
            level.Slice((count - 1) * HashSize, HashSize).CopyTo(level[(count * HashSize)..]);
            count++;
        }

        var pairs = count / 2;
        Sha256d.HashMany(level[..(pairs * PairSize)], PairSize, next[..(pairs * HashSize)]);
        return pairs;
    }
}
