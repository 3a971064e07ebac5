using Pool.Testing;

namespace Pool.Ledger.Tests;

[Category("Integration")]
public class LedgerFaultTests
{
    private const int Writers = 8;

    [Test]
    public async Task RecordAsync_RedisKilledAndRestartedMidStream_EveryAcknowledgedShareRecordedOnce()
    {
        await using var redis = await RedisServer.StartAsync("--appendonly", "yes", "--appendfsync", "always");
        // Short timeouts so commands queued while Redis is away fail (and are retried) within the test.
        // Small segments so the spool rolls and deletes segments while Redis comes and goes.
        await using var fixture = await LedgerFixture.StartAsync(redis.ConnectionString + ",asyncTimeout=300,syncTimeout=300,connectTimeout=300", o => { o.PoolId = "outage"; o.SpoolSegmentBytes = 64 * 1024; });
        var acknowledged = 0;
        var total = 0.0;
        var sharesRecordedWhileDown = 0;

        async Task WriteAsync(int writer, int from, int count)
        {
            for (var i = from; i < from + count; i++)
            {
                await fixture.Ledger.RecordAsync(TestShares.Share($"w{writer}-{i}", "miner" + writer, writer + 1));
                Interlocked.Increment(ref acknowledged);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => WriteAsync(w, 0, 300)));
        redis.Kill();
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => WriteAsync(w, 300, 300)));
        sharesRecordedWhileDown = acknowledged - (Writers * 300);
        var counters = fixture.Ledger.Counters;
        await Eventually.HoldsAsync(() => counters.RedisErrors > 0 && counters.SpoolDepth > 0, "the writer to fail against the stopped Redis and the spool to hold what it could not write",
            explain: () => $"Redis errors {counters.RedisErrors}, spool depth {counters.SpoolDepth}");
        var errorsWhileDown = counters.RedisErrors;
        var depthWhileDown = counters.SpoolDepth;
        await redis.StartAgainAsync();
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => WriteAsync(w, 600, 300)));
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            await fixture.Ledger.FlushAsync(timeout.Token);
        }

        for (var w = 0; w < Writers; w++)
        {
            total += (w + 1) * 900;
        }

        // The checkpoint that ends the flush is saved before the segments it covers are deleted (a crash in between
        // leaves segments that replay skips, never a checkpoint ahead of the files): the deletion may still be under way.
        var segments = Array.Empty<string>();
        await Eventually.HoldsAsync(() => (segments = Directory.GetFiles(fixture.Options.SpoolDirectory, "segment-*")).Length == 1, "the written segments to be deleted",
            explain: () => "segments left: " + string.Join(", ", segments.Select(Path.GetFileName)));

        var ids = await fixture.StreamShareIdsAsync();
        Assert.That(segments, Has.Length.EqualTo(1), "written segments are deleted");
        Assert.That(sharesRecordedWhileDown, Is.EqualTo(Writers * 300), "recording goes on while Redis is down");
        Assert.That(errorsWhileDown, Is.GreaterThan(0));
        Assert.That(fixture.Ledger.Counters.ConnectionFailures, Is.GreaterThan(0));
        Assert.That(fixture.Ledger.Counters.RedisLostWrites, Is.Zero, "an append-only Redis keeps what it acknowledged");
        Assert.That(depthWhileDown, Is.GreaterThan(0));
        Assert.That(ids, Has.Count.EqualTo(acknowledged));
        Assert.That(ids.Distinct().Count(), Is.EqualTo(acknowledged));
        Assert.That((await fixture.Ledger.Store.GetRoundScoresAsync(1)).Values.Sum(), Is.EqualTo(total));
    }

    [Test]
    public async Task RecordAsync_RedisRestartedWithoutPersistence_LostWritesCounted()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var fixture = await LedgerFixture.StartAsync(redis.ConnectionString + ",asyncTimeout=300,syncTimeout=300,connectTimeout=300", o => o.PoolId = "lossy");
        for (var i = 0; i < 100; i++)
        {
            await fixture.Ledger.RecordAsync(TestShares.Share("a" + i, "A", 1));
        }

        await fixture.Ledger.FlushAsync();
        redis.Kill();
        await redis.StartAgainAsync();
        for (var i = 0; i < 10; i++)
        {
            await fixture.Ledger.RecordAsync(TestShares.Share("b" + i, "A", 1));
        }

        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            await fixture.Ledger.FlushAsync(timeout.Token);
        }

        Assert.That(fixture.Ledger.Counters.RedisLostWrites, Is.EqualTo(100));
        Assert.That(await fixture.StreamLengthAsync(), Is.EqualTo(10));
    }

    [Test]
    public async Task BlockFoundAsync_WhileRedisDown_RoundClosesInOrderWhenItIsBack()
    {
        await using var redis = await RedisServer.StartAsync("--appendonly", "yes", "--appendfsync", "always");
        await using var fixture = await LedgerFixture.StartAsync(redis.ConnectionString + ",asyncTimeout=300,syncTimeout=300,connectTimeout=300", o => o.PoolId = "downclose");
        await fixture.Ledger.RecordAsync(TestShares.Share("before-redis-stop", "A", 2));
        await fixture.Ledger.FlushAsync();
        await redis.StopAsync();

        await fixture.Ledger.RecordAsync(TestShares.Share("s1", "A", 3));
        await fixture.Ledger.RecordAsync(TestShares.Share("s2", "B", 5));
        await fixture.Ledger.BlockFoundAsync(TestShares.Block("b1", networkDifficulty: 3));
        await fixture.Ledger.RecordAsync(TestShares.Share("s3", "B", 7));
        var depthWhileDown = fixture.Ledger.Counters.SpoolDepth;
        await redis.StartAgainAsync();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            await fixture.Ledger.FlushAsync(timeout.Token);
        }

        Assert.That(depthWhileDown, Is.EqualTo(4));
        var round = (await fixture.Ledger.GetClosedRoundsAsync()).Single();
        Assert.That(round.RoundScores, Is.EquivalentTo(new Dictionary<string, double> { ["A"] = 5, ["B"] = 5 }));
        Assert.That(round.PplnsScores, Is.EquivalentTo(new Dictionary<string, double> { ["A"] = 3, ["B"] = 5 }), "window 2 × 3 = 6: s2 then s1 crosses it");
        Assert.That(await fixture.Ledger.Store.GetRoundScoresAsync(2), Is.EquivalentTo(new Dictionary<string, double> { ["B"] = 7 }));
    }

    [Test]
    public async Task RecordAsync_TwoInstancesOnOneRedis_BothCountedAndRoundsShared()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var first = await LedgerFixture.StartAsync(redis.ConnectionString, o => { o.PoolId = "two"; o.InstanceId = "east"; });
        await using var second = await LedgerFixture.StartAsync(redis.ConnectionString, o => { o.PoolId = "two"; o.InstanceId = "west"; });

        async Task WriteAsync(RedisShareLedger ledger, string instance, bool closeMidway)
        {
            for (var i = 0; i < 1000; i++)
            {
                await ledger.RecordAsync(TestShares.Share($"{instance}-{i}", instance + "-miner", 1, instance: instance));
                if (closeMidway && i == 500)
                {
                    await ledger.BlockFoundAsync(TestShares.Block("b1", 100));
                }
            }
        }

        await Task.WhenAll(WriteAsync(first.Ledger, "east", closeMidway: true), WriteAsync(second.Ledger, "west", closeMidway: false));
        await first.Ledger.FlushAsync();
        await second.Ledger.FlushAsync();

        var ids = await first.StreamShareIdsAsync();
        Assert.That(ids, Has.Count.EqualTo(2000));
        Assert.That(ids.Distinct().Count(), Is.EqualTo(2000));
        var round1 = await first.Ledger.Store.GetRoundScoresAsync(1);
        var round2 = await first.Ledger.Store.GetRoundScoresAsync(2);
        Assert.That(round1["east-miner"], Is.EqualTo(501), "east's shares before its block are in round 1");
        Assert.That(round1.GetValueOrDefault("west-miner") + round2.GetValueOrDefault("west-miner"), Is.EqualTo(1000));
        Assert.That(round2["east-miner"], Is.EqualTo(499));
        var closed = await second.Ledger.GetClosedRoundsAsync();
        Assert.That(closed.Single().PplnsScores.Values.Sum(), Is.EqualTo(200), "2 × network difficulty 100 of difficulty-1 shares");
    }
}
