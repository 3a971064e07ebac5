using Pool.Core.Hashing;

namespace Pool.Core.Merkle;

/// <summary>Bitcoin's merkle tree over transaction hashes in internal byte order (as SHA-256d produces them, not as explorers print them).</summary>
public static class MerkleTree
{
    /// <summary>The merkle root of <paramref name="hashes"/> (the coinbase's first); an odd level pairs its last hash with itself.</summary>
    public static byte[] ComputeRoot(IReadOnlyList<byte[]> hashes)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        if (hashes.Count == 0)
        {
            throw new ArgumentException("a merkle tree needs at least one hash", nameof(hashes));
        }

        var level = hashes.Select(h => (byte[])h.Clone()).ToList();
        while (level.Count > 1)
        {
            level = NextLevel(level);
        }

        return level[0];
    }

    /// <summary>
    /// The branch that joins the coinbase to the root, as Stratum's mining.notify sends it:
    /// <paramref name="otherHashes"/> are the template's transactions, without the coinbase.
    /// </summary>
    public static byte[][] CoinbaseBranch(IReadOnlyList<byte[]> otherHashes)
    {
        ArgumentNullException.ThrowIfNull(otherHashes);
        var branch = new List<byte[]>();

        // Slot 0 stands for the coinbase, whose hash is not known yet; only its siblings go into the branch.
        var level = new List<byte[]?> { null };
        level.AddRange(otherHashes);
        while (level.Count > 1)
        {
            branch.Add(level[1]!);
            var next = new List<byte[]?> { null };
            for (var i = 2; i < level.Count; i += 2)
            {
                var right = i + 1 < level.Count ? level[i + 1]! : level[i]!;
                next.Add(HashPair(level[i]!, right));
            }

            level = next;
        }

        return branch.ToArray();
    }

    /// <summary>Folds a coinbase hash with its branch into the merkle root; writes 32 bytes to <paramref name="root"/>.</summary>
    public static void RootFromBranch(ReadOnlySpan<byte> coinbaseHash, IReadOnlyList<byte[]> branch, Span<byte> root)
    {
        ArgumentNullException.ThrowIfNull(branch);
        Span<byte> pair = stackalloc byte[64];
        coinbaseHash[..32].CopyTo(pair);
        foreach (var sibling in branch)
        {
            sibling.AsSpan(0, 32).CopyTo(pair[32..]);
            Sha256d.Hash(pair, pair[..32]);
        }

        pair[..32].CopyTo(root);
    }

    private static List<byte[]> NextLevel(List<byte[]> level)
    {
        var next = new List<byte[]>((level.Count + 1) / 2);
        for (var i = 0; i < level.Count; i += 2)
        {
            var right = i + 1 < level.Count ? level[i + 1] : level[i];
            next.Add(HashPair(level[i], right));
        }

        return next;
    }

    private static byte[] HashPair(byte[] left, byte[] right)
    {
        Span<byte> pair = stackalloc byte[64];
        left.CopyTo(pair);
        right.CopyTo(pair[32..]);
        return Sha256d.Hash(pair);
    }
}
