using Pool.Chain.Hosting;
using Pool.Core.Mining;
using Pool.Ledger;
using Pool.Ledger.Hashrate;
using Pool.Ledger.Redis;
using Pool.Settlement.Addresses;
using Pool.Settlement.Settlement;
using StackExchange.Redis;

namespace Pool.Host.Stats;

/// <summary>
/// Reads what the stats API and the Redis-backed metrics show: hashrate buckets, rounds, the current round's scores and the
/// settlement state `pool settle` keeps in Redis. Read-only; every figure comes from Redis or the current job.
/// </summary>
public sealed partial class PoolStatsReader
{
    private const int MinuteSeconds = 60;
    private const int TenMinuteBuckets = 10;
    private static readonly string MinerFieldPrefix = LedgerKeys.MinerField(string.Empty);
    private static readonly string WorkerFieldPrefix = LedgerKeys.WorkerField(string.Empty, string.Empty)[..2];
    private readonly IDatabase _database;
    private readonly LedgerKeys _keys;
    private readonly RedisLedgerStore _ledger;
    private readonly RedisRoundStore _rounds;
    private readonly RedisSettlementStore _settlement;
    private readonly RedisTokenAddressBook _tokenAddresses;
    private readonly ChainServices _chain;
    private readonly TimeProvider _time;

    /// <summary>Reads pool <paramref name="ledger"/>.PoolId's state; <paramref name="settlementKeyPrefix"/> is Settlement:KeyPrefix.</summary>
    public PoolStatsReader(IConnectionMultiplexer redis, LedgerOptions ledger, string settlementKeyPrefix, ChainServices chain, TimeProvider time)
    {
        _database = redis.GetDatabase();
        _keys = new LedgerKeys(ledger.PoolId);
        _ledger = new RedisLedgerStore(redis, ledger.PoolId, ledger.PplnsWindowFactor);
        _rounds = new RedisRoundStore(_ledger, ledger.PoolId);
        _settlement = new RedisSettlementStore(_database, settlementKeyPrefix);
        _tokenAddresses = new RedisTokenAddressBook(_database, settlementKeyPrefix);
        Hashrate = new HashrateReader(redis, ledger.PoolId, chain.Profile.Pow.DifficultyOne, time);
        PoolId = ledger.PoolId;
        _chain = chain;
        _time = time;
    }

    /// <summary>The ledger's hashrate reader.</summary>
    public HashrateReader Hashrate { get; }

    /// <summary>The pool id read.</summary>
    public string PoolId { get; }

    /// <summary>Closed rounds with their status, newest first.</summary>
    public async Task<IReadOnlyList<ClosedRound>> GetClosedRoundsAsync() =>
        (await _rounds.GetClosedRoundsAsync().ConfigureAwait(false)).OrderByDescending(r => r.Block.Height).ToList();

    /// <summary>Round id → "planned" or "orphaned" for every round `pool settle` handled.</summary>
    public Task<IReadOnlyDictionary<string, string>> GetHandledRoundsAsync() => _settlement.GetHandledRoundsAsync();

    /// <summary>Every settlement chunk, in the order planned.</summary>
    public Task<IReadOnlyList<SettlementChunk>> GetSettlementChunksAsync() => _settlement.GetAllChunksAsync();

    /// <summary>Every miner's and worker's hashrate over the last 10 minutes from the minute buckets (10 HGETALLs).</summary>
    public async Task<MinerTenMinuteRates> GetTenMinuteRatesAsync()
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
        var minute = (long)Math.Floor(now / MinuteSeconds) * MinuteSeconds;
        var reads = Enumerable.Range(0, TenMinuteBuckets)
            .Select(i => _database.HashGetAllAsync(_keys.HashrateBucket(HashrateBucketSize.Minute, minute - (i * MinuteSeconds))))
            .ToArray();
        var buckets = await Task.WhenAll(reads).ConfigureAwait(false);
        var seconds = now - (minute - ((TenMinuteBuckets - 1) * MinuteSeconds));
        var minerSums = new Dictionary<string, double>(StringComparer.Ordinal);
        var workers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in buckets.SelectMany(b => b))
        {
            var field = entry.Name.ToString();
            if (field.StartsWith(MinerFieldPrefix, StringComparison.Ordinal))
            {
                var miner = field[MinerFieldPrefix.Length..];
                minerSums[miner] = minerSums.GetValueOrDefault(miner) + (double)entry.Value;
            }
            else if (field.StartsWith(WorkerFieldPrefix, StringComparison.Ordinal))
            {
                workers.Add(field);
            }
        }

        var rates = minerSums.ToDictionary(m => m.Key, m => seconds <= 0 ? 0 : m.Value * Hashrate.HashesPerDifficulty / seconds, StringComparer.Ordinal);
        return new MinerTenMinuteRates(rates, workers.Count);
    }

    private static HashrateStats ToStats(HashrateFigures figures) => new(figures.TenMinutes, figures.OneHour, figures.OneDay);
}
