using System.Globalization;
using System.Numerics;
using Pool.Core.Mining;
using Pool.Settlement.Rewards;
using Pool.Settlement.Settlement;
using Pool.Testing;

namespace Pool.Settlement.Tests;

[Category("Integration")]
public class SettlementStuckTransactionTests
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(60);

    private SettlementTestBed _bed = null!;

    [SetUp]
    public async Task StartAsync() => _bed = await SettlementTestBed.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _bed.DisposeAsync();

    [Test]
    public async Task RunAsync_TransactionPricedOutByBaseFee_ReplacedWithSameNonceAndRaisedFeesMinedOnce()
    {
        _bed.Options.StuckTimeout = TimeSpan.FromSeconds(5);
        var round = await _bed.AddRoundAsync(100_000_000, SettlementTestBed.Miners(5));
        await _bed.Token.Anvil.SetAutomineAsync(false);

        var run = _bed.NewJob().RunAsync();
        var first = (await WaitForLatestPendingAsync(c => c.Attempts.Count >= 1)).Attempts[^1];

        // A block whose base fee is above the transaction's fee cap: the transaction stays in the pool, unmineable.
        var cap = BigInteger.Parse(first.MaxFeePerGas, CultureInfo.InvariantCulture);
        await _bed.Token.Anvil.SetNextBlockBaseFeeAsync(cap * 4);
        await _bed.Token.Anvil.MineAsync();
        Assert.That(await _bed.Token.Chain.GetReceiptAsync(first.Hash), Is.Null);

        // A replacement signed before that block (on a slow machine) is still priced out; the next one is priced for it.
        await WaitForLatestPendingAsync(c => c.Attempts.Count >= 2 && BigInteger.Parse(c.Attempts[^1].MaxFeePerGas, CultureInfo.InvariantCulture) >= cap * 4);
        await _bed.Token.Anvil.MineAsync();

        await AssertOnlyLastReplacementMinedAsync(run, first.Hash, round);
    }

    [Test]
    public async Task RunAsync_TransactionStuckInPoolPastTimeout_ReplacedInPoolAndOnlyReplacementMined()
    {
        _bed.Options.StuckTimeout = TimeSpan.FromSeconds(5);
        var round = await _bed.AddRoundAsync(100_000_000, SettlementTestBed.Miners(5));
        await _bed.Token.Anvil.SetAutomineAsync(false);

        var run = _bed.NewJob().RunAsync();
        await WaitForLatestPendingAsync(c => c.Attempts.Count >= 1);

        // Nothing is mined, so the transaction sits in the pool until the job gives up waiting and replaces it.
        var replaced = await WaitForLatestPendingAsync(c => c.Attempts.Count >= 2);
        var original = replaced.Attempts[0];
        Assert.That(await _bed.Token.Anvil.GetPendingTransactionHashesAsync(), Does.Not.Contain(original.Hash));
        await _bed.Token.Anvil.MineAsync();

        await AssertOnlyLastReplacementMinedAsync(run, original.Hash, round);
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

    /// <summary>The run completes, the last replacement is the one mined, the stuck original never is, and every miner is paid once.</summary>
    private async Task AssertOnlyLastReplacementMinedAsync(Task<SettlementReport> run, string originalHash, ClosedRound round)
    {
        var report = await run;

        Assert.That(report.Outcome, Is.EqualTo(SettlementOutcome.Completed), report.Error);
        var chunk = (await _bed.Store.GetAllChunksAsync()).Single();
        AssertReplacementsRaiseFeesOnSameNonce(chunk);
        Assert.That(chunk.MinedTransactionHash, Is.EqualTo(chunk.Attempts[^1].Hash));
        Assert.That(await _bed.Token.Chain.GetReceiptAsync(originalHash), Is.Null, "the stuck original never mined");
        await AssertPaidOnceAsync(round);
    }

    private static void AssertReplacementsRaiseFeesOnSameNonce(SettlementChunk chunk)
    {
        Assert.That(chunk.Attempts, Has.Count.GreaterThanOrEqualTo(2), "the stuck transaction was replaced");
        Assert.That(chunk.Attempts.Select(a => a.Nonce).Distinct().Count(), Is.EqualTo(1), "replacements reuse the nonce");
        for (var i = 1; i < chunk.Attempts.Count; i++)
        {
            AssertRaisedByTenPercent(chunk.Attempts[i - 1].MaxFeePerGas, chunk.Attempts[i].MaxFeePerGas);
            AssertRaisedByTenPercent(chunk.Attempts[i - 1].MaxPriorityFeePerGas, chunk.Attempts[i].MaxPriorityFeePerGas);
        }
    }

    private static void AssertRaisedByTenPercent(string before, string after)
    {
        var old = BigInteger.Parse(before, CultureInfo.InvariantCulture);
        var raised = BigInteger.Parse(after, CultureInfo.InvariantCulture);
        Assert.That(raised * 100, Is.GreaterThanOrEqualTo(old * 110), $"{before} → {after}");
    }

    private async Task AssertPaidOnceAsync(ClosedRound round)
    {
        foreach (var (miner, reward) in RewardSplitter.SplitRound(round, PayoutScheme.Pplns, 100).MinerRewards)
        {
            Assert.That(await _bed.MinerBalanceAsync(miner), Is.EqualTo(new BigInteger(reward)), miner);
        }

        Assert.That(await _bed.TotalSupplyAsync(), Is.EqualTo(new BigInteger(round.Block.RewardBaseUnits)));
    }

    /// <summary>The single open chunk once it satisfies <paramref name="condition"/>.</summary>
    private async Task<SettlementChunk> WaitForChunkAsync(Func<SettlementChunk, bool> condition)
    {
        SettlementChunk? found = null;
        await Eventually.HoldsAsync(
            async () =>
            {
                var chunks = await _bed.Store.GetOpenChunksAsync();
                found = chunks.Count == 1 && condition(chunks[0]) ? chunks[0] : null;
                return found is not null;
            },
            "the settlement chunk to reach the expected state",
            WaitLimit,
            () => _bed.Progress.ToString());
        return found!;
    }

    /// <summary>
    /// The single open chunk once it satisfies <paramref name="condition"/> and its latest attempt is in the node's pool; read
    /// again each time, since a slow test may see a later replacement than the one it waited for.
    /// </summary>
    private async Task<SettlementChunk> WaitForLatestPendingAsync(Func<SettlementChunk, bool> condition)
    {
        SettlementChunk? found = null;
        await Eventually.HoldsAsync(
            async () =>
            {
                var chunks = await _bed.Store.GetOpenChunksAsync();
                found = chunks.Count == 1 && condition(chunks[0])
                    && (await _bed.Token.Anvil.GetPendingTransactionHashesAsync()).Contains(chunks[0].Attempts[^1].Hash, StringComparer.OrdinalIgnoreCase)
                    ? chunks[0]
                    : null;
                return found is not null;
            },
            "the settlement chunk's latest transaction to reach the node's pool",
            WaitLimit,
            () => _bed.Progress.ToString());
        return found!;
    }

    private async Task WaitForPendingAsync(string hash) =>
        await Eventually.HoldsAsync(
            async () => (await _bed.Token.Anvil.GetPendingTransactionHashesAsync()).Contains(hash, StringComparer.OrdinalIgnoreCase),
            $"{hash} to reach the node's pool",
            WaitLimit,
            () => _bed.Progress.ToString());
}
