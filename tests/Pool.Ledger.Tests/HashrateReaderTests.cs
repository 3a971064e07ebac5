using Pool.Core.Targets;
using Pool.Ledger.Hashrate;
using Pool.Testing;

namespace Pool.Ledger.Tests;

[Category("Integration")]
public class HashrateReaderTests
{
    [Test]
    public void HashesPerDifficultyOne_Sha256dAndScrypt_AreTwoToThe32And16()
    {
        Assert.That(HashrateReader.HashesPerDifficultyOne(DifficultyOne.Sha256d), Is.EqualTo(4295032833.0).Within(1));
        Assert.That(HashrateReader.HashesPerDifficultyOne(DifficultyOne.Scrypt), Is.EqualTo(65537.0).Within(0.01));
    }

    [Test]
    public async Task GetAsync_KnownSharesAndClock_ReturnsSumTimesMultiplierOverCoveredSeconds()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var fixture = await LedgerFixture.StartAsync(redis.ConnectionString);
        var now = TestShares.Epoch; // 00:30:30
        await fixture.Ledger.RecordAsync(TestShares.Share("a1", "A", 600, "w1", now.AddMinutes(-5)));
        await fixture.Ledger.RecordAsync(TestShares.Share("a2", "A", 300, "w2", now.AddSeconds(-60)));
        await fixture.Ledger.RecordAsync(TestShares.Share("b1", "B", 1200, "w1", now.AddMinutes(-20)));
        await fixture.Ledger.RecordAsync(TestShares.Share("b2", "B", 5000, "w1", now.AddHours(-2)));
        await fixture.Ledger.FlushAsync();
        var reader = new HashrateReader(fixture.Redis, fixture.Options.PoolId, DifficultyOne.Sha256d, new ManualTimeProvider(now));
        var h = reader.HashesPerDifficulty;

        var pool = await reader.GetPoolAsync();
        var minerA = await reader.GetMinerAsync("A");
        var workerA2 = await reader.GetWorkerAsync("A", "w2");
        var minerB = await reader.GetMinerAsync("B");

        // 10 min: buckets 00:21..00:30 cover 570 s; 1 h: 23:31..00:30 cover 3570 s; 24 h: hours from 01:00 the day before, 84630 s.
        Assert.That(pool.TenMinutes, Is.EqualTo(900 * h / 570).Within(1e-6).Percent);
        Assert.That(pool.OneHour, Is.EqualTo(2100 * h / 3570).Within(1e-6).Percent);
        Assert.That(pool.OneDay, Is.EqualTo(7100 * h / 84630).Within(1e-6).Percent);
        Assert.That(minerA.OneHour, Is.EqualTo(900 * h / 3570).Within(1e-6).Percent);
        Assert.That(workerA2.TenMinutes, Is.EqualTo(300 * h / 570).Within(1e-6).Percent);
        Assert.That(minerB.TenMinutes, Is.Zero);
        Assert.That(minerB.OneDay, Is.EqualTo(6200 * h / 84630).Within(1e-6).Percent);

        var miners = await reader.GetMinersAsync();
        var workersOfA = await reader.GetWorkersAsync("A");
        Assert.That(miners.Keys, Is.EquivalentTo(new[] { "A", "B" }));
        Assert.That(miners["A"], Is.EqualTo(minerA));
        Assert.That(miners["B"], Is.EqualTo(minerB));
        Assert.That(workersOfA.Keys, Is.EquivalentTo(new[] { "w1", "w2" }));
        Assert.That(workersOfA["w2"], Is.EqualTo(workerA2));
    }
}
