using Pool.Stratum.Difficulty;
using Pool.Stratum.Options;
using Pool.Stratum.Tests.Support;

namespace Pool.Stratum.Tests.Unit;

public class VardiffControllerTests
{
    private const double HashesPerDifficulty = 4294967296.0; // SHA-256d: 2^32 hashes per difficulty-1 share
    private const double TargetSeconds = 10;
    private static readonly TimeSpan JobInterval = TimeSpan.FromSeconds(30);

    [TestCase(1e3)]
    [TestCase(1e5)]
    [TestCase(1e7)]
    [TestCase(1e9)]
    [TestCase(1e11)]
    [TestCase(1e13)]
    [TestCase(1e14)]
    public void TryRecordShare_SimulatedMiner_SettlesWithinFiveRetargetsAndStays(double hashrate)
    {
        for (var seed = 1; seed <= 20; seed++)
        {
            var result = Simulate(hashrate, seed, TimeSpan.FromHours(6));
            Assert.That(result.SettledAt, Is.Not.Null.And.LessThanOrEqualTo(5),
                $"seed {seed}: retargets {string.Join(", ", result.Intervals.Select(i => i.ToString("0.##")))}");
        }
    }

    [Test]
    public void TryRecordShare_FloodBelowFloor_StopsAtFloor()
    {
        var clock = new ManualClock();
        var vardiff = new VardiffController(new VardiffOptions(), clock, difficulty: 8) { Floor = 4 };
        for (var i = 0; i < 10; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(5));
            vardiff.TryRetargetIdle(out _);
        }

        Assert.That(vardiff.Difficulty, Is.EqualTo(4));
    }

    [Test]
    public void TryRecordShare_Disabled_NeverRetargets()
    {
        var clock = new ManualClock();
        var vardiff = new VardiffController(new VardiffOptions { Enabled = false }, clock, difficulty: 1);
        for (var i = 0; i < 1000; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(1));
            Assert.That(vardiff.TryRecordShare(1, out _), Is.False);
        }

        Assert.That(vardiff.Difficulty, Is.EqualTo(1));
    }

    private static (int? SettledAt, List<double> Intervals) Simulate(double hashrate, int seed, TimeSpan duration)
    {
        var clock = new ManualClock();
        var options = new VardiffOptions();
        var vardiff = new VardiffController(options, clock, difficulty: 1);
        var random = new Random(seed);
        var inForce = vardiff.Difficulty;
        var end = clock.GetUtcNow() + duration;
        var nextJob = clock.GetUtcNow() + JobInterval;
        var nextTick = clock.GetUtcNow() + TimeSpan.FromSeconds(1);
        var nextShare = clock.GetUtcNow() + Exponential(random, inForce * HashesPerDifficulty / hashrate);
        var intervals = new List<double>();
        int? settledAt = null;
        while (clock.GetUtcNow() < end)
        {
            var next = Min(nextShare, Min(nextJob, nextTick));
            clock.Advance(next - clock.GetUtcNow());
            bool retargeted;
            double difficulty;
            if (next == nextShare)
            {
                retargeted = vardiff.TryRecordShare(inForce, out difficulty);
                nextShare = next + Exponential(random, inForce * HashesPerDifficulty / hashrate);
            }
            else if (next == nextJob)
            {
                // A new difficulty applies from the next job; the miner's search restarts with it (memoryless).
                inForce = vardiff.Difficulty;
                nextShare = next + Exponential(random, inForce * HashesPerDifficulty / hashrate);
                nextJob = next + JobInterval;
                continue;
            }
            else
            {
                retargeted = vardiff.TryRetargetIdle(out difficulty);
                nextTick = next + TimeSpan.FromSeconds(1);
            }

            if (!retargeted)
            {
                continue;
            }

            var expected = difficulty * HashesPerDifficulty / hashrate;
            intervals.Add(expected);
            var inBand = expected >= TargetSeconds * 0.5 && expected <= TargetSeconds * 1.5;
            if (inBand)
            {
                settledAt ??= intervals.Count;
            }
            else
            {
                settledAt = null;
            }
        }

        return (settledAt, intervals);
    }

    private static TimeSpan Exponential(Random random, double meanSeconds) =>
        TimeSpan.FromSeconds(Math.Min(-Math.Log(1 - random.NextDouble()) * meanSeconds, 1e9));

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
