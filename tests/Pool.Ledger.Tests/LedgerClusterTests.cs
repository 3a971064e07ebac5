using Pool.Core.Targets;
using Pool.Ledger.Hashrate;
using Pool.Testing;

namespace Pool.Ledger.Tests;

[Category("Integration")]
public class LedgerClusterTests
{
    [Test]
    public async Task Ledger_ThreeMasterCluster_RecordsClosesAndReadsTwoPools()
    {
        await using var cluster = await RedisCluster.StartAsync();
        await using var ltc = await LedgerFixture.StartAsync(cluster.ConnectionString, o => o.PoolId = "ltc");
        await using var btc = await LedgerFixture.StartAsync(cluster.ConnectionString, o => { o.PoolId = "btc"; o.InstanceId = "i2"; });

        for (var i = 0; i < 500; i++)
        {
            await ltc.Ledger.RecordAsync(TestShares.Share("l" + i, "A", 1, time: DateTimeOffset.UtcNow));
            await btc.Ledger.RecordAsync(TestShares.Share("b" + i, "B", 2, time: DateTimeOffset.UtcNow));
        }

        await ltc.Ledger.BlockFoundAsync(TestShares.Block("ltcblock", networkDifficulty: 100));
        await ltc.Ledger.FlushAsync();
        await btc.Ledger.FlushAsync();

        var rounds = await ltc.Ledger.GetClosedRoundsAsync();
        Assert.That(rounds.Single().PplnsScores["A"], Is.EqualTo(200));
        Assert.That(rounds.Single().RoundScores["A"], Is.EqualTo(500));
        Assert.That(await btc.Ledger.GetClosedRoundsAsync(), Is.Empty);
        Assert.That(await btc.StreamLengthAsync(), Is.EqualTo(500));
        var hashrate = await new HashrateReader(btc.Redis, "btc", DifficultyOne.Sha256d).GetPoolAsync();
        Assert.That(hashrate.TenMinutes, Is.GreaterThan(0));
        var ltcSlot = ltc.Redis.HashSlot(ltc.Keys.Shares);
        var btcSlot = btc.Redis.HashSlot(btc.Keys.Shares);
        Assert.That(ltc.Redis.HashSlot(ltc.Keys.RoundPplns(1)), Is.EqualTo(ltcSlot));
        Assert.That(ltcSlot, Is.Not.EqualTo(btcSlot));
        Assert.That(ltc.Redis.GetEndPoints().Length, Is.EqualTo(3));
    }
}
