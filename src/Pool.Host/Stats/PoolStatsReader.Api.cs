using Pool.Ledger;
using Pool.Settlement.Settlement;

namespace Pool.Host.Stats;

/// <summary>The stats API's answers.</summary>
public sealed partial class PoolStatsReader
{
    private const int BlocksShown = 50;
    private const int SettlementsShown = 20;
    private const int HourSeconds = 3600;
    private const int HourBuckets = 24;

    /// <summary>How long one computed overview is served again: it reads every round and settlement, so requests must not each do that.</summary>
    public static readonly TimeSpan PoolStatsReuse = TimeSpan.FromSeconds(5);

    private CachedPoolStats? _cached;

    /// <summary>The pool overview for GET /api/pool, at most <see cref="PoolStatsReuse"/> old.</summary>
    public async Task<PoolStatsResponse> GetPoolStatsAsync()
    {
        var now = _time.GetUtcNow();
        if (Volatile.Read(ref _cached) is { } cached && now - cached.At < PoolStatsReuse)
        {
            return cached.Stats;
        }

        var stats = await ReadPoolStatsAsync().ConfigureAwait(false);
        Volatile.Write(ref _cached, new CachedPoolStats(stats, now));
        return stats;
    }

    private async Task<PoolStatsResponse> ReadPoolStatsAsync()
    {
        var hashrate = Hashrate.GetPoolAsync();
        var rates = GetTenMinuteRatesAsync();
        var rounds = GetClosedRoundsAsync();
        var handled = GetHandledRoundsAsync();
        var chunks = GetSettlementChunksAsync();
        var current = _ledger.GetCurrentRoundAsync();
        await Task.WhenAll(hashrate, rates, rounds, handled, chunks, current).ConfigureAwait(false);

        var blocks = rounds.Result.Take(BlocksShown)
            .Select(r => new BlockStats(r.RoundId, r.Block.BlockHash, r.Block.Height, r.Block.RewardBaseUnits, r.Block.Finder, r.Block.Time,
                r.Status.ToString().ToLowerInvariant(), handled.Result.GetValueOrDefault(r.RoundId)))
            .ToList();
        var settlements = chunks.Result.Reverse().Take(SettlementsShown).Select(ToStats).ToList();
        return new PoolStatsResponse(PoolId, _chain.Profile.Name, _chain.Options.Network, ToStats(hashrate.Result),
            rates.Result.Miners.Count, rates.Result.Workers, current.Result, blocks, settlements);
    }

    /// <summary>One miner's figures for GET /api/miners/{address}, or null when the pool has never seen it.</summary>
    public async Task<MinerStatsResponse?> GetMinerStatsAsync(string address)
    {
        var workerNames = await GetWorkerNamesAsync(address).ConfigureAwait(false);
        var round = await _ledger.GetCurrentRoundAsync().ConfigureAwait(false);
        var scores = await _ledger.GetRoundScoresAsync(round).ConfigureAwait(false);
        var balances = await _settlement.GetBalancesAsync().ConfigureAwait(false);
        var tokenAddress = await _tokenAddresses.GetTokenAddressAsync(address).ConfigureAwait(false);
        var known = workerNames.Count > 0 || scores.ContainsKey(address) || balances.ContainsKey(address) || tokenAddress is not null;
        if (!known)
        {
            return null;
        }

        var hashrate = ToStats(await Hashrate.GetMinerAsync(address).ConfigureAwait(false));
        var workers = new List<WorkerStats>(workerNames.Count);
        foreach (var worker in workerNames.Order(StringComparer.Ordinal))
        {
            workers.Add(new WorkerStats(worker, ToStats(await Hashrate.GetWorkerAsync(address, worker).ConfigureAwait(false))));
        }

        var minerScore = scores.GetValueOrDefault(address);
        var poolScore = scores.Values.Sum();
        var paid = tokenAddress is null ? 0 : await GetPaidAsync(tokenAddress).ConfigureAwait(false);
        return new MinerStatsResponse(address, hashrate, workers, round, minerScore, poolScore,
            EstimateReward(_chain.Jobs.Current?.CoinbaseValue ?? 0, minerScore, poolScore),
            balances.GetValueOrDefault(address), paid, tokenAddress);
    }

    /// <summary>The miner's part of <paramref name="reward"/> in proportion to its score, floored to a whole base unit.</summary>
    public static long EstimateReward(long reward, double minerScore, double poolScore)
    {
        if (reward <= 0 || minerScore <= 0 || poolScore <= 0)
        {
            return 0;
        }

        var share = Math.Min(1.0, minerScore / poolScore);
        return (long)Math.Floor((decimal)reward * (decimal)share);
    }

    private static SettlementStats ToStats(SettlementChunk chunk) =>
        new(chunk.Id, chunk.RoundId, chunk.CoinHeight, chunk.State.ToString().ToLowerInvariant(), chunk.Total,
            chunk.MinedTransactionHash ?? chunk.Attempts.LastOrDefault()?.Hash, chunk.Attempts.LastOrDefault()?.SignedAt, chunk.LastError);

    // Token base units minted to the address by transactions that were mined (Mined or Final chunks).
    private async Task<long> GetPaidAsync(string tokenAddress)
    {
        var chunks = await _settlement.GetAllChunksAsync().ConfigureAwait(false);
        return chunks.Where(c => c.State is ChunkState.Mined or ChunkState.Final)
            .SelectMany(c => c.Transfers)
            .Where(t => string.Equals(t.Address, tokenAddress, StringComparison.OrdinalIgnoreCase))
            .Sum(t => t.Amount);
    }

    // Workers with any credited work in the last 24 hours, from the hour buckets' worker fields.
    private async Task<HashSet<string>> GetWorkerNamesAsync(string miner)
    {
        var prefix = LedgerKeys.WorkerField(miner, string.Empty);
        var hour = _time.GetUtcNow().ToUnixTimeSeconds() / HourSeconds * HourSeconds;
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < HourBuckets; i++)
        {
            var key = _keys.HashrateBucket(HashrateBucketSize.Hour, hour - (i * HourSeconds));
            await foreach (var entry in _database.HashScanAsync(key, GlobEscape(prefix) + "*").ConfigureAwait(false))
            {
                names.Add(entry.Name.ToString()[prefix.Length..]);
            }
        }

        return names;
    }

    private static string GlobEscape(string text)
    {
        var escaped = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '*' or '?' or '[' or ']' or '\\')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
