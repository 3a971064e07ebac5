using Pool.Host.Metrics;

namespace Pool.Host.Tests.Metrics;

public class MinerRankingTests
{
    private static readonly Dictionary<string, double> Rates = new()
    {
        ["ltc1slow"] = 1,
        ["ltc1fast"] = 100,
        ["ltc1b-mid"] = 50,
        ["ltc1a-mid"] = 50,
    };

    [Test]
    public void Top_MoreMinersThanCount_KeepsTheFastestInOrder()
    {
        Assert.That(MinerRanking.Top(Rates, 3).Select(m => m.Key), Is.EqualTo(new[] { "ltc1fast", "ltc1a-mid", "ltc1b-mid" }));
    }

    [Test]
    public void Top_CountAboveMiners_ReturnsEveryMiner()
    {
        Assert.That(MinerRanking.Top(Rates, 20), Has.Count.EqualTo(4));
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void Top_CountZeroOrLess_ReturnsNone(int count)
    {
        Assert.That(MinerRanking.Top(Rates, count), Is.Empty);
    }
}
