using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Pool.Chain.Configuration;
using Pool.Chain.Jobs;
using Pool.Chain.Tests.Support;
using Pool.Testing;

namespace Pool.Chain.Tests.Integration;

// The nodes here are built without ZMQ, so the test plays the node's publisher: it announces, framed as Bitcoin Core
// frames it, the hash of a block the node really has. Longpoll is off and the poll a minute apart, so a job soon after
// the notice comes from the notice alone. The reaction is measured and reported; the waits for it are only generous
// bounds, since a busy machine can stall any single one for seconds.
public sealed partial class RegtestChainTests
{
    private const int ZmqLatencyRounds = 5;
    private static readonly TimeSpan ZmqReactionBound = TimeSpan.FromSeconds(30);

    [Test]
    public async Task ZmqHashBlock_RealBlockAnnounced_CleanJobLongBeforePoll()
    {
        using var publisher = await HashBlockPublisher.BindAsync(FreePort.Next());
        await using var run = await ZmqOnlyWatcher.StartAsync(ZmqWatcherOptions(), publisher.Endpoint);
        await WaitForSubscriptionAsync(run, publisher);

        var latencies = new List<double>();
        for (var i = 0; i < ZmqLatencyRounds; i++)
        {
            if (i == ZmqLatencyRounds - 1)
            {
                publisher.SkipNotices(3);
            }

            latencies.Add((await MineAndAnnounceAsync(run, publisher)).TotalMilliseconds);
        }

        Assert.That(run.Log.Count(LogLevel.Information, "notices were lost"), Is.EqualTo(1), "the gap in sequence numbers is reported");
        var shown = string.Join(", ", latencies.Select(l => l.ToString("0.0", CultureInfo.InvariantCulture)));
        latencies.Sort();
        await TestContext.Out.WriteLineAsync(
            $"{_program}: ZMQ hashblock published to clean job ready: {shown} ms (median {latencies[latencies.Count / 2]:0.0} ms); longpoll off, poll every {ZmqOnlyWatcher.PollInterval.TotalSeconds:0} s");
    }

    [Test]
    public async Task ZmqHashBlock_MalformedNotices_IgnoredLoggedAndWatcherKeepsReacting()
    {
        using var publisher = await HashBlockPublisher.BindAsync(FreePort.Next());
        await using var run = await ZmqOnlyWatcher.StartAsync(ZmqWatcherOptions(), publisher.Endpoint);
        await WaitForSubscriptionAsync(run, publisher);
        var hash = await MineOnOtherNodeAsync();
        var templateAt = run.Watcher.LastTemplateAt;
        var topic = HashBlockPublisher.Topic;
        var hashBytes = Convert.FromHexString(hash);
        var sequence = new byte[4];
        byte[][][] malformed =
        [
            [topic, hashBytes],
            [topic, hashBytes, sequence, sequence],
            [topic],
            ["hashblockx"u8.ToArray(), hashBytes, sequence],
            [topic, hashBytes[..31], sequence],
            [topic, hashBytes, sequence[..3]],
        ];

        foreach (var frames in malformed)
        {
            publisher.PublishFrames(frames);
        }

        var allLogged = await run.Log.WaitUntilAsync(l => l.Count(LogLevel.Warning, "not a hashblock notice") >= malformed.Length, ZmqReactionBound);
        Assert.That(allLogged, Is.True, "every malformed notice is logged as ignored");
        Assert.Multiple(() =>
        {
            foreach (var problem in new[] { "2 parts", "4 parts", "1 parts", "topic 'hashblockx'", "block hash of 31 bytes", "sequence number of 3 bytes" })
            {
                Assert.That(run.Log.Count(LogLevel.Warning, problem), Is.EqualTo(1), problem);
            }

            Assert.That(run.Watcher.LastTemplateAt, Is.EqualTo(templateAt), "no malformed notice made the watcher fetch a template");
            Assert.That(ParentOf(run.Jobs.Current!), Is.Not.EqualTo(hash));
        });

        // A frame larger than any hashblock part makes the subscriber drop that connection (ZMQ reconnects) rather
        // than take it in: had it been delivered, its warning would come before the probe's answer.
        var warnings = run.Log.Count(LogLevel.Warning, "not a hashblock notice");
        publisher.PublishFrames(topic, new byte[64 * 1024], sequence);
        await WaitForSubscriptionAsync(run, publisher);
        Assert.That(run.Log.Count(LogLevel.Warning, "not a hashblock notice"), Is.EqualTo(warnings), "the oversized notice never reached the parser");

        var latency = await AnnounceAsync(run, publisher, hash);
        await TestContext.Out.WriteLineAsync($"{_program}: after {malformed.Length} malformed notices, a valid one made the job in {latency.TotalMilliseconds:0.0} ms");
    }

    [Test]
    public async Task ZmqHashBlock_PublisherGoesAwayAndComesBack_NoticesResume()
    {
        var port = FreePort.Next();
        await using var run = await StartWithFirstPublisherAsync(port);

        // A block found while the node's publisher is down goes unannounced; the watcher must not notice it yet.
        var missed = await MineOnOtherNodeAsync();
        await Task.Delay(300);
        Assert.That(ParentOf(run.Jobs.Current!), Is.Not.EqualTo(missed));

        using var second = await HashBlockPublisher.BindAsync(port);
        await WaitForSubscriptionAsync(run, second);
        var latency = await MineAndAnnounceAsync(run, second);

        await TestContext.Out.WriteLineAsync($"{_program}: publisher restarted on the same port; next block's job {latency.TotalMilliseconds:0.0} ms after its notice");
        Assert.That(run.Log.Lines.Where(l => l.Level >= LogLevel.Error), Is.Empty, "ZMQ reconnects by itself; the socket is never reopened");
    }

    private async Task<ZmqOnlyWatcher> StartWithFirstPublisherAsync(int port)
    {
        using var first = await HashBlockPublisher.BindAsync(port);
        var run = await ZmqOnlyWatcher.StartAsync(ZmqWatcherOptions(), first.Endpoint);
        try
        {
            await WaitForSubscriptionAsync(run, first);
            await MineAndAnnounceAsync(run, first);
            return run;
        }
        catch
        {
            await run.DisposeAsync();
            throw;
        }
    }

    private ChainOptions ZmqWatcherOptions() => new()
    {
        Coin = _coin,
        Network = "regtest",
        NodeUrl = _nodes.A.RpcUrl.ToString(),
        RpcCookieFile = _nodes.A.CookieFile,
        PoolAddress = _poolAddress,
        RetryInitialDelayMilliseconds = 50,
        RetryMaxDelayMilliseconds = 500,
    };

    // A PUB socket drops what it publishes before the subscription reaches it: announce the block the current job
    // already builds on (which makes no refresh) until the watcher logs that it got it.
    private static async Task WaitForSubscriptionAsync(ZmqOnlyWatcher run, HashBlockPublisher publisher)
    {
        var parent = ParentOf(run.Jobs.Current!);
        var seen = $"ZMQ hashblock {parent}";
        var before = run.Log.Count(LogLevel.Debug, seen);
        var clock = Stopwatch.StartNew();
        while (run.Log.Count(LogLevel.Debug, seen) == before)
        {
            if (clock.Elapsed > ZmqReactionBound)
            {
                Assert.Fail($"the watcher received no hashblock notice from {publisher.Endpoint} within {ZmqReactionBound.TotalSeconds} s");
            }

            publisher.Publish(parent);
            await run.Log.WaitUntilAsync(l => l.Count(LogLevel.Debug, seen) > before, TimeSpan.FromMilliseconds(50));
        }
    }

    private async Task<TimeSpan> MineAndAnnounceAsync(ZmqOnlyWatcher run, HashBlockPublisher publisher) =>
        await AnnounceAsync(run, publisher, await MineOnOtherNodeAsync());

    // Mines on node B and returns once node A (the watcher's node) has the block as its tip, as a node would before
    // publishing it.
    private async Task<string> MineOnOtherNodeAsync()
    {
        await _nodes.WaitInSyncAsync();
        var hash = (await _nodes.B.GenerateAsync(1, _nodes.WalletAddress))[0];
        var clock = Stopwatch.StartNew();
        while ((await _nodes.A.CallAsync("getbestblockhash")).GetString() != hash)
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                Assert.Fail($"node A did not take block {hash} from node B within 30 s");
            }

            await Task.Delay(5);
        }

        return hash;
    }

    private static async Task<TimeSpan> AnnounceAsync(ZmqOnlyWatcher run, HashBlockPublisher publisher, string hash)
    {
        var jobReady = new TaskCompletionSource<(MiningJob Job, long Ticks)>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnJob(MiningJob job)
        {
            if (ParentOf(job) == hash)
            {
                jobReady.TrySetResult((job, Stopwatch.GetTimestamp()));
            }
        }

        run.Jobs.JobCreated += OnJob;
        try
        {
            Assert.That(ParentOf(run.Jobs.Current!), Is.Not.EqualTo(hash), "before the notice the watcher has no job on the new block");
            var published = Stopwatch.GetTimestamp();
            publisher.Publish(hash);
            if (await Task.WhenAny(jobReady.Task, Task.Delay(ZmqReactionBound)) != jobReady.Task)
            {
                Assert.Fail($"no job on block {hash} within {ZmqReactionBound.TotalSeconds} s of its hashblock notice");
            }

            var (job, ready) = await jobReady.Task;
            Assert.That(job.CleanJobs, Is.True, "a job on a new block tells miners to drop their work");
            Assert.That(run.Log.Count(LogLevel.Debug, $"ZMQ hashblock {hash} (sequence"), Is.EqualTo(1), "the notice was received and parsed once");
            return Stopwatch.GetElapsedTime(published, ready);
        }
        finally
        {
            run.Jobs.JobCreated -= OnJob;
        }
    }

    private static string ParentOf(MiningJob job) => ((TemplateBlockSource)job.BlockSource!).Template.PreviousBlockHash;
}
