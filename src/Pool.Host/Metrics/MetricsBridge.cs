using Pool.Chain.Hosting;
using Pool.Core.Mining;
using Pool.Ledger;
using Pool.Stratum;
using Pool.Stratum.Shares;

namespace Pool.Host.Metrics;

/// <summary>
/// Copies the components' own counters into <see cref="PoolMetrics"/> just before each scrape, so the components
/// stay free of any metrics library and the hot path pays nothing for metrics.
/// </summary>
public sealed class MetricsBridge
{
    private static readonly ShareRejectReason[] RejectReasons = Enum.GetValues<ShareRejectReason>();
    private readonly PoolMetrics _metrics;
    private readonly StratumServer _stratum;
    private readonly RedisShareLedger _ledger;
    private readonly ChainServices _chain;
    private readonly TimeProvider _time;
    private readonly string _port;

    /// <summary>Registers the copy with the metrics registry and listens for accepted shares.</summary>
    public MetricsBridge(PoolMetrics metrics, StratumServer stratum, RedisShareLedger ledger, ChainServices chain, TimeProvider time)
    {
        _metrics = metrics;
        _stratum = stratum;
        _ledger = ledger;
        _chain = chain;
        _time = time;
        _port = stratum.BoundEndPoints.Count > 0 ? stratum.BoundEndPoints[0].Port.ToString(System.Globalization.CultureInfo.InvariantCulture) : "none";
        metrics.Registry.AddBeforeCollectCallback(Copy);
        stratum.ShareAccepted += OnShareAccepted;
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
        var stratum = _stratum.Counters;
        _metrics.Connections.Set(stratum.ConnectionsCurrent);
        _metrics.ConnectionsOpened.IncTo(stratum.ConnectionsOpened);
        _metrics.ConnectionsClosed.WithLabels("refused").IncTo(stratum.ConnectionsRefused);
        _metrics.SharesAccepted.WithLabels(_port).IncTo(stratum.SharesAccepted);
        foreach (var reason in RejectReasons)
        {
            _metrics.SharesRejected.WithLabels(_port, reason.ToString()).IncTo(stratum.SharesRejected(reason));
        }

        _metrics.BlocksFound.IncTo(stratum.BlocksFound);
        _metrics.BlocksRejected.WithLabels("node").IncTo(stratum.BlocksRejected);
        _metrics.Bans.IncTo(stratum.Bans);
        _metrics.VardiffRetargets.IncTo(stratum.VardiffRetargets);

        var ledger = _ledger.Counters;
        _metrics.LedgerRedisErrors.IncTo(ledger.RedisErrors);
        _metrics.LedgerSpoolDepth.Set(ledger.SpoolDepth);

        if (_chain.LastTemplateAt is DateTimeOffset at)
        {
            _metrics.TemplateAge.Set((_time.GetUtcNow() - at).TotalSeconds);
        }
    }
}
