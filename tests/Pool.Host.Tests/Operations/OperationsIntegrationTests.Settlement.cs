using System.Globalization;
using Pool.Settlement.Rewards;
using Pool.Settlement.Settlement;
using StackExchange.Redis;

namespace Pool.Host.Tests.Operations;

/// <summary>Settlement state written to Redis through the settle job's own store, as `pool settle` leaves it, read back by the pool.</summary>
public partial class OperationsIntegrationTests
{
    private const string SettlementPrefix = "pool:";
    private const string SettledRound = "settled-round-1";
    private const string SettlementTransaction = "0x1111111111111111111111111111111111111111111111111111111111111111";
    private const long MintedToMiner = 1_000;
    private const long MintedToFee = 10;
    private const long GasUsed = 51_234;
    private static readonly DateTimeOffset SignedAt = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Test]
    public async Task SettlementState_MinedChunkInRedis_ShowsInPoolApiAndMetrics()
    {
        using var body = await GetJsonAsync("/api/pool", System.Net.HttpStatusCode.OK);
        var settlement = body.RootElement.GetProperty("settlements").EnumerateArray().Single();
        var metrics = await _stack.Pool.MetricsAsync();

        Assert.That(settlement.GetProperty("roundId").GetString(), Is.EqualTo(SettledRound));
        Assert.That(settlement.GetProperty("state").GetString(), Is.EqualTo("mined"));
        Assert.That(settlement.GetProperty("transactionHash").GetString(), Is.EqualTo(SettlementTransaction));
        Assert.That(settlement.GetProperty("totalBaseUnits").GetInt64(), Is.EqualTo(MintedToMiner + MintedToFee));
        Assert.That(metrics, Does.Contain($"pool_tokens_minted_total {MintedToMiner + MintedToFee}\n"));
        Assert.That(metrics, Does.Contain($"pool_settlement_gas_used_total {GasUsed}\n"));
        Assert.That(metrics, Does.Contain("pool_settlement_open_chunks 1\n"));
        Assert.That(metrics, Does.Contain("pool_settlement_failing_chunks 0\n"));
        Assert.That(metrics, Does.Contain(string.Create(CultureInfo.InvariantCulture, $"pool_settlement_last_success_timestamp_seconds {SignedAt.ToUnixTimeSeconds()}\n")));
    }

    private async Task SeedSettlementAsync()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(_stack.Redis.ConnectionString);
        var store = new RedisSettlementStore(redis.GetDatabase(), SettlementPrefix);
        const string fee = "0x00000000000000000000000000000000000000FE";
        var transfers = new List<TokenTransfer> { new(TokenAddress, MintedToMiner), new(fee, MintedToFee) };
        var plan = new PayoutPlan(
            new RewardSplit(MintedToMiner + MintedToFee, MintedToFee, 0, new Dictionary<string, long> { [_miner] = MintedToMiner }),
            [new MinerPayout(_miner, TokenAddress, 0, MintedToMiner, MintedToMiner, 0, "paid")],
            fee,
            transfers,
            new Dictionary<string, long>());
        var chunk = new SettlementChunk
        {
            Id = "0x" + new string('2', 64),
            RoundId = SettledRound,
            CoinBlockHash = new string('3', 64),
            CoinHeight = 7,
            SharesRoot = new string('4', 64),
            Index = 0,
            Count = 1,
            Transfers = transfers,
            Sequence = await store.ReserveSequenceAsync(1),
        };
        var record = new SettlementPlanRecord(SettledRound, chunk.CoinBlockHash, chunk.CoinHeight, chunk.SharesRoot, PayoutScheme.Pplns, 100, plan, [chunk.Id], SignedAt);
        Assert.That(await store.CommitPlanAsync(record, new Dictionary<string, long>(), [chunk]), Is.True);

        chunk.Attempts.Add(new ChunkAttempt(SettlementTransaction, "02", 0, "1000000000", "1000000000", 100_000, SignedAt));
        chunk.State = ChunkState.Mined;
        chunk.MinedTransactionHash = SettlementTransaction;
        chunk.MinedBlock = 99;
        chunk.GasUsed = GasUsed;
        await store.SaveChunkAsync(chunk);
    }
}
