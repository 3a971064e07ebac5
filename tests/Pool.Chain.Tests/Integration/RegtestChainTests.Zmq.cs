using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Pool.Chain.Configuration;
using Pool.Chain.Hosting;
using Pool.Chain.Jobs;
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

            var next = new TaskCompletionSource<MiningJob>(TaskCreationOptions.RunContinuationsAsynchronously);
            string? expected = null;
            chain.Jobs.JobCreated += job =>
            {
                if (((TemplateBlockSource)job.BlockSource!).Template.PreviousBlockHash == Volatile.Read(ref expected))
                {
                    next.TrySetResult(job);
                }
            };
            Volatile.Write(ref expected, (await _nodes.B.GenerateAsync(1, _nodes.WalletAddress))[0]);
            if (chain.Jobs.CurrentTemplate?.PreviousBlockHash == expected)
            {
                next.TrySetResult(chain.Jobs.Current!);
            }

            Assert.That((await next.Task.WaitAsync(TimeSpan.FromSeconds(10))).CleanJobs, Is.True);
        }
        finally
        {
            var clock = Stopwatch.StartNew();
            await chain.DisposeAsync();
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)), "stopping cancels the longpoll and the ZMQ loop");
        }
    }

    [Test]
    public async Task ZmqHashBlock_EndpointUnusable_ErrorLoggedRetriedAndStopIsClean()
    {
        var run = await ZmqOnlyWatcher.StartAsync(ZmqWatcherOptions(), "tcp://127.0.0.1:not-a-port");
        try
        {
            var retried = await run.Log.WaitUntilAsync(l => l.Count(LogLevel.Error, "reopening it in") >= 2, TimeSpan.FromSeconds(5));

            Assert.That(retried, Is.True, "a socket that cannot connect is logged and tried again after a back-off");
            Assert.That(run.Jobs.Current, Is.Not.Null);
            Assert.DoesNotThrowAsync(() => run.Watcher.RefreshAsync(), "the watcher still fetches templates");
        }
        finally
        {
            var clock = Stopwatch.StartNew();
            await run.DisposeAsync();
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)), "stopping ends the back-off wait");
        }
    }
}
