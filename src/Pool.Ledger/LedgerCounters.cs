using System.Diagnostics;

namespace Pool.Ledger;

/// <summary>Running totals of the ledger, read by the metrics layer; all members are safe to read from any thread.</summary>
public sealed class LedgerCounters
{
    private readonly Func<long> _spoolDepth;
    private readonly Func<long> _spooled;
    private long _batches;
    private long _sharesWritten;
    private long _replaysSkipped;
    private long _roundsClosed;
    private long _redisErrors;
    private long _redisLostWrites;
    private long _connectionFailures;
    private long _batchTicksTotal;
    private long _lastBatchSize;
    private long _lastBatchTicks;
    private string? _lastRedisError;

    internal LedgerCounters(Func<long> spoolDepth, Func<long> spooled)
    {
        _spoolDepth = spoolDepth;
        _spooled = spooled;
    }

    /// <summary>Records (shares and found blocks) made durable in the spool since start.</summary>
    public long RecordsSpooled => _spooled();

    /// <summary>Batches Redis applied.</summary>
    public long Batches => Volatile.Read(ref _batches);

    /// <summary>Shares Redis applied (each counted once).</summary>
    public long SharesWritten => Volatile.Read(ref _sharesWritten);

    /// <summary>Shares sent again after a failure that Redis recognised as already applied and skipped.</summary>
    public long ReplaysSkipped => Volatile.Read(ref _replaysSkipped);

    /// <summary>Rounds this instance closed.</summary>
    public long RoundsClosed => Volatile.Read(ref _roundsClosed);

    /// <summary>Redis errors and timeouts (each failed attempt counts once).</summary>
    public long RedisErrors => Volatile.Read(ref _redisErrors);

    /// <summary>Records Redis had acknowledged and later no longer held (it lost data); should stay 0.</summary>
    public long RedisLostWrites => Volatile.Read(ref _redisLostWrites);

    /// <summary>Times the Redis connection failed (including failovers).</summary>
    public long ConnectionFailures => Volatile.Read(ref _connectionFailures);

    /// <summary>The last Redis error's message, or null.</summary>
    public string? LastRedisError => Volatile.Read(ref _lastRedisError);

    /// <summary>Size of the last batch applied.</summary>
    public long LastBatchSize => Volatile.Read(ref _lastBatchSize);

    /// <summary>Round-trip time of the last batch applied.</summary>
    public TimeSpan LastBatchLatency => Stopwatch.GetElapsedTime(0, Volatile.Read(ref _lastBatchTicks));

    /// <summary>Sum of the round-trip times of all batches applied (divide by <see cref="Batches"/> for the mean).</summary>
    public TimeSpan TotalBatchLatency => Stopwatch.GetElapsedTime(0, Volatile.Read(ref _batchTicksTotal));

    /// <summary>Records in the spool that Redis does not hold yet.</summary>
    public long SpoolDepth => _spoolDepth();

    internal void RoundClosed() => Interlocked.Increment(ref _roundsClosed);

    internal void ReplaySkipped(long shares) => Interlocked.Add(ref _replaysSkipped, shares);

    internal void BatchWritten(int shares, long elapsedTicks)
    {
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _sharesWritten, shares);
        Interlocked.Add(ref _batchTicksTotal, elapsedTicks);
        Volatile.Write(ref _lastBatchSize, shares);
        Volatile.Write(ref _lastBatchTicks, elapsedTicks);
    }

    internal void LostWrites(long records) => Interlocked.Add(ref _redisLostWrites, records);

    internal void ConnectionFailed() => Interlocked.Increment(ref _connectionFailures);

    internal void RedisError(Exception error)
    {
        Interlocked.Increment(ref _redisErrors);
        Volatile.Write(ref _lastRedisError, error.GetType().Name + ": " + error.Message);
    }
}
