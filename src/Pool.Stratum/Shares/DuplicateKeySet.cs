namespace Pool.Stratum.Shares;

/// <summary>
/// The accepted-share keys of one job, split over locked hash sets. Keys are stored inline in the sets' arrays (no object
/// per share for the collector to trace), and each set grows on its own, so a resize copies a small fraction of the keys
/// while every other share of the job goes on being checked.
/// </summary>
internal sealed class DuplicateKeySet
{
    // Keys are header hashes, so their low bits spread them evenly over the shards.
    private const int ShardCount = 64;
    private readonly HashSet<UInt128>[] _shards = CreateShards();

    public bool TryAdd(UInt128 key)
    {
        var shard = ShardOf(key);
        lock (shard)
        {
            return shard.Add(key);
        }
    }

    public void Remove(UInt128 key)
    {
        var shard = ShardOf(key);
        lock (shard)
        {
            shard.Remove(key);
        }
    }

    private HashSet<UInt128> ShardOf(UInt128 key) => _shards[(int)((ulong)key & (ShardCount - 1))];

    private static HashSet<UInt128>[] CreateShards()
    {
        var shards = new HashSet<UInt128>[ShardCount];
        for (var i = 0; i < shards.Length; i++)
        {
            shards[i] = [];
        }

        return shards;
    }
}
