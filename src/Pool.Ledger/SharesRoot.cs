using Pool.Core.Hashing;
using Pool.Core.Merkle;

namespace Pool.Ledger;

/// <summary>
/// The Merkle root a closed round publishes over its frozen PPLNS window, recomputable by anyone from the share stream:
/// leaf = SHA-256d of a share's record bytes exactly as stored in the stream's <c>s</c> field (UTF-8
/// <c>shareId|miner|worker|difficulty|jobId|height|timeUnixMs|instanceId</c>), leaves in stream order (oldest first),
/// combined as Bitcoin's merkle tree (an odd level pairs its last hash with itself); the root is printed as lowercase hex of
/// the root bytes as computed (no byte reversal). An empty window has the root of 64 zeros.
/// </summary>
public static class SharesRoot
{
    /// <summary>The root of an empty window.</summary>
    public static readonly string Empty = new('0', 64);

    /// <summary>The leaf of one share record.</summary>
    public static byte[] Leaf(ReadOnlySpan<byte> record) => Sha256d.Hash(record);

    /// <summary>The hex root over <paramref name="leaves"/> in window order.</summary>
    public static string FromLeaves(IReadOnlyList<byte[]> leaves)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        return leaves.Count == 0 ? Empty : Convert.ToHexStringLower(MerkleTree.ComputeRoot(leaves));
    }

    /// <summary>The hex root over share records in window order.</summary>
    public static string Compute(IEnumerable<byte[]> records) => FromLeaves(records.Select(r => Leaf(r)).ToList());
}
