using StackExchange.Redis;

namespace Pool.Settlement.Settlement;

public sealed partial class RedisSettlementStore
{
    private const string ExtendIfOwnerScript =
        "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

    private const string ReleaseIfOwnerScript =
        "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

    /// <summary>Takes the run lock for <paramref name="ttl"/> unless another run holds it; a crashed holder's lock expires.</summary>
    public Task<bool> TryAcquireLockAsync(string owner, TimeSpan ttl) => _database.StringSetAsync(LockKey, owner, ttl, When.NotExists);

    /// <summary>Who holds the lock, or null.</summary>
    public async Task<string?> GetLockOwnerAsync() => (await _database.StringGetAsync(LockKey)).ToString() is { Length: > 0 } owner ? owner : null;

    /// <summary>Extends the lock if <paramref name="owner"/> still holds it; false means it was lost (expired and taken).</summary>
    public async Task<bool> ExtendLockAsync(string owner, TimeSpan ttl) =>
        (long)await _database.ScriptEvaluateAsync(ExtendIfOwnerScript, [LockKey], [owner, (long)ttl.TotalMilliseconds]) == 1;

    /// <summary>Releases the lock if <paramref name="owner"/> holds it.</summary>
    public Task ReleaseLockAsync(string owner) => _database.ScriptEvaluateAsync(ReleaseIfOwnerScript, [LockKey], [owner]);
}
