using Pool.Host.Stats;

namespace Pool.Host.Tests.Stats;

public class PoolStatsReaderTests
{
    [TestCase(625_000_000L, 1.0, 3.0, 208_333_333L)]
    [TestCase(625_000_000L, 2.0, 3.0, 416_666_666L)]
    [TestCase(5_000_000_000L, 0.5, 0.5, 5_000_000_000L)]
    [TestCase(1L, 1.0, 2.0, 0L)]
    public void EstimateReward_ProportionalPart_IsFlooredToABaseUnit(long reward, double miner, double pool, long expected)
    {
        Assert.That(PoolStatsReader.EstimateReward(reward, miner, pool), Is.EqualTo(expected));
    }

    [TestCase(625_000_000L, 0.0, 3.0)]
    [TestCase(625_000_000L, 1.0, 0.0)]
    [TestCase(0L, 1.0, 1.0)]
    public void EstimateReward_NoWorkOrNoReward_IsZero(long reward, double miner, double pool)
    {
        Assert.That(PoolStatsReader.EstimateReward(reward, miner, pool), Is.Zero);
    }

    [Test]
    public void EstimateReward_MinerScoreAbovePoolScore_NeverExceedsTheReward()
    {
        Assert.That(PoolStatsReader.EstimateReward(625_000_000, 4.0, 3.0), Is.EqualTo(625_000_000));
    }
}
