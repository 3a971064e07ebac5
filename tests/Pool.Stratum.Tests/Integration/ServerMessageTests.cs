using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Pool.Core.Pow;
using Pool.Stratum.Options;
using Pool.Stratum.Tests.Support;
using Pool.Testing;

namespace Pool.Stratum.Tests.Integration;

[Category("Integration")]
public class ServerMessageTests
{
    [Test]
    public async Task ShowMessageAndReconnect_SentToSubscribedMiners()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var session = await MinerSession.OpenAsync(server);

        Assert.That(server.Server.ShowMessage("maintenance at noon"), Is.EqualTo(1));
        Assert.That(server.Server.RequestReconnect("127.0.0.1", 3334, 5), Is.EqualTo(1));

        var message = await session.Client.NotificationAsync("client.show_message");
        var reconnect = await session.Client.NotificationAsync("client.reconnect");
        Assert.That(message.GetProperty("params")[0].GetString(), Is.EqualTo("maintenance at noon"));
        Assert.That(reconnect.GetProperty("params")[0].GetString(), Is.EqualTo("127.0.0.1"));
        Assert.That(reconnect.GetProperty("params")[1].GetInt32(), Is.EqualTo(3334));
        Assert.That(reconnect.GetProperty("params")[2].GetInt32(), Is.EqualTo(5));
    }

    [Test]
    public async Task SetVersionRollingMask_RollingMiner_GetsNewMaskAndItIsEnforced()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var session = await MinerSession.OpenAsync(server);
        await session.Client.CallAsync("mining.configure", "[[\"version-rolling\"],{\"version-rolling.mask\":\"1fffe000\"}]");

        Assert.That(server.Server.SetVersionRollingMask(0x0000e000), Is.EqualTo(1));
        var notice = await session.Client.NotificationAsync("mining.set_version_mask");
        var outside = session.Miner.Find(session.Job, 1e-9, versionBits: 0x00ff0000, versionMask: 0x1fffe000);
        var inside = session.Miner.Find(session.Job, 1e-9, versionBits: 0x0000a000, versionMask: 0x0000e000);

        Assert.That(notice.GetProperty("params")[0].GetString(), Is.EqualTo("0000e000"));
        StratumAssert.Rejected(await session.SubmitAsync(outside, withVersion: true), 20, "mask");
        StratumAssert.Accepted(await session.SubmitAsync(inside, withVersion: true));
    }

    [Test]
    public async Task RenewExtranonces_SubscribedMiner_NewExtranonceAndCleanJobThenSharesValidate()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var session = await MinerSession.OpenAsync(server);
        await session.Client.CallAsync("mining.extranonce.subscribe");
        var oldExtranonce = session.Miner.Extranonce1Hex;

        Assert.That(server.Server.RenewExtranonces(), Is.EqualTo(1));
        var change = await session.Client.NotificationAsync("mining.set_extranonce");
        var job = await session.Client.NotificationAsync("mining.notify", 2);
        var newExtranonce = change.GetProperty("params")[0].GetString()!;
        session.Miner.Extranonce1Hex = newExtranonce;
        var newShare = session.Miner.Find(job, 1e-9, extranonce2: 7);

        Assert.That(newExtranonce, Is.Not.EqualTo(oldExtranonce).And.StartsWith("7a"));
        Assert.That(change.GetProperty("params")[1].GetInt32(), Is.EqualTo(4));
        Assert.That(job.GetProperty("params")[8].GetBoolean(), Is.True, "work from before the change is dropped");
        StratumAssert.Accepted(await session.SubmitAsync(newShare));
    }

    [Test]
    public async Task FirstJob_ArrivesAfterMinerIsReady_SentWithDifficulty()
    {
        await using var server = await StratumTestServer.StartAsync(publishJob: false);
        await using var client = await server.ConnectAsync();
        await client.CallAsync("mining.subscribe");
        StratumAssert.Accepted(await client.CallAsync("mining.authorize", $"[\"{StratumTestServer.Address}\",\"x\"]"));
        Assert.That(client.CountNotifications("mining.notify"), Is.Zero);

        server.Jobs.Publish(TestJobs.Create());

        var notify = await client.NotificationAsync("mining.notify");
        Assert.That(notify.GetProperty("params")[0].GetString(), Is.EqualTo(server.Jobs.Current!.JobId));
        Assert.That(client.CountNotifications("mining.set_difficulty"), Is.EqualTo(1));
    }

    [Test]
    public async Task Counters_MixedSubmits_CountedByReason()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var session = await MinerSession.OpenAsync(server);
        var share = session.Miner.Find(session.Job, 1e-9);

        StratumAssert.Accepted(await session.SubmitAsync(share));
        await session.SubmitAsync(share);
        await session.SubmitAsync(share with { JobId = "gone" });
        await session.SubmitAsync(share with { Nonce = "xyz" });

        var counters = server.Server.Counters;
        Assert.That(counters.SharesAccepted, Is.EqualTo(1));
        Assert.That(counters.SharesRejected(Shares.ShareRejectReason.Duplicate), Is.EqualTo(1));
        Assert.That(counters.SharesRejected(Shares.ShareRejectReason.JobNotFound), Is.EqualTo(1));
        Assert.That(counters.SharesRejected(Shares.ShareRejectReason.Malformed), Is.EqualTo(1));
        Assert.That(counters.ConnectionsCurrent, Is.EqualTo(1));
    }

    [Test]
    public async Task TlsPort_CertificateFromFileWithPasswordFromEnvironment_ServesMiners()
    {
        using var directory = new TempDirectory();
        var certificatePath = Path.Combine(directory.Path, "pool.pfx");
        var variable = "POOL_TEST_CERT_PASSWORD_" + Guid.NewGuid().ToString("N");
        const string password = "test-only-password";
        using (var key = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            await File.WriteAllBytesAsync(certificatePath, certificate.Export(X509ContentType.Pfx, password));
        }

        Environment.SetEnvironmentVariable(variable, password);
        try
        {
            var options = StratumTestServer.DefaultOptions();
            options.Ports = [new StratumPortOptions { Address = "127.0.0.1", Port = 0, StartingDifficulty = 1e-9, CertificatePath = certificatePath, CertificatePasswordEnvironmentVariable = variable }];
            await using var server = await StratumTestServer.StartAsync(options);
            using var tcp = new System.Net.Sockets.TcpClient();
            await tcp.ConnectAsync("127.0.0.1", server.Port);
            var ssl = new SslStream(tcp.GetStream(), false, (_, _, _, _) => true);
            await ssl.AuthenticateAsClientAsync("127.0.0.1");
            await using var client = StratumTestClient.Over(ssl);

            var subscribe = await client.CallAsync("mining.subscribe", "[\"tls-miner\"]");
            StratumAssert.Accepted(await client.CallAsync("mining.authorize", $"[\"{StratumTestServer.Address}\",\"x\"]"));
            var notify = await client.NotificationAsync("mining.notify");
            var share = TestMiner.FromSubscribe(Sha256dPow.Instance, subscribe).Find(notify, 1e-9);

            StratumAssert.Accepted(await client.CallAsync("mining.submit", share.SubmitParams(StratumTestServer.Address)));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Test]
    public async Task Vardiff_MinerFloodingShares_DifficultyRaisedFromNextJob()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var session = await MinerSession.OpenAsync(server);
        for (var i = 0; i < 40; i++)
        {
            StratumAssert.Accepted(await session.SubmitAsync(session.Miner.Find(session.Job, 1e-9, extranonce2: (ulong)i)));
        }

        server.Jobs.Publish(TestJobs.Create(previousBlockHash: server.Jobs.Current!.PreviousBlockHash, cleanJobs: false));
        var raised = await session.Client.NotificationAsync("mining.set_difficulty", 2);

        Assert.That(raised.GetProperty("params")[0].GetDouble(), Is.GreaterThan(1e-9));
        Assert.That(server.Server.Counters.VardiffRetargets, Is.GreaterThanOrEqualTo(1));
    }
}
