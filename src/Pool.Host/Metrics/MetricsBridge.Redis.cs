using Microsoft.Extensions.Logging;
using Pool.Core.Mining;
using Pool.Host.Health;
using Pool.Settlement.Settlement;

namespace Pool.Host.Metrics;

/// <summary>The part of each scrape read from Redis and the node: hashrates, miners, rounds and settlement state.</summary>
public sealed partial class MetricsBridge
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(3);

    /// <summary>Logs failures of the scrape-time reads (a scrape still answers with the counters).</summary>
    public ILogger? Logger { get; init; }

    private async Task ReadRedisAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(ReadTimeout);
            var synced = ReadNodeSyncedAsync(timeout.Token);
            var pool = _stats.Hashrate.GetPoolAsync().WaitAsync(timeout.Token);
            var rates = _stats.GetTenMinuteRatesAsync().WaitAsync(timeout.Token);
            var rounds = _stats.GetClosedRoundsAsync().WaitAsync(timeout.Token);
            var handled = _stats.GetHandledRoundsAsync().WaitAsync(timeout.Token);
            var chunks = _stats.GetSettlementChunksAsync().WaitAsync(timeout.Token);
            await Task.WhenAll(synced, pool, rates, rounds, handled, chunks).ConfigureAwait(false);

            _metrics.NodeSynced.Set(synced.Result ? 1 : 0);
            _metrics.PoolHashrate.Set(pool.Result.TenMinutes);
            _metrics.Miners.Set(rates.Result.Miners.Count);
            lock (_copyLock)
            {
                SetTopMiners(rates.Result.Miners);
            }

            SetRounds(rounds.Result, handled.Result);
            SetSettlement(chunks.Result);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Logger?.LogWarning("Metrics could not read Redis or the node: {Error}", e.Message);
        }
    }

    private async Task<bool> ReadNodeSyncedAsync(CancellationToken cancellationToken)
    {
        var fresh = _chain.LastTemplateAt is DateTimeOffset at && _time.GetUtcNow() - at <= PoolHealth.MaxTemplateAge;
        return fresh && (await _nodeProbe.CheckAsync(cancellationToken).ConfigureAwait(false)).Problem is null;
    }

    // Only the top N miners get a series; a miner that drops out of the top N has its series removed.
    private void SetTopMiners(IReadOnlyDictionary<string, double> miners)
    {
        var top = MinerRanking.Top(miners, _topMiners);
        foreach (var gone in _minerSeries.Except(top.Select(m => m.Key)).ToList())
        {
            _metrics.MinerHashrate.RemoveLabelled(gone);
            _minerSeries.Remove(gone);
        }

        foreach (var (miner, rate) in top)
        {
            _metrics.MinerHashrate.WithLabels(miner).Set(rate);
            _minerSeries.Add(miner);
        }
    }

    private void SetRounds(IReadOnlyList<ClosedRound> rounds, IReadOnlyDictionary<string, string> handled)
    {
        _metrics.BlocksConfirmed.IncTo(rounds.Count(r => r.Status == RoundStatus.Confirmed));
        _metrics.BlocksOrphaned.IncTo(rounds.Count(r => r.Status == RoundStatus.Orphaned));
        _metrics.SettlementPendingRounds.Set(rounds.Count(r => r.Status == RoundStatus.Confirmed && !handled.ContainsKey(r.RoundId)));
    }

    private void SetSettlement(IReadOnlyList<SettlementChunk> chunks)
    {
        var mined = chunks.Where(c => c.State is ChunkState.Mined or ChunkState.Final).ToList();
        var open = chunks.Where(c => c.State != ChunkState.Final).ToList();
        _metrics.SettlementOpenChunks.Set(open.Count);
        _metrics.SettlementFailingChunks.Set(open.Count(c => c.LastError is not null));
        _metrics.TokensMinted.IncTo(mined.Sum(c => c.Total));
        _metrics.GasSpent.IncTo(mined.Sum(c => c.GasUsed ?? 0));
        var last = mined.SelectMany(c => c.Attempts).Select(a => (DateTimeOffset?)a.SignedAt).Max();
        if (last is DateTimeOffset signed)
        {
            _metrics.SettlementLastSuccess.Set(signed.ToUnixTimeMilliseconds() / 1000.0);
        }
    }
}
