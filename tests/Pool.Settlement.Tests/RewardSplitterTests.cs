using System.Numerics;
using Pool.Core.Mining;
using Pool.Settlement.Rewards;

namespace Pool.Settlement.Tests;

public class RewardSplitterTests
{
    [Test]
    public void Split_TwoEqualMinersOddNet_EachRoundedDownRemainderToFee()
    {
        // 1 % of 1001 is 10.01 → fee 10; net 991 split in halves is 495.5 → 495 each; remainder 1.
        var split = RewardSplitter.Split(1001, Scores(("a", 1), ("b", 1)), 100);

        Assert.That(split.PoolFee, Is.EqualTo(10));
        Assert.That(split.MinerRewards["a"], Is.EqualTo(495));
        Assert.That(split.MinerRewards["b"], Is.EqualTo(495));
        Assert.That(split.Remainder, Is.EqualTo(1));
        Assert.That(split.FeeAddressTotal, Is.EqualTo(11));
    }

    [Test]
    public void Split_ThirdsOfLitecoinReward_ExactAndSumsToReward()
    {
        var split = RewardSplitter.Split(625_000_000, Scores(("a", 1), ("b", 1), ("c", 1)), 0);

        Assert.That(split.MinerRewards.Values, Is.All.EqualTo(208_333_333));
        Assert.That(split.Remainder, Is.EqualTo(1));
        Assert.That(split.MinerRewards.Values.Sum() + split.FeeAddressTotal, Is.EqualTo(625_000_000));
    }

    [Test]
    public void Split_ScoresDifferingOnlyInLastBit_UsesExactDoubleValues()
    {
        // 0.1 + 0.2 and 0.3 differ in the last bit; exact rationals tell them apart, so the larger one gets more.
        var split = RewardSplitter.Split(long.MaxValue, Scores(("a", 0.1 + 0.2), ("b", 0.3)), 0);

        Assert.That(split.MinerRewards["a"], Is.GreaterThan(split.MinerRewards["b"]));
        Assert.That(split.MinerRewards.Values.Sum() + split.Remainder, Is.EqualTo(long.MaxValue));
    }

    [Test]
    public void Split_TinyAndHugeScores_TinyMinerGetsZeroAndIsAbsent()
    {
        var split = RewardSplitter.Split(100, Scores(("big", 1e300), ("tiny", double.Epsilon)), 0);

        Assert.That(split.MinerRewards["big"], Is.EqualTo(99));
        Assert.That(split.MinerRewards.ContainsKey("tiny"), Is.False);
        Assert.That(split.Remainder, Is.EqualTo(1));
    }

    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    [TestCase(-1.0)]
    public void Split_InvalidScore_ThrowsNamingTheMiner(double score)
    {
        var error = Assert.Throws<ArgumentException>(() => RewardSplitter.Split(100, Scores(("ltc1bad", score)), 0));
        Assert.That(error!.Message, Does.Contain("ltc1bad"));
    }

    [TestCase(-1)]
    [TestCase(10_001)]
    public void Split_FeeOutsideRange_Throws(int feeBasisPoints)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RewardSplitter.Split(100, Scores(("a", 1)), feeBasisPoints));
    }

    [Test]
    public void Split_FullFee_EverythingToFeeAddress()
    {
        var split = RewardSplitter.Split(12345, Scores(("a", 1)), 10_000);
        Assert.That(split.MinerRewards, Is.Empty);
        Assert.That(split.FeeAddressTotal, Is.EqualTo(12345));
    }

    [Test]
    public void SplitRound_Pplns_UsesFrozenWindowScores()
    {
        var split = RewardSplitter.SplitRound(Round(pplns: Scores(("a", 3), ("b", 1)), prop: Scores(("a", 1), ("b", 1))), PayoutScheme.Pplns, 0);
        Assert.That(split.MinerRewards["a"], Is.EqualTo(750));
        Assert.That(split.MinerRewards["b"], Is.EqualTo(250));
    }

    [Test]
    public void SplitRound_Prop_UsesRoundScores()
    {
        var split = RewardSplitter.SplitRound(Round(pplns: Scores(("a", 3), ("b", 1)), prop: Scores(("a", 1), ("b", 1))), PayoutScheme.Prop, 0);
        Assert.That(split.MinerRewards["a"], Is.EqualTo(500));
        Assert.That(split.MinerRewards["b"], Is.EqualTo(500));
    }

    [Test]
    public void SplitRound_Solo_FinderGetsNetReward()
    {
        var split = RewardSplitter.SplitRound(Round(pplns: Scores(("a", 3), ("finder", 1)), prop: Scores(("a", 1))), PayoutScheme.Solo, 200);
        Assert.That(split.MinerRewards, Has.Count.EqualTo(1));
        Assert.That(split.MinerRewards["finder"], Is.EqualTo(980));
        Assert.That(split.PoolFee, Is.EqualTo(20));
    }

    [Test]
    public void SplitRound_EmptyWindow_FinderGetsNetReward()
    {
        var split = RewardSplitter.SplitRound(Round(pplns: Scores(), prop: Scores()), PayoutScheme.Pplns, 0);
        Assert.That(split.MinerRewards["finder"], Is.EqualTo(1000));
    }

    [Test]
    public void ToIntegers_SubnormalAndNormal_KeepExactRatio()
    {
        var exact = ExactScores.ToIntegers(Scores(("a", double.Epsilon), ("b", double.Epsilon * 3), ("c", 1.5)));
        Assert.That(exact["b"], Is.EqualTo(exact["a"] * 3));
        Assert.That(exact["c"], Is.EqualTo(exact["a"] * (BigInteger.One << 1073) * 3));
    }

    internal static Dictionary<string, double> Scores(params (string Miner, double Score)[] scores) =>
        scores.ToDictionary(s => s.Miner, s => s.Score, StringComparer.Ordinal);

    private static ClosedRound Round(Dictionary<string, double> pplns, Dictionary<string, double> prop) => new(
        "r1",
        new FoundBlock("00ab", 100, 1000, "finder", "w", 1.0, DateTimeOffset.UnixEpoch, "i", "s"),
        RoundStatus.Confirmed,
        pplns,
        prop,
        "00");
}
