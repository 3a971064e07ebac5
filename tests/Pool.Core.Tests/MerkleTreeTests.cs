using Pool.Core.Hashing;
using Pool.Core.Merkle;

namespace Pool.Core.Tests;

public class MerkleTreeTests
{
    // Bitcoin block 100000: four transactions, merkle root f3e94742aca4b5ef85488dc37c06c3282295ffec960994b2c0d5ac2a25a95766.
    private static readonly string[] Block100000Txids =
    [
        "8c14f0db3df150123e6f3dbbf30f8b955a8249b62ac1d1ff16284aefa3d06d87",
        "fff2525b8931402dd09222c50775608f75787bd2b87e56995a7bdd30f79702c4",
        "6359f0868171b1d194cbee1af2f16ea598ae8fad666d9b012c8ed2b79a236ec4",
        "e9a66845e05d5abc0ad04ec80f774a7e585c6e8db975962d069a522137b80c1d",
    ];

    private const string Block100000Root = "f3e94742aca4b5ef85488dc37c06c3282295ffec960994b2c0d5ac2a25a95766";

    [Test]
    public void ComputeRoot_Block100000_MatchesHeader()
    {
        var root = MerkleTree.ComputeRoot(Block100000Txids.Select(Internal).ToList());
        Assert.That(Display(root), Is.EqualTo(Block100000Root));
    }

    [Test]
    public void RootFromBranch_Block100000_MatchesComputeRoot()
    {
        var hashes = Block100000Txids.Select(Internal).ToList();
        var branch = MerkleTree.CoinbaseBranch(hashes.Skip(1).ToList());
        var root = new byte[32];
        MerkleTree.RootFromBranch(hashes[0], branch, root);
        Assert.That(branch, Has.Length.EqualTo(2));
        Assert.That(Display(root), Is.EqualTo(Block100000Root));
    }

    private static IEnumerable<GoldenBlock> OddBlocks => GoldenBlock.Load("bitcoin-merkle-blocks.json");

    [TestCaseSource(nameof(OddBlocks))]
    public void ComputeRoot_RealBlockWithOddTransactionCount_GivesRootThatHashesToBlockHash(GoldenBlock block)
    {
        Assert.That(block.Txids!.Length % 2, Is.EqualTo(1));
        var root = MerkleTree.ComputeRoot(block.Txids.Select(Internal).ToList());
        Assert.That(Display(root), Is.EqualTo(block.MerkleRoot));

        var header = block.Header();
        root.CopyTo(header, 36);
        Assert.That(GoldenBlock.Display(Sha256d.Hash(header)), Is.EqualTo(block.Hash), "the computed root completes the real header");
    }

    [TestCaseSource(nameof(OddBlocks))]
    public void RootFromBranch_RealBlockWithOddTransactionCount_MatchesHeaderRoot(GoldenBlock block)
    {
        var hashes = block.Txids!.Select(Internal).ToList();
        var branch = MerkleTree.CoinbaseBranch(hashes.Skip(1).ToList());
        var root = new byte[32];
        MerkleTree.RootFromBranch(hashes[0], branch, root);
        Assert.That(branch, Has.Length.EqualTo(3));
        Assert.That(Display(root), Is.EqualTo(block.MerkleRoot));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(5)]
    [TestCase(7)]
    [TestCase(12)]
    [TestCase(100)]
    [TestCase(1001)]
    public void RootFromBranch_AnyTransactionCount_MatchesComputeRoot(int count)
    {
        var random = new Random(count);
        var hashes = Enumerable.Range(0, count).Select(_ =>
        {
            var h = new byte[32];
            random.NextBytes(h);
            return h;
        }).ToList();
        var branch = MerkleTree.CoinbaseBranch(hashes.Skip(1).ToList());
        var root = new byte[32];
        MerkleTree.RootFromBranch(hashes[0], branch, root);
        Assert.That(root, Is.EqualTo(MerkleTree.ComputeRoot(hashes)));
    }

    [TestCase(1)]
    [TestCase(6)]
    [TestCase(33)]
    [TestCase(1001)]
    public void ComputeRoot_RandomHashes_MatchesPairwiseRuntimeSha256(int count)
    {
        var random = new Random(count + 100);
        var hashes = Enumerable.Range(0, count).Select(_ =>
        {
            var h = new byte[32];
            random.NextBytes(h);
            return h;
        }).ToList();

        var level = hashes;
        while (level.Count > 1)
        {
            level = Enumerable.Range(0, (level.Count + 1) / 2)
                .Select(i => Sha256EngineTests.RuntimeSha256d([.. level[2 * i], .. level[Math.Min((2 * i) + 1, level.Count - 1)]]))
                .ToList();
        }

        Assert.That(MerkleTree.ComputeRoot(hashes), Is.EqualTo(level[0]));
    }

    [Test]
    public void ComputeRoot_HashOfWrongLength_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => MerkleTree.ComputeRoot([new byte[32], new byte[31]]));
        Assert.Throws<ArgumentException>(() => MerkleTree.CoinbaseBranch([new byte[33]]));
    }

    private static byte[] Internal(string displayHex)
    {
        var bytes = Convert.FromHexString(displayHex);
        Array.Reverse(bytes);
        return bytes;
    }

    private static string Display(byte[] internalBytes)
    {
        var copy = (byte[])internalBytes.Clone();
        Array.Reverse(copy);
        return Convert.ToHexStringLower(copy);
    }
}
