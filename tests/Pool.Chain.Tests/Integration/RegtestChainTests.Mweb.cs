using Pool.Chain.Jobs;

namespace Pool.Chain.Tests.Integration;

public sealed partial class RegtestChainTests
{
    // Litecoin Core 0.21.2 activates MWEB on regtest at height 432, and block 432 needs a peg-in to exist.
    private const long MwebActivationHeight = 432;

    [Test]
    public async Task SubmitAsync_PastMwebActivation_NodeAcceptsMwebBlocks()
    {
        if (_coin != "litecoin")
        {
            Assert.Ignore("MWEB extension blocks exist only on Litecoin.");
        }

        var height = await _nodes.A.GetBlockCountAsync();
        if (height < MwebActivationHeight - 1)
        {
            await _nodes.A.GenerateAsync((int)(MwebActivationHeight - 1 - height), _nodes.WalletAddress);
        }

        for (var i = 0; i < 2; i++)
        {
            var mwebAddress = (await _nodes.A.CallAsync("getnewaddress", "", "mweb")).GetString()!;
            await _nodes.A.CallAsync("sendtoaddress", mwebAddress, 1.25);
            var job = await FreshJobAsync(j => ((TemplateBlockSource)j.BlockSource!).Template.ExtensionBlock is not null);
            var template = ((TemplateBlockSource)job.BlockSource!).Template;
            Assert.That(job.Height, Is.GreaterThanOrEqualTo(MwebActivationHeight));
            Assert.That(template.Transactions, Is.Not.Empty, "an MWEB template ends with the HogEx transaction");

            var (submission, _) = await SolveAndSubmitAsync(job, job.Version);

            Assert.That(submission.Accepted, Is.True, submission.RejectReason);
            Assert.That((await _nodes.A.CallAsync("getbestblockhash")).GetString(), Is.EqualTo(submission.BlockHash));
            var block = await _nodes.A.CallAsync("getblock", submission.BlockHash, 1);
            Assert.That(block.TryGetProperty("mweb", out _), Is.True, "the accepted block carries its MWEB extension block");
        }
    }
}
