using Microsoft.Extensions.Logging.Abstractions;
using Pool.Testing;
using StackExchange.Redis;

namespace Pool.Ledger.Tests;

/// <summary>A ledger on a real Redis with its own spool directory.</summary>
internal sealed class LedgerFixture : IAsyncDisposable
{
    private LedgerFixture(LedgerOptions options, ConnectionMultiplexer redis, RedisShareLedger ledger, TempDirectory? spool)
    {
        Options = options;
        Redis = redis;
        Ledger = ledger;
        SpoolDirectory = spool;
    }

    public LedgerOptions Options { get; }

    public ConnectionMultiplexer Redis { get; }

    public RedisShareLedger Ledger { get; }

    public TempDirectory? SpoolDirectory { get; }

    public IDatabase Database => Redis.GetDatabase();

    public LedgerKeys Keys => Ledger.Store.Keys;

    public static LedgerOptions CreateOptions(string redisConfiguration, string spoolDirectory, string instance = "i1", string pool = "test") => new()
    {
        RedisConfiguration = redisConfiguration,
        PoolId = pool,
        InstanceId = instance,
        SpoolDirectory = spoolDirectory,
        BatchSize = 256,
        BatchLinger = TimeSpan.Zero,
        MaxRetryDelay = TimeSpan.FromMilliseconds(200),
    };

    public static async Task<LedgerFixture> StartAsync(string redisConfiguration, Action<LedgerOptions>? configure = null, string? spoolDirectory = null, TimeProvider? time = null)
    {
        var spool = spoolDirectory is null ? new TempDirectory("spool") : null;
        var options = CreateOptions(redisConfiguration, spoolDirectory ?? spool!.Path);
        configure?.Invoke(options);
        var redis = await LedgerRedisConnection.ConnectAsync(options);
        var ledger = new RedisShareLedger(options, redis, NullLogger<RedisShareLedger>.Instance, time);
        await ledger.StartAsync();
        return new LedgerFixture(options, redis, ledger, spool);
    }

    public async Task<long> StreamLengthAsync() => (await StreamRecordsAsync()).Count;

    /// <summary>Every share record in the stream, oldest first, read page by page.</summary>
    public async Task<List<string>> StreamRecordsAsync()
    {
        var entries = await Database.StreamRangeAsync(Keys.Shares);
        var records = new List<string>();
        foreach (var entry in entries)
        {
            var page = ((string)entry["s"]!).Split('\n');
            Assert.That((int)entry["n"], Is.EqualTo(page.Length), "a page's count matches its records");
            records.AddRange(page);
        }

        return records;
    }

    public async Task<List<string>> StreamShareIdsAsync() => (await StreamRecordsAsync()).Select(r => r.Split('|')[0]).ToList();

    public async ValueTask DisposeAsync()
    {
        await Ledger.DisposeAsync();
        await Redis.DisposeAsync();
        SpoolDirectory?.Dispose();
    }
}
