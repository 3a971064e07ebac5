using Pool.Testing;

namespace Pool.Ledger.Tests;

[Category("Integration")]
public class RedisShareLedgerTests
{
    private RedisServer _redis = null!;

    [OneTimeSetUp]
    public async Task StartRedisAsync() => _redis = await RedisServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopRedisAsync() => await _redis.DisposeAsync();

    [Test]
    public async Task RecordAsync_SharesOfTwoMiners_StreamAndRoundScoresHoldThem()
    {
        await using var fixture = await LedgerFixture.StartAsync(_redis.ConnectionString, o => o.PoolId = "rec");

        await fixture.Ledger.RecordAsync(TestShares.Share("s1", "minerA", 4));
        await fixture.Ledger.RecordAsync(TestShares.Share("s2", "minerB", 1.5));
        await fixture.Ledger.RecordAsync(TestShares.Share("s3", "minerA", 0.25));
        await fixture.Ledger.FlushAsync();

        Assert.That(await fixture.StreamShareIdsAsync(), Is.EqualTo(new[] { "s1", "s2", "s3" }));
        var scores = await fixture.Ledger.Store.GetRoundScoresAsync(1);
        Assert.That(scores, Is.EquivalentTo(new Dictionary<string, double> { ["minerA"] = 4.25, ["minerB"] = 1.5 }));
        Assert.That((double)await fixture.Database.HashGetAsync(fixture.Keys.Round(1), "work"), Is.EqualTo(5.75));
        Assert.That(fixture.Ledger.Counters.SharesWritten, Is.EqualTo(3));
        Assert.That(fixture.Ledger.Counters.SpoolDepth, Is.Zero);
    }

    [Test]
    public async Task RecordAsync_WorkerWithSeparator_ThrowsAndRecordsNothing()
    {
        await using var fixture = await LedgerFixture.StartAsync(_redis.ConnectionString, o => o.PoolId = "badinput");

        Assert.Throws<ArgumentException>(() => fixture.Ledger.RecordAsync(TestShares.Share("bad", "minerA", 1, worker: "rig|1")));
        await fixture.Ledger.RecordAsync(TestShares.Share("good", "minerA", 1));
        await fixture.Ledger.FlushAsync();

        Assert.That(await fixture.StreamShareIdsAsync(), Is.EqualTo(new[] { "good" }));
    }

    [Test]
    public async Task StartAsync_SpoolReplayedFromScratch_NothingCountedTwice()
    {
        using var spool = new TempDirectory("spool");
        await using (var first = await LedgerFixture.StartAsync(_redis.ConnectionString, o => o.PoolId = "replay", spool.Path))
        {
            for (var i = 0; i < 1000; i++)
            {
                await first.Ledger.RecordAsync(TestShares.Share("s" + i, "miner" + (i % 3), 1));
            }

            await first.Ledger.FlushAsync();
        }

        // Losing the checkpoint makes the next start send the whole spool again.
        File.Delete(Path.Combine(spool.Path, "checkpoint"));
        await using var second = await LedgerFixture.StartAsync(_redis.ConnectionString, o => { o.PoolId = "replay"; o.BatchSize = 300; }, spool.Path);
        await second.Ledger.RecordAsync(TestShares.Share("late", "miner0", 1));
        await second.Ledger.FlushAsync();

        Assert.That(await second.StreamLengthAsync(), Is.EqualTo(1001));
        Assert.That(second.Ledger.Counters.ReplaysSkipped, Is.EqualTo(1000));
        var scores = await second.Ledger.Store.GetRoundScoresAsync(1);
        Assert.That(scores.Values.Sum(), Is.EqualTo(1001));
    }

    [Test]
    public async Task BlockFoundAsync_KnownShares_ClosesRoundWithPplnsWindowAndRoot()
    {
        await using var fixture = await LedgerFixture.StartAsync(_redis.ConnectionString, o => { o.PoolId = "close"; o.PplnsWindowFactor = 2; });
        var ledger = fixture.Ledger;
        (string Id, string Miner, double Difficulty)[] shares = [("s1", "A", 5), ("s2", "B", 3), ("s3", "A", 2), ("s4", "B", 4), ("s5", "A", 1)];
        foreach (var (id, miner, difficulty) in shares)
        {
            await ledger.RecordAsync(TestShares.Share(id, miner, difficulty));
        }

        // Window = 2 × 4 = 8 of work, walked back from the newest: 1 + 4 + 2 = 7, then s2 (3) crosses 8 and counts whole.
        await ledger.BlockFoundAsync(TestShares.Block("b1", networkDifficulty: 4, finder: "A"));
        await ledger.RecordAsync(TestShares.Share("s6", "B", 7));
        await ledger.FlushAsync();

        var round = (await ledger.GetClosedRoundsAsync()).Single();
        Assert.That(round.RoundId, Is.EqualTo("close:1"));
        Assert.That(round.Status, Is.EqualTo(Pool.Core.Mining.RoundStatus.Pending));
        Assert.That(round.Block, Is.EqualTo(TestShares.Block("b1", networkDifficulty: 4, finder: "A")));
        Assert.That(round.RoundScores, Is.EquivalentTo(new Dictionary<string, double> { ["A"] = 8, ["B"] = 7 }));
        Assert.That(round.PplnsScores, Is.EquivalentTo(new Dictionary<string, double> { ["A"] = 3, ["B"] = 7 }));
        var window = (await fixture.StreamRecordsAsync()).Skip(1).Take(4).Select(System.Text.Encoding.UTF8.GetBytes).ToList();
        Assert.That(round.SharesRoot, Is.EqualTo(MerkleRootOfFour(window)));
        Assert.That(await ledger.Store.GetCurrentRoundAsync(), Is.EqualTo(2));
        Assert.That(await ledger.Store.GetRoundScoresAsync(2), Is.EquivalentTo(new Dictionary<string, double> { ["B"] = 7 }));
    }

    [Test]
    public async Task BlockFoundAsync_WindowLongerThanRound_ReachesIntoThePreviousRound()
    {
        await using var fixture = await LedgerFixture.StartAsync(_redis.ConnectionString, o => { o.PoolId = "span"; o.PplnsWindowFactor = 1; });
        var ledger = fixture.Ledger;
        await ledger.RecordAsync(TestShares.Share("s1", "A", 10));
        await ledger.BlockFoundAsync(TestShares.Block("b1", networkDifficulty: 100));
        await ledger.RecordAsync(TestShares.Share("s2", "B", 6));
        await ledger.BlockFoundAsync(TestShares.Block("b2", networkDifficulty: 12, height: 102));
        await ledger.BlockFoundAsync(TestShares.Block("b2", networkDifficulty: 12, height: 102));
        await ledger.FlushAsync();

        var rounds = await ledger.GetClosedRoundsAsync();

        Assert.That(rounds.Select(r => r.Block.BlockHash), Is.EqualTo(new[] { "b1", "b2" }), "the repeated block closes nothing");
        Assert.That(rounds[0].PplnsScores, Is.EquivalentTo(new Dictionary<string, double> { ["A"] = 10 }));
        Assert.That(rounds[1].RoundScores, Is.EquivalentTo(new Dictionary<string, double> { ["B"] = 6 }));
        Assert.That(rounds[1].PplnsScores, Is.EquivalentTo(new Dictionary<string, double> { ["A"] = 10, ["B"] = 6 }));
    }

    [Test]
    public async Task BlockFoundAsync_WindowOverManyPages_WalksBackAcrossReads()
    {
        await using var fixture = await LedgerFixture.StartAsync(_redis.ConnectionString, o => { o.PoolId = "pages"; o.BatchSize = 1; o.PplnsWindowFactor = 1; });
        for (var i = 0; i < 150; i++)
        {
            await fixture.Ledger.RecordAsync(TestShares.Share("s" + i, i < 50 ? "old" : (i % 2 == 0 ? "A" : "B"), 1));
        }

        await fixture.Ledger.BlockFoundAsync(TestShares.Block("b1", networkDifficulty: 100));
        await fixture.Ledger.FlushAsync();

        var round = (await fixture.Ledger.GetClosedRoundsAsync()).Single();
        Assert.That(await fixture.Database.StreamLengthAsync(fixture.Keys.Shares), Is.EqualTo(150), "one page per share");
        Assert.That(round.PplnsScores, Is.EquivalentTo(new Dictionary<string, double> { ["A"] = 50, ["B"] = 50 }));
        var records = (await fixture.StreamRecordsAsync()).Skip(50).Select(System.Text.Encoding.UTF8.GetBytes);
        Assert.That(round.SharesRoot, Is.EqualTo(SharesRoot.Compute(records)));
    }

    [Test]
    public async Task BlockFoundAsync_NoShares_EmptyWindowHasZeroRoot()
    {
        await using var fixture = await LedgerFixture.StartAsync(_redis.ConnectionString, o => o.PoolId = "empty");

        await fixture.Ledger.BlockFoundAsync(TestShares.Block("b1", networkDifficulty: 1));
        await fixture.Ledger.FlushAsync();

        var round = (await fixture.Ledger.GetClosedRoundsAsync()).Single();
        Assert.That(round.SharesRoot, Is.EqualTo(new string('0', 64)));
        Assert.That(round.PplnsScores, Is.Empty);
    }

    // Computed without the ledger's code: sha256d leaves over the stored records, then two levels of pairs.
    private static string MerkleRootOfFour(List<byte[]> records)
    {
        static byte[] Sha256d(byte[] data) => System.Security.Cryptography.SHA256.HashData(System.Security.Cryptography.SHA256.HashData(data));
        var leaves = records.Select(Sha256d).ToList();
        var left = Sha256d([.. leaves[0], .. leaves[1]]);
        var right = Sha256d([.. leaves[2], .. leaves[3]]);
        return Convert.ToHexStringLower(Sha256d([.. left, .. right]));
    }
}
