using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Pool.Chain.Hosting;
using Pool.Core.Mining;
using Pool.Host.Health;
using Pool.Host.Stats;
using Pool.Ledger;
using Pool.Stratum;
using Pool.Stratum.Server;
using Pool.Stratum.Shares;

namespace Pool.Host.Metrics;

/// <summary>
/// Copies the components' own counters into <see cref="PoolMetrics"/> just before each scrape, so the components
/// stay free of any metrics library and the hot path pays nothing for metrics. Figures kept in Redis (hashrate, rounds,
/// settlement) are read at scrape time.
/// </summary>
public sealed partial class MetricsBridge
{
    private static readonly ShareRejectReason[] RejectReasons = Enum.GetValues<ShareRejectReason>();
    private static readonly ConnectionCloseReason[] CloseReasons = Enum.GetValues<ConnectionCloseReason>();
    private readonly PoolMetrics _metrics;
    private readonly StratumServer _stratum;
    private readonly RedisShareLedger _ledger;
    private readonly ChainServices _chain;
    private readonly PoolStatsReader _stats;
    private readonly NodeSyncProbe _nodeProbe;
    private readonly int _topMiners;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, (long Calls, long Errors, TimeSpan Duration)> _rpcSeen = new(StringComparer.Ordinal);
    private readonly HashSet<string> _minerSeries = new(StringComparer.Ordinal);
    private readonly Lock _copyLock = new();
    private readonly ConcurrentDictionary<IPAddress, DateTimeOffset> _bannedUntil = new();
    private long _batchesSeen;
    private long _sharesWrittenSeen;
    private TimeSpan _batchLatencySeen;
    private long _newBlockJobsSeen;
    private TimeSpan _newBlockLatencySeen;

    /// <summary>Registers the copy with the metrics registry and listens for accepted shares.</summary>
    public MetricsBridge(PoolMetrics metrics, StratumServer stratum, RedisShareLedger ledger, ChainServices chain, PoolStatsReader stats, int topMiners, TimeProvider time)
    {
        _metrics = metrics;
        _stratum = stratum;
        _ledger = ledger;
        _chain = chain;
        _stats = stats;
        _nodeProbe = new NodeSyncProbe(chain);
        _topMiners = topMiners;
        _time = time;
        foreach (var bound in stratum.BoundEndPoints)
        {
            // Publish a zero for every port from the start, so rates and alerts see the series before the first share.
            metrics.SharesAccepted.WithLabels(bound.Port.ToString(CultureInfo.InvariantCulture));
        }

        metrics.Registry.AddBeforeCollectCallback(Copy);
        metrics.Registry.AddBeforeCollectCallback(ReadRedisAsync);
        stratum.ShareAccepted += OnShareAccepted;
        stratum.AddressBanned += (address, until) => _bannedUntil[address] = until;
    }

    /// <summary>Counts a block the node accepted.</summary>
    public void OnBlockAccepted() => _metrics.BlocksAccepted.Inc();

    private void OnShareAccepted(AcceptedShare share)
    {
        _metrics.DifficultyCredited.Inc(share.Difficulty);
        _metrics.ShareDifficulty.Observe(share.Difficulty);
    }

    private void Copy()
    {
        lock (_copyLock)
        {
            CopyCounters();
        }
    }

    private void CopyCounters()
    {
        var stratum = _stratum.Counters;
        _metrics.Connections.Set(stratum.ConnectionsCurrent);
        _metrics.ConnectionsOpened.IncTo(stratum.ConnectionsOpened);
        _metrics.ConnectionsClosed.WithLabels("refused").IncTo(stratum.ConnectionsRefused);
        foreach (var reason in CloseReasons)
        {
            _metrics.ConnectionsClosed.WithLabels(ReasonLabel(reason)).IncTo(stratum.ConnectionsClosedBy(reason));
        }
        _metrics.Subscriptions.Set(_stratum.SubscribedConnectionCount);
        _metrics.AuthorizedWorkers.Set(_stratum.AuthorizedWorkerCount);
        foreach (var port in stratum.Ports)
        {
            var label = port.Port.ToString(CultureInfo.InvariantCulture);
            _metrics.SharesAccepted.WithLabels(label).IncTo(port.SharesAccepted);
            foreach (var reason in RejectReasons)
            {
                _metrics.SharesRejected.WithLabels(label, reason.ToString()).IncTo(port.SharesRejected(reason));
            }
        }

        _metrics.BlocksFound.IncTo(stratum.BlocksFound + stratum.BlocksRejected);
        _metrics.BlocksSubmitted.IncTo(stratum.BlocksFound + stratum.BlocksRejected);
        _metrics.BlocksRejected.WithLabels("node").IncTo(stratum.BlocksRejected);
        _metrics.Bans.IncTo(stratum.Bans);
        CountBannedAddresses();
        _metrics.VardiffRetargets.IncTo(stratum.VardiffRetargets);

        CopyLedger(_ledger.Counters);
        CopyNodeRpc();
        CopyNewBlockLatency();
        if (_chain.LastTemplateAt is DateTimeOffset at)
        {
            _metrics.TemplateAge.Set((_time.GetUtcNow() - at).TotalSeconds);
        }
    }

    // Label values in the snake_case Prometheus users expect: ClientClosed → client_closed.
    private static string ReasonLabel(ConnectionCloseReason reason) =>
        string.Concat(reason.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private void CountBannedAddresses()
    {
        var now = _time.GetUtcNow();
        foreach (var (address, until) in _bannedUntil)
        {
            if (until <= now)
            {
                _bannedUntil.TryRemove(address, out _);
            }
        }

        _metrics.BannedAddresses.Set(_bannedUntil.Count);
    }

    // Histograms from running totals: each scrape observes the batches since the last one at their mean value.
    private void CopyLedger(LedgerCounters ledger)
    {
        _metrics.LedgerRedisErrors.IncTo(ledger.RedisErrors);
        _metrics.LedgerSpoolDepth.Set(ledger.SpoolDepth);
        var batches = ledger.Batches;
        var shares = ledger.SharesWritten;
        var latency = ledger.TotalBatchLatency;
        var newBatches = batches - _batchesSeen;
        if (newBatches > 0)
        {
            _metrics.LedgerBatchSize.Observe((double)(shares - _sharesWrittenSeen) / newBatches, newBatches);
            _metrics.LedgerBatchDuration.Observe((latency - _batchLatencySeen).TotalSeconds / newBatches, newBatches);
        }

        _batchesSeen = batches;
        _sharesWrittenSeen = shares;
        _batchLatencySeen = latency;
    }

    private void CopyNewBlockLatency()
    {
        var counters = _chain.TemplateCounters;
        var jobs = counters.NewBlockJobs;
        var latency = counters.TotalNewBlockLatency;
        if (jobs > _newBlockJobsSeen)
        {
            _metrics.NewBlockNotifyLatency.Observe((latency - _newBlockLatencySeen).TotalSeconds / (jobs - _newBlockJobsSeen), jobs - _newBlockJobsSeen);
        }

        _newBlockJobsSeen = jobs;
        _newBlockLatencySeen = latency;
    }

    private void CopyNodeRpc()
    {
        foreach (var method in _chain.Rpc.Counters.Methods)
        {
            var calls = method.Calls;
            var errors = method.Errors;
            var duration = method.TotalDuration;
            var seen = _rpcSeen.GetValueOrDefault(method.Method);
            var newCalls = calls - seen.Calls;
            if (newCalls > 0)
            {
                _metrics.NodeRpcDuration.WithLabels(method.Method).Observe((duration - seen.Duration).TotalSeconds / newCalls, newCalls);
            }

            _metrics.NodeRpcErrors.WithLabels(method.Method).IncTo(errors);
            _rpcSeen[method.Method] = (calls, errors, duration);
        }
    }
}
