using System.Numerics;
using System.Text.Json;
using Nethereum.Signer;
using Nethereum.Web3;
using Pool.Core.Mining;
using Pool.Core.Pow;
using Pool.Host.Tests.Support;
using Pool.Ledger;
using Pool.Ledger.Redis;
using Pool.Settlement.Contracts;
using Pool.Settlement.Rewards;
using Pool.Testing;
using StackExchange.Redis;

namespace Pool.Host.Tests.EndToEnd;

public partial class LitecoinPoolEndToEndTests
{
    private const int FeeBasisPoints = 100;

    [Test]
    public async Task Settle_MatureBlockMinedThroughStratum_MinerTokenBalanceEqualsComputedReward()
    {
        var tokenAddress = EthECKey.GenerateKey().GetPublicAddress();
        var minerAddress = (await _stack.Nodes.A.CallAsync("getnewaddress", "paid-miner", "bech32")).GetString()!;
        var worker = minerAddress + ".rig3";
        await using (var client = await StratumTestClient.ConnectAsync(_stack.Pool.StratumPort))
        {
            var miner = TestMiner.FromSubscribe(ScryptPow.Instance, await client.CallAsync("mining.subscribe", "[\"e2e-miner/1.0\"]"));
            var authorize = await client.CallAsync("mining.authorize", $"[\"{worker}\",\"x,eth={tokenAddress}\"]");
            Assert.That(authorize.GetProperty("result").GetBoolean(), Is.True, authorize.ToString());
            var difficulty = (await client.NotificationAsync("mining.set_difficulty")).GetProperty("params")[0].GetDouble();
            var share = miner.Find(await client.NotificationAsync("mining.notify"), difficulty);
            var answer = await client.CallAsync("mining.submit", share.SubmitParams(worker));
            Assert.That(answer.GetProperty("result").ValueKind, Is.EqualTo(JsonValueKind.True), answer.ToString());
        }

        // Coinbase maturity: bury the pool's blocks under 100 more, then let the ledger see them confirmed.
        await _stack.Nodes.B.GenerateAsync(100, _stack.Nodes.WalletAddress);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(_stack.Redis.ConnectionString);
        var rounds = new RedisRoundStore(new RedisLedgerStore(redis, PoolId, 2), PoolId);
        await Eventually.HoldsAsync(async () => (await rounds.GetClosedRoundsAsync()).Any(r => r.Block.Finder == minerAddress && r.Status == RoundStatus.Confirmed),
            "the paid miner's round to be confirmed");

        await using var anvil = await AnvilNode.StartAsync();
        var deploy = await PoolCommand.RunAsync(["token", "deploy", "--rpc", anvil.RpcUrl.ToString(), "--dev"], new Dictionary<string, string>(), TimeSpan.FromSeconds(60));
        Assert.That(deploy.ExitCode, Is.Zero, deploy.Output);
        var token = deploy.Output.Split('\n').Single(l => l.StartsWith("POOL_TOKEN_ADDRESS=", StringComparison.Ordinal))["POOL_TOKEN_ADDRESS=".Length..].Trim();
        var settleEnvironment = new Dictionary<string, string>
        {
            ["POOL_ID"] = PoolId,
            ["POOL_EVM_RPC_URL"] = anvil.RpcUrl.ToString(),
            ["POOL_TOKEN_ADDRESS"] = token,
            ["POOL_REDIS"] = _stack.Redis.ConnectionString,
            ["POOL_FEE_ADDRESS"] = EthECKey.GenerateKey().GetPublicAddress(),
            ["POOL_FEE_BPS"] = FeeBasisPoints.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["POOL_MIN_PAYOUT"] = "1",
            ["POOL_SETTLE_CONFIRMATIONS"] = "1",
            ["POOL_SETTLER_KEY"] = AnvilNode.DevPrivateKey(1),
        };

        var settle = await PoolCommand.RunAsync(["settle"], settleEnvironment, TimeSpan.FromSeconds(120));
        Assert.That(settle.ExitCode, Is.Zero.Or.EqualTo(3), settle.Output);
        if (settle.ExitCode == 3)
        {
            // 3 = transactions still awaiting finality; the next cron run finishes them.
            await anvil.MineAsync(2);
            settle = await PoolCommand.RunAsync(["settle"], settleEnvironment, TimeSpan.FromSeconds(120));
            Assert.That(settle.ExitCode, Is.Zero, settle.Output);
        }

        var expected = (await rounds.GetClosedRoundsAsync())
            .Where(r => r.Status == RoundStatus.Confirmed)
            .Select(r => RewardSplitter.SplitRound(r, PayoutScheme.Pplns, FeeBasisPoints).MinerRewards.GetValueOrDefault(minerAddress))
            .Sum();
        var balance = await BalanceOfAsync(anvil, token, tokenAddress);
        Assert.That(expected, Is.GreaterThan(0));
        Assert.That(balance, Is.EqualTo(new BigInteger(expected)), settle.Output);

        var again = await PoolCommand.RunAsync(["settle"], settleEnvironment, TimeSpan.FromSeconds(120));
        Assert.That(again.ExitCode, Is.Zero, again.Output);
        Assert.That(await BalanceOfAsync(anvil, token, tokenAddress), Is.EqualTo(balance), "a second run pays nothing twice");
    }

    private static Task<BigInteger> BalanceOfAsync(AnvilNode anvil, string token, string account) =>
        new Web3(anvil.RpcUrl.ToString()).Eth.GetContractQueryHandler<BalanceOfFunction>()
            .QueryAsync<BigInteger>(token, new BalanceOfFunction { Account = account });
}
