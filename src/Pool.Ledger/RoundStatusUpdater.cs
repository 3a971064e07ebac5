using Microsoft.Extensions.Logging;
using Pool.Core.Mining;
using Pool.Ledger.Redis;

namespace Pool.Ledger;

/// <summary>
/// Periodically asks the node about pending blocks: confirmed after maturity on the active chain, orphaned once off it. Also
/// freezes any window a crash left unfrozen and trims shares past retention.
/// </summary>
public sealed class RoundStatusUpdater : IAsyncDisposable
{
    private readonly RedisLedgerStore _store;
    private readonly IBlockConfirmationSource _source;
    private readonly LedgerOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    /// <summary>Creates the updater over the ledger's <paramref name="store"/>.</summary>
    public RoundStatusUpdater(RedisLedgerStore store, IBlockConfirmationSource source, LedgerOptions options, ILogger<RoundStatusUpdater> logger, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _store = store;
        _source = source;
        _options = options;
        _logger = logger;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Starts checking every <see cref="LedgerOptions.StatusCheckInterval"/>.</summary>
    public void Start() => _loop ??= Task.Run(() => RunAsync(_stop.Token));

    /// <summary>One pass over the pending rounds; returns how many changed status.</summary>
    public async Task<int> CheckOnceAsync(CancellationToken cancellationToken = default)
    {
        var changed = 0;
        foreach (var (round, hash) in await _store.GetPendingRoundsAsync().ConfigureAwait(false))
        {
            await _store.FreezeWindowAsync(round).ConfigureAwait(false);
            var confirmation = await _source.GetConfirmationAsync(hash, cancellationToken).ConfigureAwait(false);
            RoundStatus? status = !confirmation.OnActiveChain ? RoundStatus.Orphaned
                : confirmation.Confirmations >= _options.MaturityConfirmations ? RoundStatus.Confirmed
                : null;
            if (status is { } settled && await _store.SettleStatusAsync(round, settled, confirmation.Confirmations, _time.GetUtcNow()).ConfigureAwait(false))
            {
                changed++;
                _logger.LogInformation("Round {Round} (block {Hash}) is {Status} with {Confirmations} confirmations", round, hash, settled, confirmation.Confirmations);
            }
        }

        var trimmed = await _store.TrimAsync(_options.Retention, _time.GetUtcNow()).ConfigureAwait(false);
        if (trimmed > 0)
        {
            _logger.LogInformation("Trimmed {Count} shares older than {Retention}", trimmed, _options.Retention);
        }

        return changed;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(_options.StatusCheckInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                try
                {
                    await CheckOnceAsync(stop).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    _logger.LogWarning("Block status check failed ({Kind}: {Message}); retried in {Interval}", e.GetType().Name, e.Message, _options.StatusCheckInterval);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
