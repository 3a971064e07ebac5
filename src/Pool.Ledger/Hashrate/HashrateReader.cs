using System.Numerics;
using Pool.Core.Targets;
using StackExchange.Redis;

namespace Pool.Ledger.Hashrate;

/// <summary>
/// Hashrate of the pool, a miner or a worker from the per-minute and per-hour buckets of credited difficulty (never the share
/// history): hashrate = Σ difficulty × hashes per difficulty-1 share ÷ seconds covered. A window of k buckets covers the k−1 full
/// buckets before the current one plus the elapsed part of the current one; 10 min and 1 h use minute buckets, 24 h hour buckets.
/// </summary>
public sealed partial class HashrateReader
{
    private const int MinuteSeconds = 60;
    private const int HourSeconds = 3600;
    private readonly IDatabase _database;
    private readonly LedgerKeys _keys;
    private readonly TimeProvider _time;

    /// <summary>Reads pool <paramref name="poolId"/>'s buckets; <paramref name="difficultyOne"/> is the coin algorithm's difficulty 1.</summary>
    public HashrateReader(IConnectionMultiplexer connection, string poolId, DifficultyOne difficultyOne, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(difficultyOne);
        _database = connection.GetDatabase();
        _keys = new LedgerKeys(poolId);
        _time = time ?? TimeProvider.System;
        HashesPerDifficulty = HashesPerDifficultyOne(difficultyOne);
    }

    /// <summary>Expected hashes per difficulty-1 share: 2^256 ÷ (difficulty-1 target + 1), about 2^32 for SHA-256d and 2^16 for scrypt.</summary>
    public double HashesPerDifficulty { get; }

    /// <summary>Expected hashes per difficulty-1 share of <paramref name="difficultyOne"/>.</summary>
    public static double HashesPerDifficultyOne(DifficultyOne difficultyOne)
    {
        ArgumentNullException.ThrowIfNull(difficultyOne);
        return (double)(BigInteger.One << 256) / (double)(difficultyOne.Target.ToBigInteger() + 1);
    }

    /// <summary>The whole pool's hashrate.</summary>
    public Task<HashrateFigures> GetPoolAsync() => ReadAsync(LedgerKeys.PoolField);

    /// <summary>One miner's (payout address's) hashrate over all its workers.</summary>
    public Task<HashrateFigures> GetMinerAsync(string miner) => ReadAsync(LedgerKeys.MinerField(miner));

    /// <summary>One worker's hashrate.</summary>
    public Task<HashrateFigures> GetWorkerAsync(string miner, string worker) => ReadAsync(LedgerKeys.WorkerField(miner, worker));

    private async Task<HashrateFigures> ReadAsync(string field)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
        var minute = (long)Math.Floor(now / MinuteSeconds) * MinuteSeconds;
        var hour = (long)Math.Floor(now / HourSeconds) * HourSeconds;
        var minutes = new Task<RedisValue>[60];
        for (var i = 0; i < minutes.Length; i++)
        {
            minutes[i] = _database.HashGetAsync(_keys.HashrateBucket(HashrateBucketSize.Minute, minute - (i * MinuteSeconds)), field);
        }

        var hours = new Task<RedisValue>[24];
        for (var i = 0; i < hours.Length; i++)
        {
            hours[i] = _database.HashGetAsync(_keys.HashrateBucket(HashrateBucketSize.Hour, hour - (i * HourSeconds)), field);
        }

        await Task.WhenAll(minutes.Concat(hours)).ConfigureAwait(false);
        return new HashrateFigures(
            Rate(minutes.Take(10), now - (minute - (9 * MinuteSeconds))),
            Rate(minutes, now - (minute - (59 * MinuteSeconds))),
            Rate(hours, now - (hour - (23 * HourSeconds))));
    }

    private double Rate(IEnumerable<Task<RedisValue>> buckets, double seconds)
    {
        var sum = buckets.Sum(b => b.Result.IsNull ? 0 : (double)b.Result);
        return seconds <= 0 ? 0 : sum * HashesPerDifficulty / seconds;
    }
}
