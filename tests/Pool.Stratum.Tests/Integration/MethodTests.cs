using System.Text.Json;
using Pool.Stratum.Tests.Support;

namespace Pool.Stratum.Tests.Integration;

[Category("Integration")]
public class MethodTests
{
    [Test]
    public async Task Subscribe_NewConnection_ReturnsSubscriptionsExtranonce1AndSize()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var client = await server.ConnectAsync();

        var response = await client.CallAsync("mining.subscribe", "[\"cpuminer/2.5.1\"]");

        var result = response.GetProperty("result");
        Assert.That(result[0][0][0].GetString(), Is.EqualTo("mining.set_difficulty"));
        Assert.That(result[0][1][0].GetString(), Is.EqualTo("mining.notify"));
        Assert.That(result[1].GetString(), Has.Length.EqualTo(8).And.StartsWith("7a"));
        Assert.That(result[2].GetInt32(), Is.EqualTo(4));
    }

    [Test]
    public async Task Subscribe_TwoConnections_ExtranonceComesFromCounterBehindPrefix()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var first = await server.ConnectAsync();
        await using var second = await server.ConnectAsync();

        var a = Convert.ToUInt32((await first.CallAsync("mining.subscribe")).GetProperty("result")[1].GetString(), 16);
        var b = Convert.ToUInt32((await second.CallAsync("mining.subscribe")).GetProperty("result")[1].GetString(), 16);

        Assert.That(a >> 24, Is.EqualTo(0x7a));
        Assert.That(b >> 24, Is.EqualTo(0x7a));
        Assert.That(b - a, Is.EqualTo(1), "consecutive subscriptions take consecutive counter values");
    }

    [Test]
    public async Task Subscribe_SessionIdAfterReconnect_ResumesSameExtranonce1()
    {
        await using var server = await StratumTestServer.StartAsync();
        string extranonce1;
        await using (var client = await server.ConnectAsync())
        {
            extranonce1 = (await client.CallAsync("mining.subscribe", "[\"cgminer/4.12\"]")).GetProperty("result")[1].GetString()!;
        }

        await server.WaitForConnectionsAsync(0); // the extranonce is released with the connection
        await using var again = await server.ConnectAsync();
        var resumed = await again.CallAsync("mining.subscribe", $"[\"cgminer/4.12\",\"{extranonce1}\"]");

        Assert.That(resumed.GetProperty("result")[1].GetString(), Is.EqualTo(extranonce1));
    }

    [Test]
    public async Task Subscribe_SessionIdHeldByLiveConnection_GetsFreshExtranonce1()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var holder = await server.ConnectAsync();
        var held = (await holder.CallAsync("mining.subscribe")).GetProperty("result")[1].GetString()!;
        await using var other = await server.ConnectAsync();

        var response = await other.CallAsync("mining.subscribe", $"[\"x\",\"{held}\"]");

        Assert.That(response.GetProperty("result")[1].GetString(), Is.Not.EqualTo(held));
    }

    [Test]
    public async Task Authorize_ValidAddress_TrueThenDifficultyAndJob()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var client = await server.ConnectAsync();
        await client.CallAsync("mining.subscribe");

        var response = await client.CallAsync("mining.authorize", $"[\"{StratumTestServer.Address}.rig1\",\"x\"]");

        StratumAssert.Accepted(response);
        var difficulty = await client.NotificationAsync("mining.set_difficulty");
        var notify = await client.NotificationAsync("mining.notify");
        Assert.That(difficulty.GetProperty("params")[0].GetDouble(), Is.EqualTo(1e-9));
        Assert.That(notify.GetProperty("params")[0].GetString(), Is.EqualTo(server.Jobs.Current!.JobId));
        Assert.That(notify.GetProperty("params")[8].GetBoolean(), Is.True);
    }

    [Test]
    public async Task Authorize_InvalidAddress_Error24WithReason()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var client = await server.ConnectAsync();
        await client.CallAsync("mining.subscribe");

        var response = await client.CallAsync("mining.authorize", "[\"1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2.rig\",\"x\"]");

        StratumAssert.Rejected(response, 24, "not a regtest bech32 address");
        Assert.That(client.CountNotifications("mining.notify"), Is.Zero);
    }

    [Test]
    public async Task Authorize_PasswordDifficulty_SetsStartingDifficulty()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var session = await MinerSession.OpenAsync(server, password: "d=0.001");

        var difficulty = await session.Client.NotificationAsync("mining.set_difficulty");

        Assert.That(difficulty.GetProperty("params")[0].GetDouble(), Is.EqualTo(0.001));
    }

    [Test]
    public async Task Authorize_BadPasswordDifficulty_Error24SaysWhatToUse()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var client = await server.ConnectAsync();

        var response = await client.CallAsync("mining.authorize", $"[\"{StratumTestServer.Address}\",\"d=abc\"]");

        StratumAssert.Rejected(response, 24, "d=16");
    }

    [Test]
    public async Task Authorize_TokenAddressInPassword_StoredForTheMiner()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var client = await server.ConnectAsync();
        const string token = "0x52908400098527886E0F7030069857D2E4169EE7";

        var response = await client.CallAsync("mining.authorize", $"[\"{StratumTestServer.Address}.a\",\"d=1,eth={token}\"]");

        StratumAssert.Accepted(response);
        Assert.That(server.TokenBook.Addresses[StratumTestServer.Address], Is.EqualTo(token));
    }

    [Test]
    public async Task Authorize_InvalidTokenAddress_ErrorCarriesAddressBookMessage()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var client = await server.ConnectAsync();

        var response = await client.CallAsync("mining.authorize", $"[\"{StratumTestServer.Address}\",\"eth=0x1234\"]");

        StratumAssert.Rejected(response, 20, "is not 0x followed by 40 hex digits");
    }

    [Test]
    public async Task Authorize_ManyWorkersOneAddress_EachWorkerSubmits()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var session = await MinerSession.OpenAsync(server, worker: StratumTestServer.Address + ".rig1");
        StratumAssert.Accepted(await session.Client.CallAsync("mining.authorize", $"[\"{StratumTestServer.Address}.rig2\",\"x\"]"));

        var first = session.Miner.Find(session.Job, 1e-9, extranonce2: 1);
        var second = session.Miner.Find(session.Job, 1e-9, extranonce2: 2);
        StratumAssert.Accepted(await session.Client.CallAsync("mining.submit", first.SubmitParams(StratumTestServer.Address + ".rig1")));
        StratumAssert.Accepted(await session.Client.CallAsync("mining.submit", second.SubmitParams(StratumTestServer.Address + ".rig2")));

        Assert.That(server.Sink.Shares.Select(s => s.Worker), Is.EquivalentTo(new[] { "rig1", "rig2" }));
        Assert.That(server.Sink.Shares.Select(s => s.Miner).Distinct(), Is.EqualTo(new[] { StratumTestServer.Address }));
    }

    [Test]
    public async Task Configure_VersionRolling_AnswersPoolMaskAndMinerMask()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var client = await server.ConnectAsync();

        var response = await client.CallAsync("mining.configure",
            "[[\"version-rolling\"],{\"version-rolling.mask\":\"ffffffff\",\"version-rolling.min-bit-count\":2}]");
        var narrower = await client.CallAsync("mining.configure",
            "[[\"version-rolling\"],{\"version-rolling.mask\":\"00fff000\",\"version-rolling.min-bit-count\":2}]");

        Assert.That(response.GetProperty("result").GetProperty("version-rolling").GetBoolean(), Is.True);
        Assert.That(response.GetProperty("result").GetProperty("version-rolling.mask").GetString(), Is.EqualTo("1fffe000"));
        Assert.That(narrower.GetProperty("result").GetProperty("version-rolling.mask").GetString(), Is.EqualTo("00ffe000"));
    }

    [Test]
    public async Task Configure_MinBitCountAboveMask_AnsweredAndConnectionStays()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var client = await server.ConnectAsync();

        var response = await client.CallAsync("mining.configure",
            "[[\"version-rolling\"],{\"version-rolling.mask\":\"00006000\",\"version-rolling.min-bit-count\":16}]");
        var subscribe = await client.CallAsync("mining.subscribe");

        Assert.That(response.GetProperty("result").GetProperty("version-rolling.mask").GetString(), Is.EqualTo("00006000"));
        Assert.That(subscribe.GetProperty("result")[2].GetInt32(), Is.EqualTo(4));
    }

    [Test]
    public async Task Configure_MinimumDifficultyAndSubscribeExtranonce_AcknowledgedAndFloorApplies()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var client = await server.ConnectAsync();

        var response = await client.CallAsync("mining.configure",
            "[[\"minimum-difficulty\",\"subscribe-extranonce\"],{\"minimum-difficulty.value\":0.5}]");
        await client.CallAsync("mining.subscribe");
        await client.CallAsync("mining.authorize", $"[\"{StratumTestServer.Address}\",\"x\"]");
        var difficulty = await client.NotificationAsync("mining.set_difficulty");

        Assert.That(response.GetProperty("result").GetProperty("minimum-difficulty").GetBoolean(), Is.True);
        Assert.That(response.GetProperty("result").GetProperty("subscribe-extranonce").GetBoolean(), Is.True);
        Assert.That(difficulty.GetProperty("params")[0].GetDouble(), Is.EqualTo(0.5));
    }

    [Test]
    public async Task ExtranonceSubscribe_BeforeAndAfterSubscribe_AlwaysTrue()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var client = await server.ConnectAsync();

        var before = await client.CallAsync("mining.extranonce.subscribe");
        await client.CallAsync("mining.subscribe");
        var after = await client.CallAsync("mining.extranonce.subscribe");

        StratumAssert.Accepted(before);
        StratumAssert.Accepted(after);
    }

    [Test]
    public async Task SuggestDifficulty_BeforeSubscribe_FirstJobCarriesIt()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var client = await server.ConnectAsync();

        StratumAssert.Accepted(await client.CallAsync("mining.suggest_difficulty", "[0.25]"));
        await client.CallAsync("mining.subscribe");
        await client.CallAsync("mining.authorize", $"[\"{StratumTestServer.Address}\",\"x\"]");
        var difficulty = await client.NotificationAsync("mining.set_difficulty");

        Assert.That(difficulty.GetProperty("params")[0].GetDouble(), Is.EqualTo(0.25));
    }

    [Test]
    public async Task SuggestDifficulty_NotANumber_Error20()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var client = await server.ConnectAsync();

        StratumAssert.Rejected(await client.CallAsync("mining.suggest_difficulty", "[\"lots\"]"), 20, "positive number");
    }

    [Test]
    public async Task UnknownMethod_Error20_ConnectionStaysUsable()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var client = await server.ConnectAsync();

        var unknown = await client.CallAsync("mining.get_transactions", "[\"1\"]");
        var subscribe = await client.CallAsync("mining.subscribe");

        StratumAssert.Rejected(unknown, 20, "unknown method");
        Assert.That(subscribe.GetProperty("result")[1].GetString(), Has.Length.EqualTo(8));
    }

    [Test]
    public async Task InvalidJson_JsonRpcError_ConnectionStaysUsable()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var client = await server.ConnectAsync();

        await client.SendLineAsync("{\"id\":77,\"method\":\"mining.subscribe\",\"params\":[");
        var truncated = await client.ResponseAsync("77");
        await client.SendLineAsync("this is not json");
        var garbage = await client.NullIdResponseAsync();
        var subscribe = await client.CallAsync("mining.subscribe");

        StratumAssert.Rejected(truncated, 20, "invalid JSON");
        StratumAssert.Rejected(garbage, 20, "invalid");
        Assert.That(subscribe.GetProperty("result")[2].GetInt32(), Is.EqualTo(4));
    }

    [Test]
    public async Task Request_StringId_EchoedAsString()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var client = await server.ConnectAsync();

        await client.SendLineAsync("{\"id\":\"abc\",\"method\":\"mining.extranonce.subscribe\",\"params\":[]}");
        var response = await client.ResponseAsync("abc");

        Assert.That(response.GetProperty("id").ValueKind, Is.EqualTo(JsonValueKind.String));
        StratumAssert.Accepted(response);
    }
}
