using System.Numerics;
using System.Security.Cryptography;
using Pool.Core.Mining;
using Pool.Settlement.Addresses;
using Pool.Settlement.Chain;
using Pool.Settlement.Contracts;
using Pool.Settlement.Settlement;
using Pool.Testing;
using StackExchange.Redis;

namespace Pool.Settlement.Tests;

/// <summary>Real anvil with the token deployed, real Redis, and an in-process round store with known rounds.</summary>
internal sealed class SettlementTestBed : IAsyncDisposable
{
    public const string FeeAddress = "0xfee0000000000000000000000000000000000001";

    private SettlementTestBed(TokenTestBed token, RedisServer redis, ConnectionMultiplexer connection)
    {
        Token = token;
        Redis = redis;
        Connection = connection;
        Addresses = new RedisTokenAddressBook(connection.GetDatabase(), "pool:");
        Store = new RedisSettlementStore(connection.GetDatabase(), "pool:");
        Options = new SettlementOptions
        {
            PoolId = "test-pool",
            RpcUrl = token.Anvil.RpcUrl,
            TokenAddress = token.Token,
            FeeAddress = FeeAddress,
            FeeBasisPoints = 100,
            ChunkSize = 200,
            FinalConfirmations = 1,
            // Long enough that a slow machine never ends a run early or replaces a transaction a test does not expect
            // to be replaced; the tests about stuck transactions set their own stuck timeout.
            ReceiptTimeout = TimeSpan.FromMinutes(2),
            StuckTimeout = TimeSpan.FromMinutes(5),
            PollInterval = TimeSpan.FromMilliseconds(100),
            LockTtl = TimeSpan.FromSeconds(30),
        };
    }

    public TokenTestBed Token { get; }

    public RedisServer Redis { get; }

    public ConnectionMultiplexer Connection { get; }

    public InMemoryRoundStore Rounds { get; } = new();

    public RedisTokenAddressBook Addresses { get; }

    public RedisSettlementStore Store { get; }

    public SettlementOptions Options { get; }

    public StringWriter Progress { get; } = new();

    public static async Task<SettlementTestBed> StartAsync()
    {
        var token = await TokenTestBed.StartAsync();
        var redis = await RedisServer.StartAsync();
        var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        return new SettlementTestBed(token, redis, connection);
    }

    public SettlementJob NewJob(Action<SettlementCrashPoint>? crashHook = null, Uri? rpcUrl = null)
    {
        var options = Options;
        if (rpcUrl is not null)
        {
            options = Copy(Options);
            options.RpcUrl = rpcUrl;
        }

        return new SettlementJob(
            options, Rounds, Addresses, Store, new EvmChain(options.RpcUrl!, TimeSpan.FromSeconds(30)),
            TokenTestBed.SettlerKey, TimeProvider.System, Progress, crashHook);
    }

    /// <summary>A confirmed round paying <paramref name="reward"/> by the given PPLNS scores; each miner gets a fresh token address.</summary>
    public async Task<ClosedRound> AddRoundAsync(long reward, IReadOnlyDictionary<string, double> scores, bool withAddresses = true, RoundStatus status = RoundStatus.Confirmed)
    {
        if (withAddresses)
        {
            foreach (var miner in scores.Keys)
            {
                if (await Addresses.GetTokenAddressAsync(miner) is null)
                {
                    await Addresses.SetTokenAddressAsync(miner, TokenTestBed.RandomAddress());
                }
            }
        }

        var round = new ClosedRound(
            "round-" + Guid.NewGuid().ToString("N")[..8],
            new FoundBlock(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)), Random.Shared.Next(1000, 100_000), reward, scores.Keys.First(), "rig", 1.5, DateTimeOffset.UtcNow, "i1", "s1"),
            status,
            scores,
            scores,
            Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)));
        Rounds.Add(round);
        return round;
    }

    public static Dictionary<string, double> Miners(int count, string prefix = "ltc1miner") =>
        Enumerable.Range(0, count).ToDictionary(i => $"{prefix}{i}-{Guid.NewGuid():N}"[..24], i => 1000.0 + (i * 37.25) + (i % 3 == 0 ? 1.0 / 3 : 0), StringComparer.Ordinal);

    public async Task<BigInteger> MinerBalanceAsync(string miner) =>
        await Token.BalanceOfAsync((await Addresses.GetTokenAddressAsync(miner))!);

    public Task<BigInteger> TotalSupplyAsync() => Token.Chain.QueryAsync<TotalSupplyFunction, BigInteger>(Token.Token, new TotalSupplyFunction());

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        await Redis.DisposeAsync();
        await Token.DisposeAsync();
    }

    private static SettlementOptions Copy(SettlementOptions o) => new()
    {
        PoolId = o.PoolId, RpcUrl = o.RpcUrl, TokenAddress = o.TokenAddress, FeeAddress = o.FeeAddress, FeeBasisPoints = o.FeeBasisPoints,
        ChunkSize = o.ChunkSize, FinalConfirmations = o.FinalConfirmations, ReceiptTimeout = o.ReceiptTimeout, StuckTimeout = o.StuckTimeout,
        PollInterval = o.PollInterval, LockTtl = o.LockTtl, MinimumPayout = o.MinimumPayout, Scheme = o.Scheme,
    };
}
