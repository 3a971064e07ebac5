using System.Globalization;
using System.Numerics;
using Pool.Settlement.Rewards;
using Pool.Settlement.Settlement;

namespace Pool.Settlement.Tests;

[Category("Integration")]
public class SettlementStuckTransactionTests
{
    private SettlementTestBed _bed = null!;

    [SetUp]
    public async Task StartAsync() => _bed = await SettlementTestBed.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _bed.DisposeAsync();

    [Test]
    public async Task RunAsync_TransactionPricedOutByBaseFee_ReplacedWithSameNonceAndRaisedFeesMinedOnce()
    {
        _bed.Options.StuckTimeout = TimeSpan.FromSeconds(3);
        var round = await _bed.AddRoundAsync(100_000_000, SettlementTestBed.Miners(5));
        await _bed.Token.Anvil.SetAutomineAsync(false);

        var run = _bed.NewJob().RunAsync();
        var first = await WaitForChunkAsync(c => c.Attempts.Count == 1);
        await WaitForPendingAsync(first.Attempts[0].Hash);

        // A block whose base fee is above the transaction's fee cap: the transaction stays in the pool, unmineable.
        var cap = BigInteger.Parse(first.Attempts[0].MaxFeePerGas, CultureInfo.InvariantCulture);
        await _bed.Token.Anvil.SetNextBlockBaseFeeAsync(cap * 4);
        await _bed.Token.Anvil.MineAsync();
        Assert.That(await _bed.Token.Chain.GetReceiptAsync(first.Attempts[0].Hash), Is.Null);

        var replaced = await WaitForChunkAsync(c => c.Attempts.Count >= 2);
        await WaitForPendingAsync(replaced.Attempts[^1].Hash);
        await _bed.Token.Anvil.MineAsync();
        var report = await run;

        Assert.That(report.Outcome, Is.EqualTo(SettlementOutcome.Completed), report.Error);
        var chunk = (await _bed.Store.GetAllChunksAsync()).Single();
        Assert.That(chunk.Attempts.Select(a => a.Nonce).Distinct().Count(), Is.EqualTo(1), "replacements reuse the nonce");
        for (var i = 1; i < chunk.Attempts.Count; i++)
        {
            AssertRaisedByTenPercent(chunk.Attempts[i - 1].MaxFeePerGas, chunk.Attempts[i].MaxFeePerGas);
            AssertRaisedByTenPercent(chunk.Attempts[i - 1].MaxPriorityFeePerGas, chunk.Attempts[i].MaxPriorityFeePerGas);
        }

        Assert.That(chunk.MinedTransactionHash, Is.EqualTo(chunk.Attempts[^1].Hash));
        Assert.That(await _bed.Token.Chain.GetReceiptAsync(first.Attempts[0].Hash), Is.Null, "the stuck original never mined");
        var split = RewardSplitter.SplitRound(round, PayoutScheme.Pplns, 100);
        foreach (var (miner, reward) in split.MinerRewards)
        {
            Assert.That(await _bed.MinerBalanceAsync(miner), Is.EqualTo(new BigInteger(reward)));
        }

        Assert.That(await _bed.TotalSupplyAsync(), Is.EqualTo(new BigInteger(100_000_000)));
    }

    [Test]
    public async Task RunAsync_TransactionStuckInPoolPastTimeout_ReplacedInPoolAndOnlyReplacementMined()
    {
        _bed.Options.StuckTimeout = TimeSpan.FromSeconds(1);
        await _bed.AddRoundAsync(100_000_000, SettlementTestBed.Miners(5));
        await _bed.Token.Anvil.SetAutomineAsync(false);

        var run = _bed.NewJob().RunAsync();
        var original = (await WaitForChunkAsync(c => c.Attempts.Count == 1)).Attempts[0];
        await WaitForPendingAsync(original.Hash);

        // Nothing is mined, so the transaction sits in the pool until the job gives up waiting and replaces it.
        var replacement = (await WaitForChunkAsync(c => c.Attempts.Count == 2)).Attempts[1];
        await WaitForPendingAsync(replacement.Hash);
        Assert.That(await _bed.Token.Anvil.GetPendingTransactionHashesAsync(), Does.Not.Contain(original.Hash));
        await _bed.Token.Anvil.MineAsync();
        var report = await run;

        Assert.That(report.Outcome, Is.EqualTo(SettlementOutcome.Completed), report.Error);
        Assert.That(replacement.Nonce, Is.EqualTo(original.Nonce));
        AssertRaisedByTenPercent(original.MaxFeePerGas, replacement.MaxFeePerGas);
        AssertRaisedByTenPercent(original.MaxPriorityFeePerGas, replacement.MaxPriorityFeePerGas);
        Assert.That((await _bed.Store.GetAllChunksAsync()).Single().MinedTransactionHash, Is.EqualTo(replacement.Hash));
        Assert.That(await _bed.Token.Chain.GetReceiptAsync(original.Hash), Is.Null);
        Assert.That(await _bed.TotalSupplyAsync(), Is.EqualTo(new BigInteger(100_000_000)));
    }

    [Test]
    public async Task RunAsync_TransactionDroppedFromPool_SentAgainAndMinedOnce()
    {
        _bed.Options.StuckTimeout = TimeSpan.FromMinutes(5);
        await _bed.AddRoundAsync(100_000_000, SettlementTestBed.Miners(5));
        await _bed.Token.Anvil.SetAutomineAsync(false);

        var run = _bed.NewJob().RunAsync();
        var chunk = await WaitForChunkAsync(c => c.Attempts.Count == 1);
        var hash = chunk.Attempts[0].Hash;
        await WaitForPendingAsync(hash);
        await _bed.Token.Anvil.DropTransactionAsync(hash);

        await WaitForPendingAsync(hash);
        await _bed.Token.Anvil.MineAsync();
        var report = await run;

        Assert.That(report.Outcome, Is.EqualTo(SettlementOutcome.Completed), report.Error);
        Assert.That(_bed.Progress.ToString(), Does.Contain("did not know " + hash));
        Assert.That((await _bed.Store.GetAllChunksAsync()).Single().Attempts, Has.Count.EqualTo(1));
        Assert.That(await _bed.TotalSupplyAsync(), Is.EqualTo(new BigInteger(100_000_000)));
    }

    private static void AssertRaisedByTenPercent(string before, string after)
    {
        var old = BigInteger.Parse(before, CultureInfo.InvariantCulture);
        var raised = BigInteger.Parse(after, CultureInfo.InvariantCulture);
        Assert.That(raised * 100, Is.GreaterThanOrEqualTo(old * 110), $"{before} → {after}");
    }

    private async Task<SettlementChunk> WaitForChunkAsync(Func<SettlementChunk, bool> condition)
    {
        for (var i = 0; i < 300; i++)
        {
            var chunks = await _bed.Store.GetOpenChunksAsync();
            if (chunks.Count == 1 && condition(chunks[0]))
            {
                return chunks[0];
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("the settlement chunk did not reach the expected state:\n" + _bed.Progress);
    }

    private async Task WaitForPendingAsync(string hash)
    {
        for (var i = 0; i < 300; i++)
        {
            if ((await _bed.Token.Anvil.GetPendingTransactionHashesAsync()).Contains(hash, StringComparer.OrdinalIgnoreCase))
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{hash} never reached the node's pool:\n{_bed.Progress}");
    }
}
