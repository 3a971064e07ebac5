using System.Globalization;
using Pool.Stratum.Shares;
using Pool.Stratum.Tests.Support;

namespace Pool.Stratum.Tests.Integration;

[Category("Integration")]
public class SubmitTests
{
    [Test]
    public async Task Submit_ValidShare_AcceptedAndRecordedBeforeAnswer()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var session = await MinerSession.OpenAsync(server);
        server.Sink.Delay = TimeSpan.FromMilliseconds(200);
        var share = session.Miner.Find(session.Job, 1e-9);

        var response = await session.SubmitAsync(share);

        StratumAssert.Accepted(response);
        var recorded = server.Sink.Shares.Single();
        Assert.That(recorded.ShareId, Is.EqualTo(share.BlockHashDisplayHex));
        Assert.That(recorded.Miner, Is.EqualTo(StratumTestServer.Address));
        Assert.That(recorded.Worker, Is.EqualTo("rig1"));
        Assert.That(recorded.Difficulty, Is.EqualTo(1e-9));
        Assert.That(recorded.ActualDifficulty, Is.GreaterThanOrEqualTo(1e-9));
        Assert.That(recorded.JobId, Is.EqualTo(share.JobId));
        Assert.That(recorded.IsBlockCandidate, Is.False);
        Assert.That(server.Server.Counters.SharesAccepted, Is.EqualTo(1));
    }

    [Test]
    public async Task Submit_BeforeSubscribe_Error25()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var client = await server.ConnectAsync();

        var response = await client.CallAsync("mining.submit", $"[\"{StratumTestServer.Address}\",\"1\",\"00000000\",\"00000000\",\"00000000\"]");

        StratumAssert.Rejected(response, 25, "not subscribed");
        Assert.That(server.Server.Counters.SharesRejected(ShareRejectReason.NotSubscribed), Is.EqualTo(1));
    }

    [Test]
    public async Task Submit_BeforeAuthorize_Error24()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var client = await server.ConnectAsync();
        await client.CallAsync("mining.subscribe");

        var response = await client.CallAsync("mining.submit", $"[\"{StratumTestServer.Address}\",\"1\",\"00000000\",\"00000000\",\"00000000\"]");

        StratumAssert.Rejected(response, 24, "unauthorized");
    }

    [Test]
    public async Task Submit_WorkerNotAuthorizedOnConnection_Error24()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var session = await MinerSession.OpenAsync(server);
        var share = session.Miner.Find(session.Job, 1e-9);

        var response = await session.Client.CallAsync("mining.submit", share.SubmitParams(StratumTestServer.OtherAddress + ".rig1"));

        StratumAssert.Rejected(response, 24);
    }

    [Test]
    public async Task Submit_UnknownJob_Error21()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var session = await MinerSession.OpenAsync(server);
        var share = session.Miner.Find(session.Job, 1e-9) with { JobId = "nope" };

        StratumAssert.Rejected(await session.SubmitAsync(share), 21, "job not found");
    }

    [Test]
    public async Task Submit_SameShareTwice_Error22()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var session = await MinerSession.OpenAsync(server);
        var share = session.Miner.Find(session.Job, 1e-9);

        StratumAssert.Accepted(await session.SubmitAsync(share));
        StratumAssert.Rejected(await session.SubmitAsync(share), 22, "duplicate");
        Assert.That(server.Sink.Shares, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Submit_BelowConnectionDifficulty_Error23()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var session = await MinerSession.OpenAsync(server, password: "d=1000000");
        var share = session.Miner.Find(session.Job, 1e-9);

        StratumAssert.Rejected(await session.SubmitAsync(share), 23, "low difficulty");
    }

    [TestCase("000000", "extranonce2")]
    [TestCase("0000000000", "extranonce2")]
    [TestCase("0000000g", "extranonce2")]
    public async Task Submit_BadExtranonce2_Error20(string extranonce2, string reason)
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var session = await MinerSession.OpenAsync(server);
        var share = session.Miner.Find(session.Job, 1e-9) with { Extranonce2 = extranonce2 };

        StratumAssert.Rejected(await session.SubmitAsync(share), 20, reason);
    }

    [TestCase("zz000000")]
    [TestCase("123456789")]
    [TestCase("")]
    public async Task Submit_MalformedNonce_Error20(string nonce)
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var session = await MinerSession.OpenAsync(server);
        var share = session.Miner.Find(session.Job, 1e-9) with { Nonce = nonce };

        StratumAssert.Rejected(await session.SubmitAsync(share), 20, "nonce");
    }

    [Test]
    public async Task Submit_TooFewParameters_Error20()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var session = await MinerSession.OpenAsync(server);

        var response = await session.Client.CallAsync("mining.submit", $"[\"{session.Worker}\",\"1\"]");

        StratumAssert.Rejected(response, 20, "needs worker, job id");
    }

    [Test]
    public async Task Submit_NtimeBeforeJob_Error20()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var session = await MinerSession.OpenAsync(server);
        var jobTime = server.Jobs.Current!.Time;
        var share = session.Miner.Find(session.Job, 1e-9, ntime: jobTime - 1);

        StratumAssert.Rejected(await session.SubmitAsync(share), 20, "before the job");
    }

    [Test]
    public async Task Submit_NtimeMoreThan7200SecondsAhead_Error20()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var session = await MinerSession.OpenAsync(server);
        var late = (uint)DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 7300;
        var share = session.Miner.Find(session.Job, 1e-9, ntime: late);

        StratumAssert.Rejected(await session.SubmitAsync(share), 20, "future");
    }

    [Test]
    public async Task Submit_NtimeRolledForwardWithinLimit_Accepted()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var session = await MinerSession.OpenAsync(server);
        var share = session.Miner.Find(session.Job, 1e-9, ntime: server.Jobs.Current!.Time + 600);

        StratumAssert.Accepted(await session.SubmitAsync(share));
    }

    [Test]
    public async Task Submit_VersionBitsWithoutConfigure_Error20()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var session = await MinerSession.OpenAsync(server);
        var share = session.Miner.Find(session.Job, 1e-9, versionBits: 0x00002000, versionMask: 0x00002000);

        StratumAssert.Rejected(await session.SubmitAsync(share, withVersion: true), 20, "mask");
    }

    [Test]
    public async Task Submit_VersionBitsOutsideNegotiatedMask_Error20()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var client = await server.ConnectAsync();
        await client.CallAsync("mining.configure", "[[\"version-rolling\"],{\"version-rolling.mask\":\"1fffe000\"}]");
        await using var session = await MinerSession.OpenAsync(server);
        await session.Client.CallAsync("mining.configure", "[[\"version-rolling\"],{\"version-rolling.mask\":\"1fffe000\"}]");
        var share = session.Miner.Find(session.Job, 1e-9, versionBits: 0x20000000, versionMask: 0xffffffff);

        StratumAssert.Rejected(await session.SubmitAsync(share, withVersion: true), 20, "outside the negotiated mask 1fffe000");
    }

    [Test]
    public async Task Submit_ShareMeetingNetworkTarget_BlockSubmittedBeforeRecordingThenReported()
    {
        await using var server = await StratumTestServer.StartAsync(publishJob: false);
        server.Jobs.Publish(TestJobs.Create(bits: TestJobs.EasyBits));
        await using var session = await MinerSession.OpenAsync(server);
        var share = session.Miner.Find(session.Job, 1e-9);
        while (!share.IsBlock)
        {
            share = session.Miner.Find(session.Job, 1e-9, startNonce: uint.Parse(share.Nonce, NumberStyles.HexNumber, CultureInfo.InvariantCulture) + 1);
        }

        StratumAssert.Accepted(await session.SubmitAsync(share));

        Assert.That(server.Log.Events, Is.EqualTo(new[] { "submit-block", "record-share", "block-found" }));
        var submitted = server.Submitter.Submitted.Single();
        Assert.That(Convert.ToHexStringLower(submitted.Extranonce1), Is.EqualTo(session.Miner.Extranonce1Hex));
        Assert.That(Convert.ToHexStringLower(submitted.Extranonce2), Is.EqualTo(share.Extranonce2));
        var block = server.BlockSink.Blocks.Single();
        Assert.That(block.BlockHash, Is.EqualTo(share.BlockHashDisplayHex));
        Assert.That(block.Finder, Is.EqualTo(StratumTestServer.Address));
        Assert.That(block.RewardBaseUnits, Is.EqualTo(5_000_000_000));
        Assert.That(server.Sink.Shares.Single().IsBlockCandidate, Is.True);
        Assert.That(server.Server.Counters.BlocksFound, Is.EqualTo(1));
    }

    [Test]
    public async Task Submit_BlockBelowConnectionDifficulty_StillSubmittedAndCreditedAtNetworkDifficulty()
    {
        await using var server = await StratumTestServer.StartAsync(publishJob: false);
        server.Jobs.Publish(TestJobs.Create(bits: TestJobs.EasyBits));
        await using var session = await MinerSession.OpenAsync(server, password: "d=1");
        var share = session.Miner.Find(session.Job, 1e-12);
        while (!share.IsBlock)
        {
            share = session.Miner.Find(session.Job, 1e-12, startNonce: uint.Parse(share.Nonce, NumberStyles.HexNumber, CultureInfo.InvariantCulture) + 1);
        }

        StratumAssert.Accepted(await session.SubmitAsync(share));

        Assert.That(server.Submitter.Submitted, Has.Count.EqualTo(1));
        Assert.That(server.Sink.Shares.Single().Difficulty, Is.EqualTo(server.Jobs.Current!.NetworkDifficulty));
        StratumAssert.Rejected(await session.SubmitAsync(share), 22);
        Assert.That(server.Submitter.Submitted, Has.Count.EqualTo(1), "a replay does not reach the node");
    }

    [Test]
    public async Task Submit_SinkFails_Error20AndShareMayBeSentAgain()
    {
        var options = StratumTestServer.DefaultOptions();
        await using var server = await StratumTestServer.StartAsync(options);
        await using var session = await MinerSession.OpenAsync(server);
        var share = session.Miner.Find(session.Job, 1e-9);
        server.Sink.Failing = true;

        StratumAssert.Rejected(await session.SubmitAsync(share), 20, "could not be recorded");
        server.Sink.Failing = false;
        StratumAssert.Accepted(await session.SubmitAsync(share));
    }

    [Test]
    public async Task Submit_BatchOfSharesInOneWrite_AnsweredInOrder()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var session = await MinerSession.OpenAsync(server);
        var lines = new System.Text.StringBuilder();
        for (var i = 0; i < 40; i++)
        {
            var share = session.Miner.Find(session.Job, 1e-9, extranonce2: (ulong)(i % 20));
            lines.Append(CultureInfo.InvariantCulture, $"{{\"id\":{1000 + i},\"method\":\"mining.submit\",\"params\":{share.SubmitParams(session.Worker)}}}\n");
        }

        await session.Client.SendRawAsync(System.Text.Encoding.UTF8.GetBytes(lines.ToString()));

        for (var i = 0; i < 40; i++)
        {
            var response = await session.Client.ResponseAsync((1000 + i).ToString(CultureInfo.InvariantCulture));
            if (i < 20)
            {
                StratumAssert.Accepted(response);
            }
            else
            {
                StratumAssert.Rejected(response, 22);
            }
        }
    }
}
