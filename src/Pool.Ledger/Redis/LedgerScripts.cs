namespace Pool.Ledger.Redis;

/// <summary>
/// The ledger's Lua scripts. Each runs atomically on the node that owns the pool's slot; every key it builds from the
/// <c>{pool:ID}</c> prefix is in that slot. Replays are recognised by the spool sequence stored per spool in <c>:spools</c>.
/// </summary>
internal static class LedgerScripts
{
    // Opens round 1 the first time a pool is written to.
    private const string CurrentRound = """
        local function current_round(prefix, key)
          local round = redis.call('GET', key)
          if not round then
            round = '1'
            redis.call('SET', key, round)
            redis.call('HSETNX', prefix .. ':round:1', 'startId', '0-0')
          end
          return round
        end
        """;

    /// <summary>
    /// KEYS: spools, shares, current round. ARGV: prefix, spool, firstSeq, lastSeq, share count, the page (records joined by '\n'),
    /// score count and (miner, delta) pairs, round work delta, bucket count and per bucket (suffix, ttl, field count, (field, delta)…).
    /// Returns {1, round, previously applied} when applied, {0, applied} when already applied, {-1, applied} when the batch overlaps what is applied.
    /// </summary>
    public const string PushShares = CurrentRound + """

        local prefix, spool = ARGV[1], ARGV[2]
        local first, last = tonumber(ARGV[3]), tonumber(ARGV[4])
        local applied = tonumber(redis.call('HGET', KEYS[1], spool) or '0')
        if applied >= last then return {0, applied} end
        if applied >= first then return {-1, applied} end
        local round = current_round(prefix, KEYS[3])
        local roundKey = prefix .. ':round:' .. round
        local i = 5
        local count = tonumber(ARGV[i])
        if count > 0 then redis.call('XADD', KEYS[2], '*', 'n', count, 's', ARGV[i + 1]) end
        i = i + 2
        local scores = tonumber(ARGV[i]); i = i + 1
        for _ = 1, scores do
          redis.call('HINCRBYFLOAT', roundKey .. ':scores', ARGV[i], ARGV[i + 1]); i = i + 2
        end
        redis.call('HINCRBYFLOAT', roundKey, 'work', ARGV[i]); i = i + 1
        redis.call('HINCRBY', roundKey, 'shares', count)
        local buckets = tonumber(ARGV[i]); i = i + 1
        for _ = 1, buckets do
          local key = prefix .. ':hr:' .. ARGV[i]
          local ttl, fields = ARGV[i + 1], tonumber(ARGV[i + 2]); i = i + 3
          for _ = 1, fields do
            redis.call('HINCRBYFLOAT', key, ARGV[i], ARGV[i + 1]); i = i + 2
          end
          redis.call('EXPIRE', key, ttl)
        end
        redis.call('HSET', KEYS[1], spool, last)
        return {1, tonumber(round), applied}
        """;

    /// <summary>
    /// KEYS: spools, shares, current round, blocks, closed rounds, pending rounds.
    /// ARGV: prefix, spool, seq, hash, height, reward, finder, worker, networkDifficulty, timeMs, instance, shareId, windowWork, closedMs.
    /// Returns {1, round, previously applied} when it closed the round, {0, applied} when already applied, {2, round} when the block had closed one already.
    /// </summary>
    public const string CloseRound = CurrentRound + """

        local prefix, spool, seq = ARGV[1], ARGV[2], tonumber(ARGV[3])
        local applied = tonumber(redis.call('HGET', KEYS[1], spool) or '0')
        if applied >= seq then return {0, applied} end
        local existing = redis.call('HGET', KEYS[4], ARGV[4])
        if existing then
          redis.call('HSET', KEYS[1], spool, seq)
          return {2, tonumber(existing)}
        end
        local round = current_round(prefix, KEYS[3])
        local newest = redis.call('XREVRANGE', KEYS[2], '+', '-', 'COUNT', 1)
        local endId = '0-0'
        if #newest > 0 then endId = newest[1][1] end
        redis.call('HSET', prefix .. ':round:' .. round,
          'endId', endId, 'status', 'pending', 'hash', ARGV[4], 'height', ARGV[5], 'reward', ARGV[6],
          'finder', ARGV[7], 'worker', ARGV[8], 'networkDifficulty', ARGV[9], 'foundMs', ARGV[10],
          'instance', ARGV[11], 'shareId', ARGV[12], 'windowWork', ARGV[13], 'closedMs', ARGV[14])
        redis.call('ZADD', KEYS[5], round, round)
        redis.call('SADD', KEYS[6], round)
        redis.call('HSET', KEYS[4], ARGV[4], round)
        local nextRound = tonumber(round) + 1
        redis.call('SET', KEYS[3], nextRound)
        redis.call('HSET', prefix .. ':round:' .. nextRound, 'startId', endId, 'openedMs', ARGV[14])
        redis.call('HSET', KEYS[1], spool, seq)
        return {1, tonumber(round), applied}
        """;

    /// <summary>
    /// KEYS: round hash, round PPLNS hash. ARGV: windowStartId, root, shareCount, windowCredited, then (miner, score) pairs.
    /// Freezes the window once; returns 1 when written, 0 when it was frozen already.
    /// </summary>
    public const string FreezeWindow = """
        if redis.call('HEXISTS', KEYS[1], 'root') == 1 then return 0 end
        redis.call('DEL', KEYS[2])
        for i = 5, #ARGV, 2 do
          redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1])
        end
        redis.call('HSET', KEYS[1], 'windowStartId', ARGV[1], 'root', ARGV[2], 'windowShares', ARGV[3], 'windowCredited', ARGV[4])
        return 1
        """;

    /// <summary>
    /// KEYS: round hash, pending rounds. ARGV: round, new status, confirmations, checkedMs.
    /// Moves a round out of pending once; returns 1 when changed, 0 when it was not pending.
    /// </summary>
    public const string SettleStatus = """
        if redis.call('HGET', KEYS[1], 'status') ~= 'pending' then return 0 end
        redis.call('HSET', KEYS[1], 'status', ARGV[2], 'confirmations', ARGV[3], 'settledMs', ARGV[4])
        redis.call('SREM', KEYS[2], ARGV[1])
        return 1
        """;
}
