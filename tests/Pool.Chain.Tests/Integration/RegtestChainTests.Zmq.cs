using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Pool.Chain.Configuration;
using Pool.Chain.Hosting;
using Pool.Chain.Tests.Support;
using Pool.Testing;

namespace Pool.Chain.Tests.Integration;

public sealed partial class RegtestChainTests
{
    // Debian's litecoind is built without ZMQ, so the subscription has no publisher here: the pool must still follow
    // the node through longpoll and stop cleanly.
    [Test]
    public async Task StartAsync_ZmqEndpointWithoutPublisher_JobsFollowNodeAndStopIsClean()
    {
        var options = new ChainOptions
        {
            Coin = _coin,
            Network = "regtest",
            NodeUrl = _nodes.A.RpcUrl.ToString(),
            RpcCookieFile = _nodes.A.CookieFile,
            PoolAddress = _poolAddress,
            ZmqHashBlockEndpoint = $"tcp://127.0.0.1:{FreePort.Next()}",
            BlockPollIntervalMilliseconds = 60_000,
        };
        var chain = ChainServices.Create(options, new TestLoggerFactory(), TimeProvider.System);
        try
        {
            using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
            {
                await chain.StartAsync(timeout.Token);
            }

            using var cleanJobs = new CleanJobRecorder(chain.Jobs);
            var hash = (await _nodes.B.GenerateAsync(1, _nodes.WalletAddress))[0];
            var (job, _) = await cleanJobs.WaitForParentAsync(hash);
            Assert.That(job.CleanJobs, Is.True);
        }
        finally
        {
            await StopWithinAsync(chain.DisposeAsync(), "stopping cancels the longpoll and the ZMQ loop");
        }
    }

    [Test]
    public async Task ZmqHashBlock_EndpointUnusable_ErrorLoggedRetriedAndStopIsClean()
    {
        var run = await ZmqOnlyWatcher.StartAsync(ZmqWatcherOptions(), "tcp://127.0.0.1:not-a-port");
        try
        {
            var retried = await run.Log.WaitUntilAsync(l => l.Count(LogLevel.Error, "reopening it in") >= 2, TimeSpan.FromSeconds(30));

            Assert.That(retried, Is.True, "a socket that cannot connect is logged and tried again after a back-off");
            Assert.That(run.Jobs.Current, Is.Not.Null);
            Assert.DoesNotThrowAsync(() => run.Watcher.RefreshAsync(), "the watcher still fetches templates");
        }
        finally
        {
            await StopWithinAsync(run.DisposeAsync(), "stopping ends the back-off wait");
        }
    }

    // A stop that does not cancel its loops waits on the node or hangs for good: fail after a bound far above a normal stop (well under a
    // second) instead of hanging the run, and report how long stopping took.
    private async Task StopWithinAsync(ValueTask stopping, string why)
    {
        var clock = Stopwatch.StartNew();
        var stop = stopping.AsTask();
        var ended = await Task.WhenAny(stop, Task.Delay(TimeSpan.FromSeconds(30))) == stop;
        await TestContext.Out.WriteLineAsync($"{_program}: stopped in {clock.ElapsedMilliseconds} ms");
        Assert.That(ended, Is.True, $"no stop within 30 s: {why}");
        await stop;
    }
}
