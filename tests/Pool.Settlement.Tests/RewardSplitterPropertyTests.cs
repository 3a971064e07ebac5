using System.Numerics;
using Pool.Settlement.Rewards;

namespace Pool.Settlement.Tests;

public class RewardSplitterPropertyTests
{
    private const int Cases = 500;

    [Test]
    public void Split_RandomShareSets_SumsExactlyAndNobodyLosesAUnit()
    {
        var random = new Random(20261124);
        for (var i = 0; i < Cases; i++)
        {
            var scores = RandomScores(random);
            var reward = random.Next(4) == 0 ? random.NextInt64(0, 1000) : random.NextInt64(0, 100_000_000_000_000);
            var fee = random.Next(0, 10_001);

            var split = RewardSplitter.Split(reward, scores, fee);

            Assert.That(split.MinerRewards.Values.Sum() + split.PoolFee + split.Remainder, Is.EqualTo(reward), $"case {i}");
            Assert.That(split.MinerRewards.Values, Is.All.Positive, $"case {i}");
            // Each paid miner's flooring leaves under one unit; with no positive score the whole net is left.
            var positive = ExactScores.ToIntegers(scores).Count;
            Assert.That(split.Remainder, positive == 0 ? Is.EqualTo(reward - split.PoolFee) : Is.InRange(0, positive - 1), $"case {i}");
            AssertEachLossBelowOneUnit(split, scores, reward - split.PoolFee, i);
        }
    }

    [Test]
    public void Plan_RandomBalancesAndAddresses_ConservesValueAndPaysEachAddressOnce()
    {
        var random = new Random(4242);
        for (var i = 0; i < Cases; i++)
        {
            var scores = RandomScores(random);
            var split = RewardSplitter.Split(random.NextInt64(0, 10_000_000_000), scores, random.Next(0, 500));
            var carried = scores.Keys.Concat(["old-1", "old-2"]).Where(_ => random.Next(3) == 0)
                .ToDictionary(m => m, _ => random.NextInt64(0, 1_000_000), StringComparer.Ordinal);
            var addresses = scores.Keys.Concat(["old-1", "old-2"]).Distinct()
                .ToDictionary(m => m, _ => random.Next(4) == 0 ? null : "0x" + random.Next(0, 8).ToString("x40", null), StringComparer.Ordinal);
            var minimum = random.NextInt64(1, 1_000_000);

            var plan = PayoutPlanner.Plan(split, "0xfee0000000000000000000000000000000000000", carried, addresses, minimum);

            Assert.That(plan.TotalMinted + plan.BalancesAfter.Values.Sum(), Is.EqualTo(split.Reward + carried.Values.Sum()), $"case {i}");
            Assert.That(plan.Transfers.Select(t => t.Address.ToLowerInvariant()), Is.Unique, $"case {i}");
            foreach (var line in plan.Lines)
            {
                Assert.That(line.Paid == 0 || (line.Paid >= minimum && line.CarriedAfter == 0 && line.TokenAddress is not null), $"case {i} {line}");
                Assert.That(line.TokenAddress is not null || line.CarriedAfter == line.CarriedBefore + line.BlockReward, $"case {i} {line}");
            }
        }
    }

    private static Dictionary<string, double> RandomScores(Random random)
    {
        var count = random.Next(0, 60);
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var m = 0; m < count; m++)
        {
            // Difficulties span many magnitudes, with awkward fractions, repeats and zeros.
            scores["miner-" + m] = random.Next(10) switch
            {
                0 => 0,
                1 => 1.0 / 3,
                2 => random.NextDouble() * 1e-6,
                3 => Math.Round(random.NextDouble() * 1e12),
                _ => random.NextDouble() * Math.Pow(2, random.Next(0, 40)),
            };
        }

        return scores;
    }

    private static void AssertEachLossBelowOneUnit(RewardSplit split, Dictionary<string, double> scores, long net, int caseNumber)
    {
        var exact = ExactScores.ToIntegers(scores);
        var total = exact.Values.Aggregate(BigInteger.Zero, (a, b) => a + b);
        if (total.IsZero)
        {
            return;
        }

        foreach (var (miner, score) in exact)
        {
            // paid ≤ net × score / total < paid + 1, compared without division.
            var paid = new BigInteger(split.MinerRewards.GetValueOrDefault(miner));
            var entitledTimesTotal = net * score;
            Assert.That(paid * total <= entitledTimesTotal && entitledTimesTotal < (paid + 1) * total, $"case {caseNumber}: {miner}");
        }
    }
}
