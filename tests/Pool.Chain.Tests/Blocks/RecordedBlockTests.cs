using System.Text;
using Pool.Chain.Blocks;
using Pool.Chain.Coins;
using Pool.Chain.Jobs;
using Pool.Chain.Templates;
using Pool.Chain.Tests.Support;

namespace Pool.Chain.Tests.Blocks;

/// <summary>Blocks a real litecoind accepted, rebuilt from their recorded template and share: every byte must match.</summary>
public sealed class RecordedBlockTests
{
    private static readonly string[] Recordings =
    [
        "litecoin-regtest-102-0tx.json",
        "litecoin-regtest-432-2tx-mweb.json",
        "litecoin-regtest-435-6tx-mweb.json",
    ];

    [TestCaseSource(nameof(Recordings))]
    public void Assemble_RecordedTemplateAndShare_ReproducesAcceptedBlock(string file)
    {
        var recorded = RecordedBlock.Load(file);
        var job = BuildJob(recorded);

        var block = BlockAssembler.Assemble(
            job, Convert.FromHexString(recorded.Extranonce1), Convert.FromHexString(recorded.Extranonce2), recorded.Time, recorded.Nonce, recorded.Version);

        Assert.That(block.Hash, Is.EqualTo(recorded.BlockHash));
        Assert.That(Convert.ToHexStringLower(block.Data), Is.EqualTo(recorded.BlockHex));
    }

    [TestCaseSource(nameof(Recordings))]
    public void BuildHeader_RecordedShare_MeetsNetworkTargetWithScrypt(string file)
    {
        var recorded = RecordedBlock.Load(file);
        var job = BuildJob(recorded);
        var header = new byte[80];
        var digest = new byte[32];

        job.BuildHeader(Convert.FromHexString(recorded.Extranonce1), Convert.FromHexString(recorded.Extranonce2), recorded.Time, recorded.Nonce, recorded.Version, header);
        CoinProfiles.Litecoin.Pow.HashHeader(header, digest);

        Assert.That(job.NetworkTarget.IsMetBy(digest), Is.True);
        Assert.That(BlockAssembler.HashOf(header), Is.EqualTo(recorded.BlockHash));
    }

    [Test]
    public void Assemble_ExtranonceOfAnotherMiner_GivesAnotherBlock()
    {
        var recorded = RecordedBlock.Load(Recordings[2]);
        var job = BuildJob(recorded);

        var block = BlockAssembler.Assemble(job, [9, 9, 9, 9], Convert.FromHexString(recorded.Extranonce2), recorded.Time, recorded.Nonce, recorded.Version);

        Assert.That(block.Hash, Is.Not.EqualTo(recorded.BlockHash));
        Assert.That(block.Data, Has.Length.EqualTo(recorded.BlockHex.Length / 2));
    }

    [Test]
    public void Assemble_JobWithoutTemplate_ThrowsClearError()
    {
        var recorded = RecordedBlock.Load(Recordings[0]);
        var built = BuildJob(recorded);
        var bare = new MiningJob("x", built.Height, built.PreviousBlockHash, built.Version, built.Bits, built.Time, built.Coinbase1, built.Coinbase2,
            built.MerkleBranch, true, built.CoinbaseValue, built.NetworkTarget, built.NetworkDifficulty);

        Assert.That(() => BlockAssembler.Assemble(bare, new byte[4], new byte[4], 0, 0, 0),
            Throws.ArgumentException.With.Message.Contains("not built from a block template"));
    }

    private static MiningJob BuildJob(RecordedBlock recorded)
    {
        var profile = CoinProfiles.Get(recorded.Coin);
        var address = profile.ParseAddress(recorded.PoolAddress, recorded.Network);
        var template = BlockTemplateParser.Parse(recorded.Template);
        var coinbase = new CoinbaseBuilder(address.ScriptPubKey.ToBytes(), Encoding.UTF8.GetBytes(recorded.PoolTag), recorded.Extranonce1.Length / 2 + recorded.Extranonce2.Length / 2);
        return new JobFactory(coinbase, profile.Pow).Create("1", template, cleanJobs: true);
    }
}
