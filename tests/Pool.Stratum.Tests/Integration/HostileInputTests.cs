using Pool.Testing;
using System.Net.Sockets;
using System.Text;
using Pool.Stratum.Tests.Support;

namespace Pool.Stratum.Tests.Integration;

/// <summary>Garbage, truncation, floods and slow writers: the server stays up and a valid miner keeps working.</summary>
[Category("Integration")]
public class HostileInputTests
{
    [Test]
    public async Task RandomBytes_ManyConnections_ServerStaysUpAndValidMinerWorks()
    {
        await using var server = await StratumTestServer.StartAsync();
        var random = new Random(42);
        for (var i = 0; i < 20; i++)
        {
            await using var client = await server.ConnectAsync();
            var bytes = new byte[random.Next(1, 3000)];
            random.NextBytes(bytes);
            if (i % 2 == 0)
            {
                bytes[bytes.Length / 2] = (byte)'\n';
            }

            await client.SendRawAsync(bytes);
        }

        await AssertValidMinerWorksAsync(server);
    }

    [Test]
    public async Task TruncatedMessages_EachAnsweredWithErrorOrIgnored_ServerStaysUp()
    {
        await using var server = await StratumTestServer.StartAsync();
        const string valid = "{\"id\":5,\"method\":\"mining.subscribe\",\"params\":[\"x\"]}";
        for (var cut = 1; cut < valid.Length; cut += 7)
        {
            await using var client = await server.ConnectAsync();
            await client.SendLineAsync(valid[..cut]);
            await client.SendRawAsync(Encoding.UTF8.GetBytes(valid[..cut]));
        }

        await AssertValidMinerWorksAsync(server);
    }

    [Test]
    public async Task HugeLine_OverLimit_ConnectionClosedServerStaysUp()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var client = await server.ConnectAsync();

        await client.SendRawAsync(Encoding.UTF8.GetBytes("{\"id\":1,\"method\":\"" + new string('a', 5000)));

        Assert.That(await client.WaitClosedAsync(TimeSpan.FromSeconds(5)), Is.True);
        await AssertValidMinerWorksAsync(server);
    }

    [Test]
    public async Task HugeLine_WithNewlineOverLimit_ConnectionClosed()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var client = await server.ConnectAsync();

        await client.SendLineAsync("{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[\"" + new string('a', 4200) + "\"]}");

        Assert.That(await client.WaitClosedAsync(TimeSpan.FromSeconds(5)), Is.True);
    }

    [Test]
    public async Task ValidMessages_WrittenOneByteAtATime_ServedNormally()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var client = await server.ConnectAsync();

        await WriteSlowlyAsync(client, "{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[\"slow/1\"]}\r\n");
        var subscribe = await client.ResponseAsync("1");
        await WriteSlowlyAsync(client, $"{{\"id\":2,\"method\":\"mining.authorize\",\"params\":[\"{StratumTestServer.Address}\",\"x\"]}}\n");
        StratumAssert.Accepted(await client.ResponseAsync("2"));
        var notify = await client.NotificationAsync("mining.notify");
        var share = TestMiner.FromSubscribe(Core.Pow.Sha256dPow.Instance, subscribe).Find(notify, 1e-9);
        await WriteSlowlyAsync(client, $"{{\"id\":3,\"method\":\"mining.submit\",\"params\":{share.SubmitParams(StratumTestServer.Address)}}}\n");

        StratumAssert.Accepted(await client.ResponseAsync("3"));
    }

    [Test]
    public async Task ManyConnections_OpenedAndDropped_ServerStaysUpAndForgetsThem()
    {
        await using var server = await StratumTestServer.StartAsync();
        var sockets = new List<TcpClient>();
        for (var i = 0; i < 200; i++)
        {
            var tcp = new TcpClient();
            await tcp.ConnectAsync("127.0.0.1", server.Port);
            if (i % 3 == 0)
            {
                await tcp.GetStream().WriteAsync(Encoding.UTF8.GetBytes("{\"id\":1,\"method\":\"mining.subscribe\""));
            }

            sockets.Add(tcp);
        }

        foreach (var tcp in sockets)
        {
            if (sockets.IndexOf(tcp) % 2 == 0)
            {
                tcp.Client.LingerState = new LingerOption(true, 0); // a reset rather than a clean close
            }

            tcp.Dispose();
        }

        await AssertValidMinerWorksAsync(server);
        await server.WaitForConnectionsAsync(0);

        Assert.That(server.Server.Counters.ConnectionsOpened, Is.EqualTo(201));
    }

    [Test]
    public async Task SlowReader_NeverReadsNotifications_DisconnectedOthersUnaffected()
    {
        await using var server = await StratumTestServer.StartAsync();
        using var tcp = new TcpClient { ReceiveBufferSize = 4096 };
        await tcp.ConnectAsync("127.0.0.1", server.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(
            $"{{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[]}}\n{{\"id\":2,\"method\":\"mining.authorize\",\"params\":[\"{StratumTestServer.Address}\",\"x\"]}}\n"));
        var seen = new StringBuilder();
        var chunk = new byte[256];
        while (!seen.ToString().Contains("\"id\":2", StringComparison.Ordinal))
        {
            // Read only until authorized; from then on this miner never reads again.
            var read = await stream.ReadAsync(chunk);
            Assert.That(read, Is.Positive);
            seen.Append(Encoding.UTF8.GetString(chunk, 0, read));
        }

        await using var reader = await MinerSession.OpenAsync(server, worker: StratumTestServer.Address + ".reader");

        var previous = server.Jobs.Current!.PreviousBlockHash;
        for (var i = 1; i <= 20000 && server.Server.ConnectionCount > 1; i++)
        {
            server.Jobs.Publish(TestJobs.Create(previousBlockHash: previous, cleanJobs: false, branchLength: 12));
            if (i % 50 == 0)
            {
                // Jobs come seconds apart in real life: let the reading miner keep up, as it would.
                await reader.Client.NotificationAsync("mining.notify", i + 1);
            }
        }

        Assert.That(server.Server.ConnectionCount, Is.EqualTo(1), "the connection that does not read is dropped");
        var last = await reader.Client.NotificationAsync("mining.notify", reader.Client.CountNotifications("mining.notify"));
        var share = reader.Miner.Find(last, 1e-9);
        StratumAssert.Accepted(await reader.SubmitAsync(share));
    }

    private static async Task WriteSlowlyAsync(StratumTestClient client, string text)
    {
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            await client.SendRawAsync([b]);
        }
    }

    internal static async Task AssertValidMinerWorksAsync(StratumTestServer server)
    {
        await using var session = await MinerSession.OpenAsync(server, worker: StratumTestServer.Address + ".check");
        var share = session.Miner.Find(session.Job, 1e-9, extranonce2: (ulong)Random.Shared.NextInt64(uint.MaxValue));
        StratumAssert.Accepted(await session.SubmitAsync(share));
    }
}
