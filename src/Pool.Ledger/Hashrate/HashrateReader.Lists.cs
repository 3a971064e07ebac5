using StackExchange.Redis;

namespace Pool.Ledger.Hashrate;

/// <summary>Hashrates of every miner, or every worker of a miner, seen in the last 24 hours, for the stats API's lists.</summary>
public sealed partial class HashrateReader
{
    /// <summary>Every miner with credited work in the last 24 hours and its hashrate.</summary>
    public Task<IReadOnlyDictionary<string, HashrateFigures>> GetMinersAsync() => ReadAllAsync(LedgerKeys.MinerField(string.Empty));

    /// <summary>Every worker of <paramref name="miner"/> with credited work in the last 24 hours and its hashrate.</summary>
    public Task<IReadOnlyDictionary<string, HashrateFigures>> GetWorkersAsync(string miner) => ReadAllAsync(LedgerKeys.WorkerField(miner, string.Empty));

    // Reads whole buckets (one hash per minute or hour) and sums the fields that start with prefix.
    private async Task<IReadOnlyDictionary<string, HashrateFigures>> ReadAllAsync(string prefix)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
        var minute = (long)Math.Floor(now / MinuteSeconds) * MinuteSeconds;
        var hour = (long)Math.Floor(now / HourSeconds) * HourSeconds;
        var minutes = Enumerable.Range(0, 60).Select(i => _database.HashGetAllAsync(_keys.HashrateBucket(HashrateBucketSize.Minute, minute - (i * MinuteSeconds)))).ToArray();
        var hours = Enumerable.Range(0, 24).Select(i => _database.HashGetAllAsync(_keys.HashrateBucket(HashrateBucketSize.Hour, hour - (i * HourSeconds)))).ToArray();
        await Task.WhenAll(minutes.Concat(hours)).ConfigureAwait(false);

        var sums = new Dictionary<string, double[]>(StringComparer.Ordinal);
        for (var i = 0; i < minutes.Length; i++)
        {
            Add(sums, prefix, minutes[i].Result, i < 10 ? [0, 1] : [1]);
        }

        foreach (var bucket in hours)
        {
            Add(sums, prefix, bucket.Result, [2]);
        }

        var tenMinutes = now - (minute - (9 * MinuteSeconds));
        var oneHour = now - (minute - (59 * MinuteSeconds));
        var oneDay = now - (hour - (23 * HourSeconds));
        return sums.ToDictionary(
            s => s.Key,
            s => new HashrateFigures(ToRate(s.Value[0], tenMinutes), ToRate(s.Value[1], oneHour), ToRate(s.Value[2], oneDay)),
            StringComparer.Ordinal);
    }

    private static void Add(Dictionary<string, double[]> sums, string prefix, HashEntry[] bucket, int[] windows)
    {
        foreach (var entry in bucket)
        {
            var field = (string)entry.Name!;
            if (!field.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var name = field[prefix.Length..];
            if (!sums.TryGetValue(name, out var sum))
            {
                sum = new double[3];
                sums[name] = sum;
            }

            foreach (var window in windows)
            {
                sum[window] += (double)entry.Value;
            }
        }
    }

    private double ToRate(double difficulty, double seconds) => seconds <= 0 ? 0 : difficulty * HashesPerDifficulty / seconds;
}
