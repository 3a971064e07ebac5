using Pool.Testing;
using Pool.Core.Pow;
using Pool.Stratum.Tests.Support;

namespace Pool.Stratum.Tests.Integration;

/// <summary>Sessions written the way well-known miners speak, byte for byte in their JSON style; their shares must validate.</summary>
[Category("Integration")]
public class MinerTranscriptTests
{
    [Test]
    public async Task CpuminerStyle_ScryptSubscribeAuthorizeSubmit_SharesAccepted()
    {
        await using var server = await StratumTestServer.StartAsync(pow: ScryptPow.Instance);
        await using var client = await server.ConnectAsync();

        await client.SendLineAsync("{\"id\": 1, \"method\": \"mining.subscribe\", \"params\": [\"cpuminer/2.5.1\"]}");
        var subscribe = await client.ResponseAsync("1");
        await client.SendLineAsync($"{{\"id\": 2, \"method\": \"mining.authorize\", \"params\": [\"{StratumTestServer.Address}\", \"x\"]}}");
        StratumAssert.Accepted(await client.ResponseAsync("2"));
        var notify = await client.NotificationAsync("mining.notify");
        var miner = TestMiner.FromSubscribe(ScryptPow.Instance, subscribe);
        for (var i = 0; i < 3; i++)
        {
            var share = miner.Find(notify, 1e-9, extranonce2: (ulong)i);
            await client.SendLineAsync($"{{\"method\": \"mining.submit\", \"params\": {share.SubmitParams(StratumTestServer.Address)}, \"id\":{4 + i}}}");
            StratumAssert.Accepted(await client.ResponseAsync((4 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        Assert.That(server.Sink.Shares.Select(s => s.Worker), Is.All.Empty);
        Assert.That(server.Sink.Shares, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task CgminerStyle_ConfigureVersionRollingThenSubmitWithVersionBits_SharesAccepted()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var client = await server.ConnectAsync();

        await client.SendLineAsync("{\"id\": 1, \"method\": \"mining.configure\", \"params\": [[\"version-rolling\"], {\"version-rolling.mask\": \"ffffffff\", \"version-rolling.min-bit-count\": 2}]}");
        var configure = await client.ResponseAsync("1");
        await client.SendLineAsync("{\"id\": 2, \"method\": \"mining.subscribe\", \"params\": [\"bfgminer/5.5.0\", null]}");
        var subscribe = await client.ResponseAsync("2");
        await client.SendLineAsync($"{{\"id\": 3, \"method\": \"mining.authorize\", \"params\": [\"{StratumTestServer.Address}.s9\", \"x\"]}}");
        StratumAssert.Accepted(await client.ResponseAsync("3"));
        var notify = await client.NotificationAsync("mining.notify");
        var mask = Convert.ToUInt32(configure.GetProperty("result").GetProperty("version-rolling.mask").GetString(), 16);
        var miner = TestMiner.FromSubscribe(Sha256dPow.Instance, subscribe);
        var rolls = new uint[] { 0x00002000, 0x00e00000, 0x1fffe000 };
        for (var i = 0; i < rolls.Length; i++)
        {
            var share = miner.Find(notify, 1e-9, versionBits: rolls[i], versionMask: mask);
            await client.SendLineAsync($"{{\"params\": {share.SubmitParams(StratumTestServer.Address + ".s9", withVersion: true)}, \"id\": {10 + i}, \"method\": \"mining.submit\"}}");
            StratumAssert.Accepted(await client.ResponseAsync((10 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        Assert.That(mask, Is.EqualTo(0x1fffe000));
        Assert.That(server.Sink.Shares, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task AsicFirmwareStyle_ExtranonceSubscribeAndSuggestDifficulty_SharesAtSuggestedDifficultyAccepted()
    {
        await using var server = await StratumTestServer.StartAsync();
        await using var client = await server.ConnectAsync();

        await client.SendLineAsync("{\"id\":0,\"method\":\"mining.subscribe\",\"params\":[\"bmminer/2.0.0\"]}");
        var subscribe = await client.ResponseAsync("0");
        await client.SendLineAsync("{\"id\":1,\"method\":\"mining.extranonce.subscribe\",\"params\":[]}");
        StratumAssert.Accepted(await client.ResponseAsync("1"));
        await client.SendLineAsync($"{{\"id\":2,\"method\":\"mining.authorize\",\"params\":[\"{StratumTestServer.Address}.antminer_1\",\"123\"]}}");
        StratumAssert.Accepted(await client.ResponseAsync("2"));
        await client.SendLineAsync("{\"id\":3,\"method\":\"mining.suggest_difficulty\",\"params\":[0.00001]}");
        StratumAssert.Accepted(await client.ResponseAsync("3"));

        server.Jobs.Publish(TestJobs.Create(previousBlockHash: server.Jobs.Current!.PreviousBlockHash, cleanJobs: false));
        var difficulty = await client.NotificationAsync("mining.set_difficulty", 2);
        var notify = await client.NotificationAsync("mining.notify", 2);
        var miner = TestMiner.FromSubscribe(Sha256dPow.Instance, subscribe);
        var share = miner.Find(notify, 0.00001);
        await client.SendLineAsync($"{{\"id\":4,\"method\":\"mining.submit\",\"params\":{share.SubmitParams(StratumTestServer.Address + ".antminer_1")}}}");

        Assert.That(difficulty.GetProperty("params")[0].GetDouble(), Is.EqualTo(0.00001));
        StratumAssert.Accepted(await client.ResponseAsync("4"));
        Assert.That(server.Sink.Shares.Single().Difficulty, Is.EqualTo(0.00001));
    }
}
