using Pool.Testing;
using System.Net;
using Microsoft.Extensions.Logging;
using Pool.Stratum.Options;
using Pool.Stratum.Tests.Support;

namespace Pool.Stratum.Tests.Integration;

[Category("Integration")]
public class ConnectionPolicyTests
{
    [Test]
    public async Task Connection_NeverSubscribes_ClosedAfterTimeout()
    {
        // The server's clock moves only when the test says so: however slow the machine, the subscribed client cannot
        // run out of time while it connects and subscribes, and the idle one is past its time once the clock moves.
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var options = StratumTestServer.DefaultOptions();
        options.SubscribeTimeout = TimeSpan.FromMilliseconds(300);
        await using var server = await StratumTestServer.StartAsync(options, time: clock);
        await using var subscribed = await server.ConnectAsync();
        await subscribed.CallAsync("mining.subscribe");
        await using var idle = await server.ConnectAsync();
        await Eventually.HoldsAsync(() => server.Server.ConnectionCount == 2, "the server to hold both connections");

        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.That(await idle.WaitClosedAsync(TimeSpan.FromSeconds(15)), Is.True);
        Assert.That(subscribed.Closed.IsCompleted, Is.False);
        StratumAssert.Accepted(await subscribed.CallAsync("mining.extranonce.subscribe"));
    }

    [Test]
    public async Task Connections_OverPerIpLimit_Refused()
    {
        var options = StratumTestServer.DefaultOptions();
        options.MaxConnectionsPerIp = 3;
        await using var server = await StratumTestServer.StartAsync(options);
        var held = new List<StratumTestClient>();
        for (var i = 0; i < 3; i++)
        {
            held.Add(await server.ConnectAsync());
            await held[^1].CallAsync("mining.subscribe");
        }

        await using var extra = await server.ConnectAsync();

        Assert.That(await extra.WaitClosedAsync(TimeSpan.FromSeconds(15)), Is.True);
        Assert.That(server.Server.Counters.ConnectionsRefused, Is.EqualTo(1));
        await held[0].DisposeAsync();
        await server.WaitForConnectionsAsync(2);
        await using var after = await server.ConnectAsync();
        StratumAssert.Accepted(await after.CallAsync("mining.extranonce.subscribe"));
        foreach (var client in held.Skip(1))
        {
            await client.DisposeAsync();
        }
    }

    [Test]
    public async Task InvalidShares_OverRatio_AddressBannedVisiblyAndBanExpires()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var options = StratumTestServer.DefaultOptions();
        options.Bans = new BanOptions { MinimumShares = 6, InvalidShareRatio = 0.5, Duration = TimeSpan.FromMinutes(10) };
        await using var server = await StratumTestServer.StartAsync(options, time: clock);
        var banned = new List<IPAddress>();
        server.Server.AddressBanned += (address, _) => banned.Add(address);
        await using var session = await MinerSession.OpenAsync(server);
        await using var bystander = await server.ConnectAsync();
        await bystander.CallAsync("mining.subscribe");
        StratumAssert.Accepted(await session.SubmitAsync(session.Miner.Find(session.Job, 1e-9, extranonce2: 1)));
        StratumAssert.Accepted(await session.SubmitAsync(session.Miner.Find(session.Job, 1e-9, extranonce2: 2)));

        for (var i = 0; i < 4; i++)
        {
            StratumAssert.Rejected(await session.Client.CallAsync("mining.submit", $"[\"{session.Worker}\",\"bogus\",\"00000000\",\"00000000\",\"00000000\"]"), 21);
        }

        Assert.That(await session.Client.WaitClosedAsync(TimeSpan.FromSeconds(15)), Is.True, "the banned miner is disconnected");
        Assert.That(await bystander.WaitClosedAsync(TimeSpan.FromSeconds(15)), Is.True, "every connection of the address goes");
        Assert.That(banned, Is.EqualTo(new[] { IPAddress.Loopback }));
        Assert.That(server.Server.Counters.Bans, Is.EqualTo(1));
        Assert.That(server.Logs.Entries, Has.Some.Matches<(LogLevel Level, string Category, string Message)>(
            e => e.Level == LogLevel.Warning && e.Message.StartsWith("Banned 127.0.0.1", StringComparison.Ordinal)));
        await using (var refused = await server.ConnectAsync())
        {
            Assert.That(await refused.WaitClosedAsync(TimeSpan.FromSeconds(15)), Is.True, "new connections are refused while banned");
        }

        clock.Advance(TimeSpan.FromMinutes(11));

        Assert.That(server.Server.IsBanned(IPAddress.Loopback), Is.False);
        Assert.That(server.Logs.Entries, Has.Some.Matches<(LogLevel Level, string Category, string Message)>(e => e.Message.Contains("expired", StringComparison.Ordinal)));
        await HostileInputTests.AssertValidMinerWorksAsync(server);
    }

    [Test]
    public async Task StopAsync_SubmitInFlight_AnsweredThenClosed()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var session = await MinerSession.OpenAsync(server);
        server.Sink.Delay = TimeSpan.FromMilliseconds(500);
        var share = session.Miner.Find(session.Job, 1e-9);

        var answer = session.SubmitAsync(share);
        await server.Sink.Entered.Task;
        await server.Server.StopAsync();

        StratumAssert.Accepted(await answer);
        Assert.That(server.Sink.Shares, Has.Count.EqualTo(1));
        Assert.That(await session.Client.WaitClosedAsync(TimeSpan.FromSeconds(15)), Is.True);
        Assert.That(async () => await server.ConnectAsync(), Throws.InstanceOf<System.Net.Sockets.SocketException>());
    }

    [Test]
    public async Task Ports_EachWithOwnStartingDifficulty_NewConnectionsStartThere()
    {
        var options = StratumTestServer.DefaultOptions();
        options.Ports.Add(new StratumPortOptions { Address = "127.0.0.1", Port = 0, StartingDifficulty = 0.5 });
        await using var server = await StratumTestServer.StartAsync(options);
        await using var low = await StratumTestClient.ConnectAsync(server.Server.BoundEndPoints[0].Port);
        await using var high = await StratumTestClient.ConnectAsync(server.Server.BoundEndPoints[1].Port);

        foreach (var client in new[] { low, high })
        {
            await client.CallAsync("mining.subscribe");
            await client.CallAsync("mining.authorize", $"[\"{StratumTestServer.Address}\",\"x\"]");
        }

        Assert.That((await low.NotificationAsync("mining.set_difficulty")).GetProperty("params")[0].GetDouble(), Is.EqualTo(1e-9));
        Assert.That((await high.NotificationAsync("mining.set_difficulty")).GetProperty("params")[0].GetDouble(), Is.EqualTo(0.5));
    }

    [Test]
    public void Options_Invalid_EveryProblemListedWithAFix()
    {
        var options = new StratumOptions
        {
            Ports = [new StratumPortOptions { Address = "localhost", Port = 70000, StartingDifficulty = 0, CertificatePath = "/nonexistent.pfx" }],
            MaxLineBytes = 10,
            Vardiff = new VardiffOptions { MinDifficulty = 2, MaxDifficulty = 1, MaxStepFactor = 1 },
            Bans = new BanOptions { InvalidShareRatio = 2 },
        };

        var problems = options.Validate();

        Assert.That(problems, Has.Some.Contains("Ports[0].Address 'localhost' is not an IP address"));
        Assert.That(problems, Has.Some.Contains("Ports[0].Port 70000 is out of range"));
        Assert.That(problems, Has.Some.Contains("StartingDifficulty 0 must be a positive number"));
        Assert.That(problems, Has.Some.Contains("CertificatePath '/nonexistent.pfx' does not exist"));
        Assert.That(problems, Has.Some.Contains("MaxLineBytes 10"));
        Assert.That(problems, Has.Some.Contains("Vardiff.MinDifficulty (2) must be positive and not above Vardiff.MaxDifficulty (1)"));
        Assert.That(problems, Has.Some.Contains("Vardiff.MaxStepFactor (1) must be greater than 1"));
        Assert.That(problems, Has.Some.Contains("Bans.InvalidShareRatio (2)"));
    }
}
