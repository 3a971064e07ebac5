using Pool.Testing;

namespace Pool.Ledger.Tests;

[Category("Integration")]
public class LedgerKillTests
{
    private static readonly string WriterDll = Path.Combine(AppContext.BaseDirectory, "Pool.Ledger.SpoolWriter.dll");

    [TestCase(false, TestName = "RecordAsync_WriterProcessKilledMidStream_RestartRecordsEveryAcknowledgedShareOnce")]
    [TestCase(true, TestName = "RecordAsync_WriterProcessKilledWhileRedisDown_RestartRecordsEveryAcknowledgedShareOnce")]
    public async Task RecordAsync_WriterProcessKilled_RestartRecordsEveryAcknowledgedShareOnce(bool redisDown)
    {
        // Redis keeps what it acknowledged across its own restart only with persistence on.
        await using var redis = await RedisServer.StartAsync("--appendonly", "yes", "--appendfsync", "always");
        using var work = new TempDirectory("kill");
        var spool = work.Combine("spool");
        var acks = work.Combine("acks.txt");
        string[] common = [redis.ConnectionString, spool, "kill", "i1"];

        await using (var writer = ServerProcess.Start("dotnet", [WriterDll, "write", .. common, "200000", acks]))
        {
            if (redisDown)
            {
                await writer.WaitUntilAsync(() => Task.FromResult(File.Exists(acks) && new FileInfo(acks).Length > 1000 * 8), TimeSpan.FromSeconds(60));
                await redis.StopAsync();
            }

            await writer.WaitUntilAsync(() => Task.FromResult(File.Exists(acks) && new FileInfo(acks).Length > 5000 * 8), TimeSpan.FromSeconds(60));
            writer.Kill();
            Assert.That(writer.Output, Does.Not.Contain("done"), "the writer was killed in the middle of its stream");
        }

        var acknowledged = (await File.ReadAllLinesAsync(acks)).Where(l => l.Length > 0).ToList();
        if (redisDown)
        {
            await redis.StartAgainAsync();
        }

        await using (var drain = ServerProcess.Start("dotnet", [WriterDll, "drain", .. common]))
        {
            for (var waited = 0; waited < 600 && !drain.Output.Contains("drained", StringComparison.Ordinal); waited++)
            {
                await Task.Delay(100);
            }

            Assert.That(drain.Output, Does.Contain("drained"), "the restarted writer handed its spool to Redis");
        }

        await using var fixture = await LedgerFixture.StartAsync(redis.ConnectionString, o => o.PoolId = "kill");
        var recorded = await fixture.StreamShareIdsAsync();
        Assert.That(recorded.Distinct().Count(), Is.EqualTo(recorded.Count), "no share recorded twice");
        Assert.That(acknowledged.Except(recorded), Is.Empty, "every acknowledged share is recorded");
        Assert.That(recorded.Count - acknowledged.Count, Is.InRange(0, 64), "at most the shares in flight at the kill were spooled without their acknowledgement");
        Assert.That((await fixture.Ledger.Store.GetRoundScoresAsync(1)).Values.Sum(), Is.EqualTo(recorded.Count));
    }
}
