using Microsoft.Extensions.Logging;
using Pool.Core.Mining;
using Pool.Ledger.Records;
using Pool.Ledger.Redis;
using Pool.Ledger.Spool;
using StackExchange.Redis;

namespace Pool.Ledger;

/// <summary>
/// The share ledger: shares and found blocks go to the local spool first (durable before the call completes), and a background
/// writer moves them into Redis in order, in batches, exactly once, however long Redis is away. Also the round store settlement reads.
/// </summary>
public sealed partial class RedisShareLedger : IShareSink, IBlockFoundSink, IRoundStore, IAsyncDisposable
{
    private readonly LedgerOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly IConnectionMultiplexer _redis;
    private readonly SemaphoreSlim _appended = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private ShareSpool? _spool;
    private SpoolCursor? _cursor;
    private Task? _pusher;
    private string _spoolName = string.Empty;
    private TaskCompletionSource _checkpointAdvanced = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Creates the ledger; call <see cref="StartAsync"/> before recording.</summary>
    public RedisShareLedger(LedgerOptions options, IConnectionMultiplexer redis, ILogger<RedisShareLedger> logger, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        LedgerOptionsValidator.ThrowIfInvalid(options);
        _options = options;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _redis = redis;
        Store = new RedisLedgerStore(redis, options.PoolId, options.PplnsWindowFactor);
        Counters = new LedgerCounters(() => _spool?.Depth ?? 0, () => _spool?.RecordsWritten ?? 0);
    }

    /// <summary>Counters for metrics.</summary>
    public LedgerCounters Counters { get; }

    /// <summary>The Redis side of the ledger (rounds, windows, status, retention).</summary>
    public RedisLedgerStore Store { get; }

    /// <summary>The spool's name in Redis: instance id and spool epoch.</summary>
    public string SpoolName => _spoolName;

    /// <summary>Opens the spool (replaying what it holds beyond the checkpoint) and starts the Redis writer.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_spool is not null)
        {
            throw new InvalidOperationException("the ledger is started already");
        }

        if (_stop.IsCancellationRequested)
        {
            throw new InvalidOperationException("a stopped ledger cannot start again; create a new one on the same spool directory");
        }

        _spool = ShareSpool.Open(_options.SpoolDirectory, _options.SpoolSegmentBytes, _options.SpoolFsync, _logger);
        _spoolName = _options.InstanceId + "/" + _spool.Epoch;
        _cursor = new SpoolCursor(_spool, _spool.CheckpointSequence, _logger);
        _lastApplied = _spool.CheckpointSequence;
        _redis.ConnectionFailed += OnConnectionFailed;
        _redis.ConnectionRestored += OnConnectionRestored;
        _spool.Appended += SignalAppended;
        if (_spool.Depth > 0)
        {
            _logger.LogInformation("Ledger replays {Depth} spooled records into Redis", _spool.Depth);
        }

        _pusher = Task.Run(() => PushLoopAsync(_stop.Token), CancellationToken.None);
        _ = Task.Run(WarnAboutDurabilityAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask RecordAsync(AcceptedShare share, CancellationToken cancellationToken = default)
    {
        var spool = _spool ?? throw new InvalidOperationException("the ledger is not started");
        ShareRecord.Validate(share);
        return spool.AppendAsync(SpoolRecordType.Share, ShareRecord.MaxByteCount(share), share, static (s, destination) => ShareRecord.Write(s, destination));
    }

    /// <inheritdoc/>
    public async ValueTask BlockFoundAsync(FoundBlock block, CancellationToken cancellationToken = default)
    {
        var spool = _spool ?? throw new InvalidOperationException("the ledger is not started");
        await spool.AppendAsync(SpoolRecordType.Block, BlockRecord.Encode(block)).ConfigureAwait(false);
        _logger.LogInformation("Block {Hash} at height {Height} found by {Finder}: the round closes", block.BlockHash, block.Height, block.Finder);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<ClosedRound>> GetClosedRoundsAsync(CancellationToken cancellationToken = default) =>
        Store.GetClosedRoundsAsync(_options.PoolId);

    /// <summary>Waits until Redis holds everything spooled before the call.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var spool = _spool ?? throw new InvalidOperationException("the ledger is not started");
        var target = spool.DurableSequence;
        while (true)
        {
            var advanced = Volatile.Read(ref _checkpointAdvanced);
            if (spool.CheckpointSequence >= target)
            {
                return;
            }

            await advanced.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Stops: waits for Redis to take the spool until <paramref name="cancellationToken"/> fires, then stops the writer.
    /// What Redis did not take stays in the spool for the next start.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_spool is null)
        {
            return;
        }

        try
        {
            await FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _logger.LogWarning("Ledger stops with {Depth} records not yet in Redis; they stay in the spool", _spool.Depth);
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        if (_pusher is not null)
        {
            await _pusher.ConfigureAwait(false);
        }

        _spool.Appended -= SignalAppended;
        _redis.ConnectionFailed -= OnConnectionFailed;
        _redis.ConnectionRestored -= OnConnectionRestored;
        _cursor?.Dispose();
        await _spool.DisposeAsync().ConfigureAwait(false);
        _spool = null;
    }

    public async ValueTask DisposeAsync()
    {
        using (var now = new CancellationTokenSource())
        {
            await now.CancelAsync().ConfigureAwait(false);
            await StopAsync(now.Token).ConfigureAwait(false);
        }

        _stop.Dispose();
        _appended.Dispose();
    }

    // Best effort at start: Redis may be down, and some hosted servers refuse INFO.
    private async Task WarnAboutDurabilityAsync()
    {
        try
        {
            foreach (var warning in await RedisDurabilityCheck.CheckAsync(_redis).ConfigureAwait(false))
            {
                _logger.LogWarning("{Warning}", warning);
            }
        }
        catch (Exception e)
        {
            _logger.LogDebug("Redis persistence settings could not be read: {Message}", e.Message);
        }
    }

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e)
    {
        Counters.ConnectionFailed();
        _logger.LogWarning("Redis connection to {EndPoint} failed ({Failure}: {Message}); shares stay in the spool until it is back", e.EndPoint, e.FailureType, e.Exception?.Message);
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e) =>
        _logger.LogInformation("Redis connection to {EndPoint} restored", e.EndPoint);

    private void SignalAppended()
    {
        if (_appended.CurrentCount == 0)
        {
            try
            {
                _appended.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another append signalled first; one wake-up is enough.
            }
        }
    }
}
