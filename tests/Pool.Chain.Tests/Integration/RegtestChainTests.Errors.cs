using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Pool.Chain.Configuration;
using Pool.Chain.Hosting;
using Pool.Chain.Rpc;
using Pool.Chain.Tests.Support;
using Pool.Testing;

namespace Pool.Chain.Tests.Integration;

public sealed partial class RegtestChainTests
{
    [Test]
    public async Task SubmitAsync_SameShareTwice_SecondIsDuplicateOnActiveChain()
    {
        var job = await FreshJobAsync();
        var extranonce1 = NextExtranonce1();
        var extranonce2 = BitConverter.GetBytes(Interlocked.Increment(ref _extranonce2));
        var nonce = ShareSolver.Solve(job, _chain.Profile.Pow, extranonce1, extranonce2, job.Time, job.Version);

        var first = await _chain.BlockSubmitter.SubmitAsync(job, extranonce1, extranonce2, job.Time, nonce, job.Version);
        var second = await _chain.BlockSubmitter.SubmitAsync(job, extranonce1, extranonce2, job.Time, nonce, job.Version);

        Assert.That(first.Accepted, Is.True, first.RejectReason);
        Assert.That(second.BlockHash, Is.EqualTo(first.BlockHash));
        Assert.That(second.RejectReason, Is.EqualTo("duplicate"));
        Assert.That(second.Accepted, Is.True, "a block already on the active chain is ours");
        Assert.That(second.OnActiveChain, Is.True);
    }

    [Test]
    public async Task SubmitAsync_HeaderAboveTarget_RejectedAsHighHash()
    {
        var job = await FreshJobAsync();
        var extranonce1 = NextExtranonce1();
        var extranonce2 = BitConverter.GetBytes(Interlocked.Increment(ref _extranonce2));
        var header = new byte[80];
        var digest = new byte[32];
        uint nonce = 0;
        while (true)
        {
            job.BuildHeader(extranonce1, extranonce2, job.Time, nonce, job.Version, header);
            _chain.Profile.Pow.HashHeader(header, digest);
            if (!job.NetworkTarget.IsMetBy(digest))
            {
                break;
            }

            nonce++;
        }

        var submission = await _chain.BlockSubmitter.SubmitAsync(job, extranonce1, extranonce2, job.Time, nonce, job.Version);

        Assert.That(submission.Accepted, Is.False);
        Assert.That(submission.RejectReason, Is.EqualTo("high-hash"));
        Assert.That(submission.OnActiveChain, Is.Not.True);
    }

    [Test]
    public void GetBlockTemplate_WithoutTheChainsRules_RulesRejected()
    {
        var error = Assert.ThrowsAsync<NodeRpcException>(() => _chain.Rpc.GetBlockTemplateAsync([]));

        Assert.That(error!.Failure, Is.EqualTo(NodeRpcFailure.RulesRejected));
        Assert.That(error.RpcCode, Is.EqualTo(RpcErrorCodes.InvalidParameter));
        Assert.That(error.Message, Does.Contain("segwit"));
    }

    [Test]
    public async Task GetBlockTemplate_NodeWithoutPeers_NotConnected()
    {
        await using var lone = BitcoindRegtestNode.Create(_program);
        await lone.StartAsync();
        using var client = new NodeRpcClient(lone.RpcUrl, NodeCredentials.FromCookieFile(lone.CookieFile), TimeSpan.FromSeconds(5),
            new RetryBackoff(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(10), 1), TimeProvider.System, NullLogger.Instance);

        NodeRpcException? error = null;
        try
        {
            await client.GetBlockTemplateAsync(_chain.Profile.TemplateRules);
        }
        catch (NodeRpcException e)
        {
            error = e;
        }

        if (error is null)
        {
            Assert.Ignore($"this {_program} serves templates on regtest without peers, so there is no 'not connected' answer to check");
        }

        Assert.That(error!.Failure, Is.EqualTo(NodeRpcFailure.NotConnected));
        Assert.That(error.IsTransient, Is.True);
        Assert.That(error.Message, Does.Contain("no peers"));
    }

    [Test]
    public async Task CallAsync_NodeGoneAndBack_SucceedsAfterBackoff()
    {
        using var client = new NodeRpcClient(_nodes.B.RpcUrl, NodeCredentials.FromCookieFile(_nodes.B.CookieFile), TimeSpan.FromSeconds(2),
            new RetryBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(400), 60), TimeProvider.System, new TestLoggerFactory().CreateLogger("client"));
        Assert.That(await client.GetBestBlockHashAsync(), Is.EqualTo((await _nodes.B.CallAsync("getbestblockhash")).GetString()));

        _nodes.B.Kill();
        var clock = Stopwatch.StartNew();
        var call = client.GetBestBlockHashAsync();
        await Task.Delay(700);
        Assert.That(call.IsCompleted, Is.False, "the call keeps retrying while the node is down");
        await _nodes.RestartAsync(_nodes.B, TimeSpan.Zero);

        // A killed node may answer with an older tip while it reconnects its blocks: any hash is a live answer.
        Assert.That(await call.WaitAsync(TimeSpan.FromSeconds(30)), Does.Match("^[0-9a-f]{64}$"));
        await TestContext.Out.WriteLineAsync($"{_program}: call answered {clock.ElapsedMilliseconds} ms after the node was killed (restart included)");
    }

    [Test]
    public async Task JobCreated_PoolNodeRestarted_JobsResumeForNewBlocks()
    {
        await _nodes.RestartAsync(_nodes.A, TimeSpan.FromSeconds(1));
        using var cleanJobs = new CleanJobRecorder(_chain.Jobs);

        var hash = (await _nodes.B.GenerateAsync(1, _nodes.WalletAddress))[0];
        var (job, _) = await cleanJobs.WaitForParentAsync(hash);

        Assert.That(job.CleanJobs, Is.True);
        var (submission, _) = await SolveAndSubmitAsync(job, job.Version);
        Assert.That(submission.Accepted, Is.True, submission.RejectReason);
    }

    [Test]
    public async Task StartAsync_NodeDownAtStart_FirstJobOnceNodeIsBack()
    {
        var options = new ChainOptions
        {
            Coin = _coin,
            Network = "regtest",
            NodeUrl = _nodes.A.RpcUrl.ToString(),
            RpcCookieFile = _nodes.A.CookieFile,
            PoolAddress = _poolAddress,
            BlockPollIntervalMilliseconds = 200,
            RetryInitialDelayMilliseconds = 50,
            RetryMaxDelayMilliseconds = 400,
        };
        _nodes.A.Kill();
        await using var chain = ChainServices.Create(options, new TestLoggerFactory(), TimeProvider.System);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var start = chain.StartAsync(timeout.Token);
        await Task.Delay(800);
        Assert.That(start.IsCompleted, Is.False, "no job while the node is down");
        await _nodes.RestartAsync(_nodes.A, TimeSpan.Zero);
        await start;

        Assert.That(chain.Jobs.Current, Is.Not.Null);
        Assert.That(chain.Jobs.CurrentTemplate!.PreviousBlockHash, Is.EqualTo(await chain.Rpc.GetBestBlockHashAsync()).Or.Not.Null);
    }

    [Test]
    public async Task GetBlockTemplate_FreshChainWithPeers_InitialBlockDownload()
    {
        await using var fresh = await BitcoindRegtestPair.StartAsync(_program, matureBlocks: 0);
        using var client = new NodeRpcClient(fresh.A.RpcUrl, NodeCredentials.FromCookieFile(fresh.A.CookieFile), TimeSpan.FromSeconds(5),
            new RetryBackoff(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(10), 1), TimeProvider.System, NullLogger.Instance);

        NodeRpcException? error = null;
        try
        {
            await client.GetBlockTemplateAsync(_chain.Profile.TemplateRules);
        }
        catch (NodeRpcException e)
        {
            error = e;
        }

        if (error is null)
        {
            Assert.Ignore($"this {_program} serves templates on regtest during initial block download");
        }

        Assert.That(error!.Failure, Is.EqualTo(NodeRpcFailure.InitialBlockDownload), error.Message);
        Assert.That(error.IsTransient, Is.True);
        Assert.That(error.Message, Does.Contain("initial block download"));
    }
}
