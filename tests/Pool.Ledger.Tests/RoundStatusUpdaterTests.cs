using Microsoft.Extensions.Logging.Abstractions;
using Pool.Core.Mining;
using Pool.Testing;

namespace Pool.Ledger.Tests;

[Category("Integration")]
public class RoundStatusUpdaterTests
{
    [Test]
    public async Task CheckOnceAsync_MaturityAndReorg_ConfirmsAndOrphansOnce()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var fixture = await LedgerFixture.StartAsync(redis.ConnectionString, o => o.MaturityConfirmations = 100);
        await fixture.Ledger.RecordAsync(TestShares.Share("s1", "A", 1));
        await fixture.Ledger.BlockFoundAsync(TestShares.Block("b1", 1));
        await fixture.Ledger.RecordAsync(TestShares.Share("s2", "A", 1));
        await fixture.Ledger.BlockFoundAsync(TestShares.Block("b2", 1, height: 102));
        await fixture.Ledger.FlushAsync();
        var source = new ScriptedConfirmationSource();
        await using var updater = new RoundStatusUpdater(fixture.Ledger.Store, source, fixture.Options, NullLogger<RoundStatusUpdater>.Instance);

        source.Blocks["b1"] = new BlockConfirmation(true, 99);
        source.Blocks["b2"] = new BlockConfirmation(true, 98);
        var changedBeforeMaturity = await updater.CheckOnceAsync();
        source.Blocks["b1"] = new BlockConfirmation(true, 100);
        source.Blocks["b2"] = new BlockConfirmation(false, 0);
        var changedAfter = await updater.CheckOnceAsync();
        source.Blocks["b2"] = new BlockConfirmation(true, 150);
        var changedAgain = await updater.CheckOnceAsync();

        Assert.That(changedBeforeMaturity, Is.Zero);
        Assert.That(changedAfter, Is.EqualTo(2));
        Assert.That(changedAgain, Is.Zero, "an orphaned round stays orphaned");
        var rounds = await fixture.Ledger.GetClosedRoundsAsync();
        Assert.That(rounds.Select(r => r.Status), Is.EqualTo(new[] { RoundStatus.Confirmed, RoundStatus.Orphaned }));
    }

    [Test]
    public async Task Start_PeriodicCheck_SettlesWithoutBeingAsked()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var fixture = await LedgerFixture.StartAsync(redis.ConnectionString, o => o.StatusCheckInterval = TimeSpan.FromMilliseconds(50));
        await fixture.Ledger.RecordAsync(TestShares.Share("s1", "A", 1));
        await fixture.Ledger.BlockFoundAsync(TestShares.Block("b1", 1));
        await fixture.Ledger.FlushAsync();
        var source = new ScriptedConfirmationSource();
        source.Blocks["b1"] = new BlockConfirmation(true, 100);
        await using var updater = new RoundStatusUpdater(fixture.Ledger.Store, source, fixture.Options, NullLogger<RoundStatusUpdater>.Instance);

        updater.Start();
        var status = RoundStatus.Pending;
        await Eventually.HoldsAsync(async () => (status = (await fixture.Ledger.GetClosedRoundsAsync()).Single().Status) != RoundStatus.Pending,
            "the periodic check to settle the round");

        Assert.That(status, Is.EqualTo(RoundStatus.Confirmed));
    }

    [Test]
    public async Task CheckOnceAsync_SharesPastRetention_TrimsOnlySettledHistory()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var fixture = await LedgerFixture.StartAsync(redis.ConnectionString, o => o.Retention = TimeSpan.FromMinutes(1));
        await fixture.Ledger.RecordAsync(TestShares.Share("old1", "A", 1));
        await fixture.Ledger.BlockFoundAsync(TestShares.Block("b1", 1));
        await fixture.Ledger.RecordAsync(TestShares.Share("old2", "A", 1));
        await fixture.Ledger.BlockFoundAsync(TestShares.Block("b2", 1, height: 102));
        await fixture.Ledger.RecordAsync(TestShares.Share("open1", "A", 1));
        await fixture.Ledger.FlushAsync();
        var source = new ScriptedConfirmationSource();
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var updater = new RoundStatusUpdater(fixture.Ledger.Store, source, fixture.Options, NullLogger<RoundStatusUpdater>.Instance, clock);

        source.Blocks["b1"] = new BlockConfirmation(true, 5);
        source.Blocks["b2"] = new BlockConfirmation(true, 4);
        await updater.CheckOnceAsync();
        var whilePending = await fixture.StreamShareIdsAsync();
        clock.Now = DateTimeOffset.UtcNow.AddMinutes(5);
        await updater.CheckOnceAsync();
        var whilePendingLater = await fixture.StreamShareIdsAsync();
        source.Blocks["b1"] = new BlockConfirmation(true, 100);
        source.Blocks["b2"] = new BlockConfirmation(true, 100);
        await updater.CheckOnceAsync();
        var afterSettled = await fixture.StreamShareIdsAsync();

        Assert.That(whilePending, Is.EqualTo(new[] { "old1", "old2", "open1" }));
        Assert.That(whilePendingLater, Is.EqualTo(new[] { "old1", "old2", "open1" }), "a pending round's window is kept");
        Assert.That(afterSettled, Is.EqualTo(new[] { "old2", "open1" }), "the open round's shares and the page it starts after are kept");
    }
}
