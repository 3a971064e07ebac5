using Pool.Testing;
using System.Globalization;
using Pool.Stratum.Tests.Support;

namespace Pool.Stratum.Tests.Integration;

/// <summary>Mistakes real pools made, each pinned down by its own test.</summary>
[Category("Integration")]
public class KnownTrapTests
{
    [Test]
    public async Task Duplicate_UpperCaseVariantOfAcceptedShare_Rejected22()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var session = await MinerSession.OpenAsync(server);
        var share = session.Miner.Find(session.Job, 1e-9, extranonce2: 0xabcdef01);
        StratumAssert.Accepted(await session.SubmitAsync(share));

        var upper = share with { Extranonce2 = share.Extranonce2.ToUpperInvariant(), Nonce = share.Nonce.ToUpperInvariant(), Time = share.Time.ToUpperInvariant() };

        StratumAssert.Rejected(await session.SubmitAsync(upper), 22);
        Assert.That(server.Sink.Shares, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Duplicate_UnpaddedNonceVariantOfAcceptedShare_Rejected22()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var session = await MinerSession.OpenAsync(server);
        var share = session.Miner.Find(session.Job, 1e-9, startNonce: 0x1a);
        StratumAssert.Accepted(await session.SubmitAsync(share));

        var unpadded = share with { Nonce = uint.Parse(share.Nonce, NumberStyles.HexNumber, CultureInfo.InvariantCulture).ToString("x", CultureInfo.InvariantCulture) };

        Assert.That(unpadded.Nonce, Has.Length.LessThan(8));
        StratumAssert.Rejected(await session.SubmitAsync(unpadded), 22);
    }

    [Test]
    public async Task Duplicate_SameNonceOtherVersionBits_IsAnotherShare()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var session = await MinerSession.OpenAsync(server);
        await session.Client.CallAsync("mining.configure", "[[\"version-rolling\"],{\"version-rolling.mask\":\"ffffffff\"}]");
        var first = session.Miner.Find(session.Job, 1e-9, versionBits: 0x00002000, versionMask: 0x1fffe000);
        var second = session.Miner.Find(session.Job, 1e-9, versionBits: 0x00004000, versionMask: 0x1fffe000);

        StratumAssert.Accepted(await session.SubmitAsync(first, withVersion: true));
        StratumAssert.Accepted(await session.SubmitAsync(second, withVersion: true));
        StratumAssert.Rejected(await session.SubmitAsync(second, withVersion: true), 22);
    }

    [Test]
    public async Task VersionRolling_RolledShare_HeaderVersionIsJobVersionMaskedWithBits()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var session = await MinerSession.OpenAsync(server);
        await session.Client.CallAsync("mining.configure", "[[\"version-rolling\"],{\"version-rolling.mask\":\"1fffe000\"}]");
        var share = session.Miner.Find(session.Job, 1e-9, versionBits: 0x1fffe000, versionMask: 0x1fffe000);

        StratumAssert.Accepted(await session.SubmitAsync(share, withVersion: true));

        // The share id is the hash of the header the miner built with version (0x20000000 & ~mask) | (bits & mask).
        Assert.That(server.Sink.Shares.Single().ShareId, Is.EqualTo(share.BlockHashDisplayHex));
    }

    [Test]
    public async Task VersionRolling_MaskFromCoinSettings_IsWhatConfigureNegotiates()
    {
        var options = StratumTestServer.DefaultOptions();
        options.VersionRollingMask = 0x00ffe000;
        await using var server = await StratumTestServer.StartAsync(options);
        await using var client = await server.ConnectAsync();

        var response = await client.CallAsync("mining.configure", "[[\"version-rolling\"],{\"version-rolling.mask\":\"1fffe000\"}]");

        Assert.That(response.GetProperty("result").GetProperty("version-rolling.mask").GetString(), Is.EqualTo("00ffe000"));
    }

    [Test]
    public async Task VersionRolling_MinBitCountItCannotMeet_NoDisconnect()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var session = await MinerSession.OpenAsync(server);

        await session.Client.CallAsync("mining.configure",
            "[[\"version-rolling\"],{\"version-rolling.mask\":\"00000001\",\"version-rolling.min-bit-count\":32}]");
        var share = session.Miner.Find(session.Job, 1e-9);

        StratumAssert.Accepted(await session.SubmitAsync(share));
    }

    [Test]
    public async Task ExtranonceSubscribe_UnsubscribedConnection_StillAcknowledged()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var client = await server.ConnectAsync();

        StratumAssert.Accepted(await client.CallAsync("mining.extranonce.subscribe"));
    }

    [Test]
    public async Task Authorize_BeforeSubscribe_JobFollowsSubscribeAndSharesValidate()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var client = await server.ConnectAsync();

        StratumAssert.Accepted(await client.CallAsync("mining.authorize", $"[\"{StratumTestServer.Address}.early\",\"x\"]"));
        var subscribe = await client.CallAsync("mining.subscribe");
        var notify = await client.NotificationAsync("mining.notify");
        var share = TestMiner.FromSubscribe(Core.Pow.Sha256dPow.Instance, subscribe).Find(notify, 1e-9);

        StratumAssert.Accepted(await client.CallAsync("mining.submit", share.SubmitParams(StratumTestServer.Address + ".early")));
    }

    [Test]
    public async Task ConfigureAndSuggestDifficulty_BeforeSubscribe_Served()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var client = await server.ConnectAsync();

        var configure = await client.CallAsync("mining.configure", "[[\"version-rolling\"],{\"version-rolling.mask\":\"1fffe000\"}]");
        var suggest = await client.CallAsync("mining.suggest_difficulty", "[0.002]");
        await client.CallAsync("mining.subscribe");
        await client.CallAsync("mining.authorize", $"[\"{StratumTestServer.Address}\",\"x\"]");

        Assert.That(configure.GetProperty("result").GetProperty("version-rolling").GetBoolean(), Is.True);
        StratumAssert.Accepted(suggest);
        Assert.That((await client.NotificationAsync("mining.set_difficulty")).GetProperty("params")[0].GetDouble(), Is.EqualTo(0.002));
    }

    [Test]
    public void Options_Extranonce2SizeBelowFour_RefusedWithReason()
    {
        var options = StratumTestServer.DefaultOptions();
        options.Extranonce2Size = 2;

        Assert.That(options.Validate(), Has.Some.Contains("Extranonce2Size 2 must be 4 to 8 bytes"));
        Assert.That(options.EnsureValid, Throws.InvalidOperationException.With.Message.Contains("NiceHash"));
    }

    [Test]
    public async Task Difficulty_LoweredAfterJob_EarlierJobSharesStillJudgedAtTheirDifficulty()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var session = await MinerSession.OpenAsync(server, password: "d=0.0001");
        var early = session.Job;
        var earlyShare = session.Miner.Find(early, 0.0001);

        StratumAssert.Accepted(await session.Client.CallAsync("mining.suggest_difficulty", "[1e-9]"));
        server.Jobs.Publish(TestJobs.Create(previousBlockHash: server.Jobs.Current!.PreviousBlockHash, cleanJobs: false));
        await session.Client.NotificationAsync("mining.notify", 2);

        StratumAssert.Accepted(await session.SubmitAsync(earlyShare));
        Assert.That(server.Sink.Shares.Single().Difficulty, Is.EqualTo(0.0001), "credited at the difficulty its job was sent with");
        Assert.That((await session.Client.NotificationAsync("mining.set_difficulty", 2)).GetProperty("params")[0].GetDouble(), Is.EqualTo(1e-9));
    }

    [Test]
    public async Task Difficulty_RaisedAfterJob_InFlightSharesOfEarlierJobAccepted()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var session = await MinerSession.OpenAsync(server);
        var early = session.Job;

        StratumAssert.Accepted(await session.Client.CallAsync("mining.suggest_difficulty", "[0.0001]"));
        server.Jobs.Publish(TestJobs.Create(previousBlockHash: server.Jobs.Current!.PreviousBlockHash, cleanJobs: false));
        var later = await session.Client.NotificationAsync("mining.notify", 2);
        var inFlight = session.Miner.Find(early, 1e-9, failDifficulty: 0.0001);
        var tooEasy = session.Miner.Find(later, 1e-9, failDifficulty: 0.0001);

        StratumAssert.Accepted(await session.SubmitAsync(inFlight));
        StratumAssert.Rejected(await session.SubmitAsync(tooEasy), 23);
    }

    [Test]
    public async Task Stale_ShareOnPreviousBlocksJob_DefaultRejected21()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var session = await MinerSession.OpenAsync(server);
        var share = session.Miner.Find(session.Job, 1e-9);

        server.Jobs.Publish(TestJobs.Create());
        await session.Client.NotificationAsync("mining.notify", 2);

        StratumAssert.Rejected(await session.SubmitAsync(share), 21, "stale");
    }

    [Test]
    public async Task Stale_CreditSettingOn_CreditedButNeverABlock()
    {
        var options = StratumTestServer.DefaultOptions();
        options.CreditStaleShares = true;
        await using var server = await StratumTestServer.StartAsync(options, publishJob: false);
        server.Jobs.Publish(TestJobs.Create(bits: TestJobs.EasyBits));
        await using var session = await MinerSession.OpenAsync(server);
        var share = session.Miner.Find(session.Job, 1e-9);
        while (!share.IsBlock)
        {
            share = session.Miner.Find(session.Job, 1e-9, startNonce: uint.Parse(share.Nonce, NumberStyles.HexNumber, CultureInfo.InvariantCulture) + 1);
        }

        server.Jobs.Publish(TestJobs.Create(bits: TestJobs.EasyBits));
        await session.Client.NotificationAsync("mining.notify", 2);

        StratumAssert.Accepted(await session.SubmitAsync(share));
        Assert.That(server.Submitter.Submitted, Is.Empty);
        Assert.That(server.Sink.Shares.Single().IsBlockCandidate, Is.False);
    }

    [Test]
    public async Task NewJobSameBlock_SharesOfEarlierJob_StillAccepted()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var session = await MinerSession.OpenAsync(server);
        var share = session.Miner.Find(session.Job, 1e-9);

        server.Jobs.Publish(TestJobs.Create(previousBlockHash: server.Jobs.Current!.PreviousBlockHash, cleanJobs: false));
        var second = await session.Client.NotificationAsync("mining.notify", 2);

        Assert.That(second.GetProperty("params")[8].GetBoolean(), Is.False);
        StratumAssert.Accepted(await session.SubmitAsync(share));
    }
}
