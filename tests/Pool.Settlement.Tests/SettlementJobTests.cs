using System.Numerics;
using Pool.Core.Mining;
using Pool.Settlement.Rewards;
using Pool.Settlement.Settlement;

namespace Pool.Settlement.Tests;

[Category("Integration")]
public class SettlementJobTests
{
    private SettlementTestBed _bed = null!;

    [SetUp]
    public async Task StartAsync() => _bed = await SettlementTestBed.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _bed.DisposeAsync();

    [Test]
    public async Task RunAsync_ConfirmedRoundsOfManyMiners_OnChainBalancesEqualComputedRewards()
    {
        var first = await _bed.AddRoundAsync(625_000_000, SettlementTestBed.Miners(40));
        var second = await _bed.AddRoundAsync(625_001_234, SettlementTestBed.Miners(25));

        var report = await _bed.NewJob().RunAsync();

        Assert.That(report.Outcome, Is.EqualTo(SettlementOutcome.Completed), report.Error);
        Assert.That(report.Mined, Has.Count.EqualTo(2));
        Assert.That(report.Open, Is.Empty);
        var fee = 0L;
        foreach (var round in new[] { first, second })
        {
            var split = RewardSplitter.SplitRound(round, PayoutScheme.Pplns, 100);
            fee += split.FeeAddressTotal;
            foreach (var (miner, reward) in split.MinerRewards)
            {
                Assert.That(await _bed.MinerBalanceAsync(miner), Is.EqualTo(new BigInteger(reward)), miner);
            }
        }

        Assert.That(await _bed.Token.BalanceOfAsync(SettlementTestBed.FeeAddress), Is.EqualTo(new BigInteger(fee)));
        Assert.That(await _bed.TotalSupplyAsync(), Is.EqualTo(new BigInteger(625_000_000L + 625_001_234L)));
    }

    [Test]
    public async Task RunAsync_RunTwice_SecondRunMintsNothing()
    {
        await _bed.AddRoundAsync(100_000_000, SettlementTestBed.Miners(5));
        await _bed.NewJob().RunAsync();

        var again = await _bed.NewJob().RunAsync();

        Assert.That(again.Plans, Is.Empty);
        Assert.That(again.Mined, Is.Empty);
        Assert.That(await _bed.TotalSupplyAsync(), Is.EqualTo(new BigInteger(100_000_000)));
    }

    [Test]
    public async Task RunAsync_OrphanedRound_NeverPaidEvenIfLaterReportedConfirmed()
    {
        var orphan = await _bed.AddRoundAsync(100_000_000, SettlementTestBed.Miners(3), status: RoundStatus.Orphaned);
        var pending = await _bed.AddRoundAsync(50_000_000, SettlementTestBed.Miners(3), status: RoundStatus.Pending);

        var report = await _bed.NewJob().RunAsync();
        Assert.That(report.OrphanedRounds, Is.EqualTo(new[] { orphan.RoundId }));
        Assert.That(report.ImmatureRounds, Is.EqualTo(1));

        _bed.Rounds.SetStatus(orphan.RoundId, RoundStatus.Confirmed);
        _bed.Rounds.SetStatus(pending.RoundId, RoundStatus.Confirmed);
        await _bed.NewJob().RunAsync();

        Assert.That(await _bed.TotalSupplyAsync(), Is.EqualTo(new BigInteger(50_000_000)));
        foreach (var miner in orphan.PplnsScores.Keys)
        {
            Assert.That(await _bed.MinerBalanceAsync(miner), Is.EqualTo(BigInteger.Zero));
        }
    }

    [Test]
    public async Task RunAsync_MinerWithoutAddress_AccruesThenPaidOnceAfterSettingOne()
    {
        var scores = SettlementTestBed.Miners(3);
        var late = scores.Keys.Last();
        await _bed.AddRoundAsync(90_000_000, scores.Where(s => s.Key != late).ToDictionary(), withAddresses: true);
        var first = await _bed.AddRoundAsync(90_000_000, scores, withAddresses: false);
        await _bed.NewJob().RunAsync();
        var owed = (await _bed.Store.GetBalancesAsync())[late];
        Assert.That(owed, Is.EqualTo(RewardSplitter.SplitRound(first, PayoutScheme.Pplns, 100).MinerRewards[late]));

        await _bed.Addresses.SetTokenAddressAsync(late, TokenTestBed.RandomAddress());
        var second = await _bed.AddRoundAsync(10_000_000, scores);
        await _bed.NewJob().RunAsync();

        var expected = owed + RewardSplitter.SplitRound(second, PayoutScheme.Pplns, 100).MinerRewards[late];
        Assert.That(await _bed.MinerBalanceAsync(late), Is.EqualTo(new BigInteger(expected)));
        Assert.That(await _bed.Store.GetBalancesAsync(), Does.Not.ContainKey(late));
    }

    [Test]
    public async Task RunAsync_ThousandRecipients_SettledInSixChunksOfAtMost200()
    {
        var round = await _bed.AddRoundAsync(1_250_000_000, SettlementTestBed.Miners(1000));

        var report = await _bed.NewJob().RunAsync();

        Assert.That(report.Outcome, Is.EqualTo(SettlementOutcome.Completed), report.Error);
        // 1,000 miners plus the fee address.
        Assert.That(report.Mined, Has.Count.EqualTo(6));
        Assert.That(report.Mined.Select(c => c.Transfers.Count), Is.All.LessThanOrEqualTo(200));
        Assert.That(report.Mined.Select(c => c.Id), Is.Unique);
        var split = RewardSplitter.SplitRound(round, PayoutScheme.Pplns, 100);
        foreach (var (miner, reward) in split.MinerRewards.Where((_, i) => i % 50 == 0))
        {
            Assert.That(await _bed.MinerBalanceAsync(miner), Is.EqualTo(new BigInteger(reward)), miner);
        }

        Assert.That(await _bed.TotalSupplyAsync(), Is.EqualTo(new BigInteger(1_250_000_000)));
    }

    [Test]
    public async Task RunAsync_FinalConfirmationsNotReached_StaysMinedUntilBlocksFollow()
    {
        _bed.Options.FinalConfirmations = 3;
        await _bed.AddRoundAsync(100_000_000, SettlementTestBed.Miners(3));

        var first = await _bed.NewJob().RunAsync();
        Assert.That(first.Open.Single().State, Is.EqualTo(ChunkState.Mined));

        await _bed.Token.Anvil.MineAsync(2);
        var second = await _bed.NewJob().RunAsync();

        Assert.That(second.Finalized, Has.Count.EqualTo(1));
        Assert.That(second.Open, Is.Empty);
        Assert.That(await _bed.TotalSupplyAsync(), Is.EqualTo(new BigInteger(100_000_000)));
    }

    [Test]
    public async Task RunAsync_DryRun_ReportsPlanAndWritesNothing()
    {
        await _bed.AddRoundAsync(100_000_000, SettlementTestBed.Miners(4));
        _bed.Options.DryRun = true;

        var report = await _bed.NewJob().RunAsync();

        Assert.That(report.Plans.Single().Plan.TotalMinted, Is.EqualTo(100_000_000));
        Assert.That(await _bed.Store.GetHandledRoundsAsync(), Is.Empty);
        Assert.That(await _bed.Store.GetOpenChunksAsync(), Is.Empty);
        Assert.That(await _bed.TotalSupplyAsync(), Is.EqualTo(BigInteger.Zero));
    }
}
