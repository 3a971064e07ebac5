using Pool.Stratum.Shares;
using Pool.Stratum.Tests.Support;

namespace Pool.Stratum.Tests.Unit;

/// <summary>Duplicate detection per job, over enough keys to spread across every shard and force each to grow.</summary>
public class DuplicateShareIndexTests
{
    private const int KeyCount = 50_000;

    [Test]
    public void TryAdd_ManyKeysThenReplays_FirstSeenAcceptedEveryReplayRefused()
    {
        var index = new DuplicateShareIndex();
        var job = TestJobs.Create();
        var keys = RandomKeys(KeyCount, seed: 1);

        Assert.That(keys.Count(k => index.TryAdd(job, k)), Is.EqualTo(KeyCount));
        Assert.That(keys.Count(k => index.TryAdd(job, k)), Is.Zero);
    }

    [Test]
    public void TryAdd_SameKeyOnAnotherJob_Accepted()
    {
        var index = new DuplicateShareIndex();
        var key = new UInt128(7, 42);

        Assert.That(index.TryAdd(TestJobs.Create(), key), Is.True);
        Assert.That(index.TryAdd(TestJobs.Create(), key), Is.True);
    }

    [Test]
    public void Remove_KeyNotRecorded_MaySubmitAgainOthersStillRefused()
    {
        var index = new DuplicateShareIndex();
        var job = TestJobs.Create();
        var keys = RandomKeys(1000, seed: 2);
        foreach (var key in keys)
        {
            index.TryAdd(job, key);
        }

        index.Remove(job, keys[500]);

        Assert.That(index.TryAdd(job, keys[500]), Is.True);
        Assert.That(keys.Count(k => index.TryAdd(job, k)), Is.Zero);
    }

    [Test]
    public async Task TryAdd_SameKeysFromManyThreads_EachAcceptedExactlyOnce()
    {
        var index = new DuplicateShareIndex();
        var job = TestJobs.Create();
        var keys = RandomKeys(KeyCount, seed: 3);
        var accepted = 0;

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            var mine = keys.Count(k => index.TryAdd(job, k));
            Interlocked.Add(ref accepted, mine);
        })));

        Assert.That(accepted, Is.EqualTo(KeyCount));
    }

    private static UInt128[] RandomKeys(int count, int seed)
    {
        var random = new Random(seed);
        var keys = new HashSet<UInt128>();
        while (keys.Count < count)
        {
            keys.Add(new UInt128((ulong)random.NextInt64(), (ulong)random.NextInt64()));
        }

        return [.. keys];
    }
}
