using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Pool.Ledger.Records;
using Pool.Ledger.Redis;
using Pool.Ledger.Spool;
using StackExchange.Redis;

namespace Pool.Ledger;

/// <summary>The background writer: spool → Redis in order, retrying with back-off while Redis is away.</summary>
public sealed partial class RedisShareLedger
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan OutageLogInterval = TimeSpan.FromSeconds(10);
    private long _lastApplied;
    private long _failuresInOutage;
    private long _lastOutageLog;

    private async Task PushLoopAsync(CancellationToken stop)
    {
        var entries = new List<SpoolEntry>(_options.BatchSize);
        var run = new List<SpoolEntry>(_options.BatchSize);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                if (_cursor!.Read(entries, _options.BatchSize) == 0)
                {
                    await _appended.WaitAsync(stop).ConfigureAwait(false);
                    if (_options.BatchLinger > TimeSpan.Zero)
                    {
                        await Task.Delay(_options.BatchLinger, _time, stop).ConfigureAwait(false);
                    }

                    continue;
                }

                await WriteEntriesAsync(entries, run, stop).ConfigureAwait(false);
                _spool!.SaveCheckpoint(entries[^1].Sequence);
                Interlocked.Exchange(ref _checkpointAdvanced, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopping; what was not written stays in the spool.
        }
    }

    // The entries read are written until Redis has them all: an unexpected failure retries the same entries (Redis skips
    // what it already applied), because moving on would leave a gap that no replay could fill.
    private async Task WriteEntriesAsync(List<SpoolEntry> entries, List<SpoolEntry> run, CancellationToken stop)
    {
        while (true)
        {
            try
            {
                run.Clear();
                foreach (var entry in entries)
                {
                    if (entry.Type == SpoolRecordType.Share)
                    {
                        run.Add(entry);
                        continue;
                    }

                    await PushSharesAsync(run, stop).ConfigureAwait(false);
                    run.Clear();
                    await CloseRoundAsync(entry, stop).ConfigureAwait(false);
                }

                await PushSharesAsync(run, stop).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Counters.RedisError(e);
                _logger.LogError(e, "Ledger writer failed on spool records {First} to {Last}; retrying them", entries[0].Sequence, entries[^1].Sequence);
                await Task.Delay(_options.MaxRetryDelay, _time, stop).ConfigureAwait(false);
            }
        }
    }

    private async Task PushSharesAsync(List<SpoolEntry> run, CancellationToken stop)
    {
        IReadOnlyList<SpoolEntry> pending = run;
        while (pending.Count > 0)
        {
            var started = Stopwatch.GetTimestamp();
            var result = await WithRetryAsync(() => Store.PushSharesAsync(_spoolName, pending), stop).ConfigureAwait(false);
            switch (result.Outcome)
            {
                case PushOutcome.Applied:
                    Counters.BatchWritten(pending.Count, Stopwatch.GetTimestamp() - started);
                    CheckNothingLost(result.AppliedBefore, pending[^1].Sequence);
                    return;
                case PushOutcome.AlreadyApplied:
                    Counters.ReplaySkipped(pending.Count);
                    return;
                default:
                    var applied = result.Value;
                    _lastApplied = Math.Max(_lastApplied, applied);
                    var rest = pending.Where(e => e.Sequence > applied).ToList();
                    Counters.ReplaySkipped(pending.Count - rest.Count);
                    pending = rest;
                    break;
            }
        }
    }

    private async Task CloseRoundAsync(SpoolEntry entry, CancellationToken stop)
    {
        if (!BlockRecord.TryDecode(entry.Payload.Span, out var block))
        {
            _logger.LogError("Spool record {Sequence} is not a readable found block; skipped", entry.Sequence);
            return;
        }

        var result = await WithRetryAsync(() => Store.CloseRoundAsync(_spoolName, entry.Sequence, block!, _time.GetUtcNow()), stop).ConfigureAwait(false);
        if (result.Outcome != PushOutcome.Applied)
        {
            return;
        }

        CheckNothingLost(result.AppliedBefore, entry.Sequence);
        Counters.RoundClosed();
        _logger.LogInformation("Round {Round} closed by block {Hash} at height {Height}", result.Value, block!.BlockHash, block.Height);
        try
        {
            await Store.FreezeWindowAsync(result.Value).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // The window is defined by the close; the status updater (or the next read of rounds) freezes it.
            Counters.RedisError(e);
            _logger.LogWarning("Round {Round}: freezing the PPLNS window failed ({Error}); it is retried later", result.Value, e.Message);
        }
    }

    // Redis answering with less than it acknowledged before means it lost writes (restarted without persistence, or a failover
    // to a replica that was behind): the spool has already let go of them, so this is loud.
    private void CheckNothingLost(long appliedBefore, long appliedNow)
    {
        if (appliedBefore < _lastApplied)
        {
            Counters.LostWrites(_lastApplied - appliedBefore);
            _logger.LogCritical(
                "Redis lost ledger writes: it held spool {Spool} up to record {Held} but had acknowledged up to {Acknowledged}; run Redis with appendonly yes and check failovers",
                _spoolName,
                appliedBefore,
                _lastApplied);
        }

        _lastApplied = appliedNow;
    }

    private async Task<T> WithRetryAsync<T>(Func<Task<T>> attempt, CancellationToken stop)
    {
        var delay = FirstRetryDelay;
        while (true)
        {
            try
            {
                var result = await attempt().ConfigureAwait(false);
                EndOutage();
                return result;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                Counters.RedisError(e);
                LogOutage(e);
                await Task.Delay(delay, _time, stop).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRetryDelay.Ticks));
            }
        }
    }

    private void LogOutage(Exception e)
    {
        var now = Stopwatch.GetTimestamp();
        if (_failuresInOutage++ == 0 || Stopwatch.GetElapsedTime(_lastOutageLog, now) >= OutageLogInterval)
        {
            _lastOutageLog = now;
            _logger.LogWarning(
                "Redis write failed ({Kind}: {Message}); {Failures} failures so far, {Depth} records wait in the spool and mining goes on",
                e.GetType().Name,
                e.Message,
                _failuresInOutage,
                Counters.SpoolDepth);
        }
    }

    private void EndOutage()
    {
        if (_failuresInOutage > 0)
        {
            _logger.LogInformation("Redis writes succeed again after {Failures} failures; replaying {Depth} spooled records", _failuresInOutage, Counters.SpoolDepth);
            _failuresInOutage = 0;
        }
    }
}
