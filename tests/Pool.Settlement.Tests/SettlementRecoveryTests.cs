using System.Numerics;
using Pool.Settlement.Rewards;
using Pool.Settlement.Settlement;
using Pool.Testing;

namespace Pool.Settlement.Tests;

[Category("Integration")]
public class SettlementRecoveryTests
{
    private SettlementTestBed _bed = null!;

    [SetUp]
    public async Task StartAsync() => _bed = await SettlementTestBed.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _bed.DisposeAsync();

    [TestCase(SettlementCrashPoint.AfterPlan)]
    [TestCase(SettlementCrashPoint.BeforeSend)]
    [TestCase(SettlementCrashPoint.AfterSend)]
    [TestCase(SettlementCrashPoint.AfterReceipt)]
    public async Task RunAsync_KilledAtPointThenRerun_PaysEveryMinerExactlyOnce(SettlementCrashPoint point)
    {
        _bed.Options.ChunkSize = 4;
        var rounds = new[]
        {
            await _bed.AddRoundAsync(625_000_000, SettlementTestBed.Miners(9)),
            await _bed.AddRoundAsync(312_500_000, SettlementTestBed.Miners(6)),
        };

        // Crash at the second time the point is reached, so some work is already done and some is not.
        var hits = 0;
        var crashing = _bed.NewJob(p =>
        {
            if (p == point && ++hits == 2)
            {
                throw new SimulatedKill(p);
            }
        });
        Assert.ThrowsAsync<SimulatedKill>(() => crashing.RunAsync());
        await AssertStateAtCrashAsync(point);

        var resumed = await _bed.NewJob().RunAsync();

        Assert.That(resumed.Outcome, Is.EqualTo(SettlementOutcome.Completed), resumed.Error);
        Assert.That(resumed.Open, Is.Empty);
        await AssertPaidExactlyOnceAsync(rounds);
        var chunks = await _bed.Store.GetAllChunksAsync();
        Assert.That(chunks.Select(c => c.State), Is.All.EqualTo(ChunkState.Final));
        Assert.That(chunks.Select(c => c.Attempts.Count), Is.All.EqualTo(1), "a resumed chunk reuses its recorded transaction");
    }

    [Test]
    public async Task RunAsync_RecordedNonceUsedByAnotherTransaction_ReplannedWithNewNonceAndPaidOnce()
    {
        var round = await _bed.AddRoundAsync(120_000_000, SettlementTestBed.Miners(4));
        var crashing = _bed.NewJob(p => _ = p == SettlementCrashPoint.BeforeSend ? throw new SimulatedKill(p) : 0);
        Assert.ThrowsAsync<SimulatedKill>(() => crashing.RunAsync());
        var recorded = (await _bed.Store.GetOpenChunksAsync()).Single().Attempts.Single();

        // Someone else spends the settler's nonce first (an operator's transfer with the same key).
        var settler = Pool.Settlement.Chain.TransactionSigner.AddressOf(TokenTestBed.SettlerKey);
        await _bed.Token.Settler.SubmitAndWaitForReceiptAsync(settler, [], TimeSpan.FromSeconds(30));

        var report = await _bed.NewJob().RunAsync();

        Assert.That(report.Outcome, Is.EqualTo(SettlementOutcome.Completed), report.Error);
        var chunk = (await _bed.Store.GetAllChunksAsync()).Single();
        Assert.That(chunk.Attempts, Has.Count.EqualTo(2));
        Assert.That(chunk.Attempts[1].Nonce, Is.EqualTo(recorded.Nonce + 1));
        Assert.That(await _bed.Token.Chain.GetReceiptAsync(recorded.Hash), Is.Null, "the transaction whose nonce was taken never mined");
        Assert.That(_bed.Progress.ToString(), Does.Contain($"nonce {recorded.Nonce} was used by a transaction that is not this settlement's"));
        await AssertPaidExactlyOnceAsync([round]);
    }

    [Test]
    public async Task RunAsync_EvmNodeDown_FailsClearlyAndNextRunPaysOnce()
    {
        var round = await _bed.AddRoundAsync(200_000_000, SettlementTestBed.Miners(5));
        var nowhere = new Uri($"http://127.0.0.1:{FreePort.Next()}");

        var down = await _bed.NewJob(rpcUrl: nowhere).RunAsync();

        Assert.That(down.Outcome, Is.EqualTo(SettlementOutcome.Failed));
        Assert.That(down.Error, Does.Contain("cannot reach the EVM node").And.Contain(nowhere.Authority).And.Contain("nothing was lost"));
        Assert.That(down.Open.Single().State, Is.EqualTo(ChunkState.Planned));

        var up = await _bed.NewJob().RunAsync();

        Assert.That(up.Outcome, Is.EqualTo(SettlementOutcome.Completed), up.Error);
        await AssertPaidExactlyOnceAsync([round]);
    }

    [Test]
    public async Task RunAsync_SettlerWithoutEtherForGas_FailsNamingSettlerAndPaysOnceWhenFunded()
    {
        var round = await _bed.AddRoundAsync(200_000_000, SettlementTestBed.Miners(4));
        var settler = Pool.Settlement.Chain.TransactionSigner.AddressOf(TokenTestBed.SettlerKey);
        await _bed.Token.Anvil.CallAsync("anvil_setBalance", settler, "0x0");

        var broke = await _bed.NewJob().RunAsync();

        Assert.That(broke.Outcome, Is.EqualTo(SettlementOutcome.Failed));
        Assert.That(broke.Error, Does.Contain("refuses").And.Contain(settler).And.Contain("insufficient funds").IgnoreCase);
        Assert.That(broke.Open.Single().State, Is.EqualTo(ChunkState.Submitted));

        await _bed.Token.Anvil.CallAsync("anvil_setBalance", settler, "0x56bc75e2d63100000");
        var funded = await _bed.NewJob().RunAsync();

        Assert.That(funded.Outcome, Is.EqualTo(SettlementOutcome.Completed), funded.Error);
        await AssertPaidExactlyOnceAsync([round]);
    }

    [Test]
    public async Task RunAsync_MinedBlockRolledBackBeforeFinal_SentAgainAndPaidOnce()
    {
        _bed.Options.FinalConfirmations = 3;
        var round = await _bed.AddRoundAsync(150_000_000, SettlementTestBed.Miners(4));
        var first = await _bed.NewJob().RunAsync();
        var mined = first.Open.Single();
        Assert.That(mined.State, Is.EqualTo(ChunkState.Mined));

        // The block holding the settlement leaves the chain before it is final.
        await _bed.Token.Anvil.CallAsync("anvil_rollback", 1);
        Assert.That(await _bed.Token.Chain.GetReceiptAsync(mined.MinedTransactionHash!), Is.Null);
        Assert.That(await _bed.TotalSupplyAsync(), Is.EqualTo(BigInteger.Zero));

        var second = await _bed.NewJob().RunAsync();
        await _bed.Token.Anvil.MineAsync(3);
        var third = await _bed.NewJob().RunAsync();

        Assert.That(second.Outcome, Is.EqualTo(SettlementOutcome.Completed), second.Error);
        Assert.That(second.Mined, Has.Count.EqualTo(1), "mined again in the same run that saw it leave the chain");
        Assert.That(third.Finalized, Has.Count.EqualTo(1));
        Assert.That(third.Open, Is.Empty);
        await AssertPaidExactlyOnceAsync([round]);
    }

    [Test]
    public async Task RunAsync_LockHeldByAnotherRun_DoesNothing()
    {
        await _bed.AddRoundAsync(100_000_000, SettlementTestBed.Miners(3));
        Assert.That(await _bed.Store.TryAcquireLockAsync("other-host/42/x", TimeSpan.FromSeconds(30)), Is.True);

        var report = await _bed.NewJob().RunAsync();

        Assert.That(report.Outcome, Is.EqualTo(SettlementOutcome.LockHeld));
        Assert.That(report.Error, Does.Contain("other-host/42/x"));
        Assert.That(await _bed.Store.GetHandledRoundsAsync(), Is.Empty);
        Assert.That(await _bed.Store.GetLockOwnerAsync(), Is.EqualTo("other-host/42/x"));
    }

    [Test]
    public async Task RunAsync_TwoRunsAtOnce_PaysOnce()
    {
        var round = await _bed.AddRoundAsync(100_000_000, SettlementTestBed.Miners(20));

        var reports = await Task.WhenAll(_bed.NewJob().RunAsync(), _bed.NewJob().RunAsync());

        Assert.That(reports.Count(r => r.Outcome == SettlementOutcome.Completed), Is.GreaterThanOrEqualTo(1));
        Assert.That(reports.Sum(r => r.Plans.Count), Is.EqualTo(1));
        await AssertPaidExactlyOnceAsync([round]);
    }

    [Test]
    public async Task RunAsync_LockOfKilledRunExpired_NextRunProceeds()
    {
        var round = await _bed.AddRoundAsync(100_000_000, SettlementTestBed.Miners(3));
        Assert.That(await _bed.Store.TryAcquireLockAsync("killed-run", TimeSpan.FromMilliseconds(300)), Is.True);
        await Eventually.HoldsAsync(async () => await _bed.Store.GetLockOwnerAsync() is null, "the killed run's lock to expire");

        var report = await _bed.NewJob().RunAsync();

        Assert.That(report.Outcome, Is.EqualTo(SettlementOutcome.Completed), report.Error);
        await AssertPaidExactlyOnceAsync([round]);
    }

    [Test]
    public async Task RunAsync_RedisRestoredToBeforeReceipt_FindsIdSettledOnChainAndSendsNothing()
    {
        var round = await _bed.AddRoundAsync(100_000_000, SettlementTestBed.Miners(3));
        var crashing = _bed.NewJob(p => _ = p == SettlementCrashPoint.AfterPlan ? throw new SimulatedKill(p) : 0);
        Assert.ThrowsAsync<SimulatedKill>(() => crashing.RunAsync());
        var planned = (await _bed.Store.GetOpenChunksAsync()).Single();
        var database = _bed.Connection.GetDatabase();
        var backup = await database.StringGetAsync("pool:settlement:chunk:" + planned.Id);
        await _bed.NewJob().RunAsync();

        // Redis comes back from a backup taken while the chunk was still planned.
        await database.StringSetAsync("pool:settlement:chunk:" + planned.Id, backup);
        await database.SortedSetAddAsync("pool:settlement:open", planned.Id, planned.Sequence);
        var report = await _bed.NewJob().RunAsync();

        Assert.That(report.Outcome, Is.EqualTo(SettlementOutcome.Completed), report.Error);
        Assert.That(report.Mined, Is.Empty);
        Assert.That(report.Finalized.Single().Attempts, Is.Empty, "nothing was signed for an id the chain already settled");
        await AssertPaidExactlyOnceAsync([round]);
    }

    private async Task AssertStateAtCrashAsync(SettlementCrashPoint point)
    {
        var open = await _bed.Store.GetOpenChunksAsync();
        var current = open.FirstOrDefault(c => c.State != ChunkState.Planned) ?? open[0];
        var hash = current.Attempts.Count > 0 ? current.Attempts[^1].Hash : null;
        switch (point)
        {
            case SettlementCrashPoint.AfterPlan:
                Assert.That(open.Select(c => c.State), Is.All.EqualTo(ChunkState.Planned));
                break;
            case SettlementCrashPoint.BeforeSend:
                Assert.That(current.State, Is.EqualTo(ChunkState.Submitted));
                Assert.That(await _bed.Token.Chain.IsTransactionKnownAsync(hash!), Is.False, "recorded, not yet broadcast");
                break;
            case SettlementCrashPoint.AfterSend:
            case SettlementCrashPoint.AfterReceipt:
                Assert.That(current.State, Is.EqualTo(ChunkState.Submitted), "Redis does not know the outcome yet");
                Assert.That(await _bed.Token.Chain.GetReceiptAsync(hash!), Is.Not.Null, "the node mined it");
                break;
        }
    }

    private async Task AssertPaidExactlyOnceAsync(IEnumerable<Pool.Core.Mining.ClosedRound> rounds)
    {
        var expected = new Dictionary<string, long>(StringComparer.Ordinal);
        var fee = 0L;
        var total = 0L;
        foreach (var round in rounds)
        {
            var split = RewardSplitter.SplitRound(round, PayoutScheme.Pplns, _bed.Options.FeeBasisPoints);
            fee += split.FeeAddressTotal;
            total += round.Block.RewardBaseUnits;
            foreach (var (miner, reward) in split.MinerRewards)
            {
                expected[miner] = expected.GetValueOrDefault(miner) + reward;
            }
        }

        foreach (var (miner, reward) in expected)
        {
            Assert.That(await _bed.MinerBalanceAsync(miner), Is.EqualTo(new BigInteger(reward)), miner);
        }

        Assert.That(await _bed.Token.BalanceOfAsync(SettlementTestBed.FeeAddress), Is.EqualTo(new BigInteger(fee)));
        Assert.That(await _bed.TotalSupplyAsync(), Is.EqualTo(new BigInteger(total)));
    }

    private sealed class SimulatedKill(SettlementCrashPoint point) : Exception($"killed at {point}");
}
