using System.Text.Json;
using Pool.Core.Pow;
using Pool.Host.Tests.Support;
using Pool.Ledger;
using Pool.Ledger.Redis;
using Pool.Testing;
using StackExchange.Redis;

namespace Pool.Host.Tests.EndToEnd;

/// <summary>The whole pool against real servers: two litecoind regtest nodes, redis-server and the `pool run` process.</summary>
[Category("Integration")]
[NonParallelizable]
public partial class LitecoinPoolEndToEndTests
{
    private const string PoolId = "ltc-e2e";
    private PoolStack _stack = null!;

    [OneTimeSetUp]
    public async Task StartAsync() =>
        _stack = await PoolStack.StartAsync(PoolId, new Dictionary<string, string> { ["Ledger:StatusCheckInterval"] = "00:00:01" });

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_stack is not null)
        {
            await _stack.DisposeAsync();
        }
    }

    [Test]
    public async Task Mining_ThroughStratum_BlockOnBestChainPaysPoolAndRoundClosesInRedis()
    {
        var minerAddress = (await _stack.Nodes.A.CallAsync("getnewaddress", "miner", "bech32")).GetString()!;
        var worker = minerAddress + ".rig1";
        await using var client = await StratumTestClient.ConnectAsync(_stack.Pool.StratumPort);
        var subscribe = await client.CallAsync("mining.subscribe", "[\"e2e-miner/1.0\"]");
        var authorize = await client.CallAsync("mining.authorize", $"[\"{worker}\",\"x\"]");
        Assert.That(authorize.GetProperty("result").GetBoolean(), Is.True, authorize.ToString());
        var difficulty = (await client.NotificationAsync("mining.set_difficulty")).GetProperty("params")[0].GetDouble();
        var notify = await client.NotificationAsync("mining.notify");
        var miner = TestMiner.FromSubscribe(ScryptPow.Instance, subscribe);

        // On regtest the network target is easier than the port's difficulty, so this share is also a block.
        var share = miner.Find(notify, difficulty);
        var answer = await client.CallAsync("mining.submit", share.SubmitParams(worker));

        Assert.That(answer.GetProperty("result").ValueKind, Is.EqualTo(JsonValueKind.True), answer.ToString());
        Assert.That(share.IsBlock, Is.True);
        await Eventually.HoldsAsync(async () => (await _stack.Nodes.A.CallAsync("getbestblockhash")).GetString() == share.BlockHashDisplayHex,
            "the pool's block to become the node's best block");
        var block = await _stack.Nodes.B.CallAsync("getblock", share.BlockHashDisplayHex, 2);
        var coinbaseOutputs = block.GetProperty("tx")[0].GetProperty("vout").EnumerateArray().SelectMany(o => OutputAddresses(o.GetProperty("scriptPubKey")));
        Assert.That(coinbaseOutputs, Has.Member(_stack.PoolAddress), "the coinbase pays the pool address");

        await using var redis = await ConnectionMultiplexer.ConnectAsync(_stack.Redis.ConnectionString);
        var rounds = new RedisRoundStore(new RedisLedgerStore(redis, PoolId, 2), PoolId);
        await Eventually.HoldsAsync(async () => (await rounds.GetClosedRoundsAsync()).Any(r => r.Block.BlockHash == share.BlockHashDisplayHex),
            "the round to close in Redis");
        var round = (await rounds.GetClosedRoundsAsync()).Single(r => r.Block.BlockHash == share.BlockHashDisplayHex);
        Assert.That(round.Block.Finder, Is.EqualTo(minerAddress));
        Assert.That(round.RoundScores.Keys, Has.Member(minerAddress));
        Assert.That(round.Block.Height, Is.EqualTo(block.GetProperty("height").GetInt64()));
    }

    [Test]
    public async Task Mining_AfterABlock_MinerGetsCleanJobForNextHeightAndSharesStayAccepted()
    {
        var minerAddress = (await _stack.Nodes.A.CallAsync("getnewaddress", "miner2", "bech32")).GetString()!;
        var worker = minerAddress + ".rig2";
        await using var client = await StratumTestClient.ConnectAsync(_stack.Pool.StratumPort);
        var miner = TestMiner.FromSubscribe(ScryptPow.Instance, await client.CallAsync("mining.subscribe", "[\"e2e-miner/1.0\"]"));
        await client.CallAsync("mining.authorize", $"[\"{worker}\",\"x\"]");
        var difficulty = (await client.NotificationAsync("mining.set_difficulty")).GetProperty("params")[0].GetDouble();
        var height = (await _stack.Nodes.A.CallAsync("getblockcount")).GetInt64();

        for (var i = 1; i <= 3; i++)
        {
            var notify = await client.NotificationAsync("mining.notify", occurrence: i, timeout: TimeSpan.FromSeconds(30));
            var share = miner.Find(notify, difficulty, extranonce2: (ulong)i);
            var answer = await client.CallAsync("mining.submit", share.SubmitParams(worker));
            Assert.That(answer.GetProperty("result").ValueKind, Is.EqualTo(JsonValueKind.True), answer.ToString());
        }

        await Eventually.HoldsAsync(async () => (await _stack.Nodes.B.CallAsync("getblockcount")).GetInt64() == height + 3, "three more blocks on the other node");
        var metrics = await _stack.Pool.MetricsAsync();
        Assert.That(metrics, Does.Match(@"pool_shares_accepted_total\{port=""\d+""\} [1-9]"));
    }

    // litecoind 0.21 lists "addresses"; newer nodes give a single "address".
    private static IEnumerable<string?> OutputAddresses(JsonElement scriptPubKey) =>
        scriptPubKey.TryGetProperty("address", out var one) ? [one.GetString()]
        : scriptPubKey.TryGetProperty("addresses", out var many) ? many.EnumerateArray().Select(a => a.GetString())
        : [];
}
