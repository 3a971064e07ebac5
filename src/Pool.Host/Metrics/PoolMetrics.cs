using Prometheus;

namespace Pool.Host.Metrics;

/// <summary>Every metric the pool exports, registered in one registry so dashboards and alert rules can be checked against it.</summary>
public sealed class PoolMetrics
{
    /// <summary>Creates the metrics in <paramref name="registry"/> (process metrics included when it is the default registry).</summary>
    public PoolMetrics(CollectorRegistry registry)
    {
        Registry = registry;
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);

        Connections = factory.CreateGauge("pool_stratum_connections", "Stratum connections open now.");
        ConnectionsOpened = factory.CreateCounter("pool_stratum_connections_opened_total", "Stratum connections accepted.");
        ConnectionsClosed = factory.CreateCounter("pool_stratum_connections_closed_total", "Stratum connections closed, by reason.", "reason");
        Subscriptions = factory.CreateGauge("pool_stratum_subscriptions", "Connections that subscribed.");
        AuthorizedWorkers = factory.CreateGauge("pool_stratum_authorized_workers", "Workers authorized now.");
        SharesAccepted = factory.CreateCounter("pool_shares_accepted_total", "Shares accepted, by port.", "port");
        SharesRejected = factory.CreateCounter("pool_shares_rejected_total", "Shares rejected, by port and reason.", "port", "reason");
        DifficultyCredited = factory.CreateCounter("pool_shares_difficulty_credited_total", "Sum of the difficulty credited to accepted shares.");
        ShareDifficulty = factory.CreateHistogram("pool_share_difficulty", "Difficulty of accepted shares.",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(1e-6, 10, 16) });
        PoolHashrate = factory.CreateGauge("pool_hashrate_hashes_per_second", "Pool hashrate estimated from credited difficulty over 10 minutes.");
        MinerHashrate = factory.CreateGauge("pool_miner_hashrate_hashes_per_second", "Hashrate of the top miners (bounded to the configured count).", "miner");
        Miners = factory.CreateGauge("pool_miners", "Miners (payout addresses) with shares in the last 10 minutes.");
        VardiffRetargets = factory.CreateCounter("pool_vardiff_retargets_total", "Difficulty changes made by vardiff.");
        Bans = factory.CreateCounter("pool_bans_total", "Addresses banned for invalid shares.");
        BannedAddresses = factory.CreateGauge("pool_banned_addresses", "Addresses banned now.");
        BlocksFound = factory.CreateCounter("pool_blocks_found_total", "Shares that met the network target.");
        BlocksSubmitted = factory.CreateCounter("pool_blocks_submitted_total", "Blocks submitted to the node.");
        BlocksAccepted = factory.CreateCounter("pool_blocks_accepted_total", "Blocks the node accepted.");
        BlocksRejected = factory.CreateCounter("pool_blocks_rejected_total", "Blocks the node rejected, by reason.", "reason");
        BlocksConfirmed = factory.CreateCounter("pool_blocks_confirmed_total", "Blocks that reached coinbase maturity.");
        BlocksOrphaned = factory.CreateCounter("pool_blocks_orphaned_total", "Blocks no longer on the active chain.");
        TemplateAge = factory.CreateGauge("pool_template_age_seconds", "Age of the newest block template.");
        NewBlockNotifyLatency = factory.CreateHistogram("pool_new_block_notify_latency_seconds", "From a new block on the node to the new job being ready.",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.001, 2, 14) });
        NodeRpcDuration = factory.CreateHistogram("pool_node_rpc_duration_seconds", "Coin node RPC call duration, by method.",
            new HistogramConfiguration { LabelNames = ["method"], Buckets = Histogram.ExponentialBuckets(0.0005, 2, 16) });
        NodeRpcErrors = factory.CreateCounter("pool_node_rpc_errors_total", "Coin node RPC calls that failed, by method.", "method");
        NodeSynced = factory.CreateGauge("pool_node_synced", "1 when the coin node answers, has peers, is out of initial block download and the template is fresh.");
        LedgerBatchSize = factory.CreateHistogram("pool_ledger_batch_size", "Shares per Redis write batch.",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(1, 2, 14) });
        LedgerBatchDuration = factory.CreateHistogram("pool_ledger_batch_duration_seconds", "Redis write batch round-trip time.",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.0001, 2, 16) });
        LedgerRedisErrors = factory.CreateCounter("pool_ledger_redis_errors_total", "Redis errors and timeouts seen by the ledger.");
        LedgerSpoolDepth = factory.CreateGauge("pool_ledger_spool_depth", "Accepted shares in the local spool not yet in Redis.");
        SettlementOpenChunks = factory.CreateGauge("pool_settlement_open_chunks", "Settlement transactions planned or sent but not final yet.");
        SettlementFailingChunks = factory.CreateGauge("pool_settlement_failing_chunks", "Open settlement transactions whose last step failed.");
        SettlementLastSuccess = factory.CreateGauge("pool_settlement_last_success_timestamp_seconds", "Unix time the newest settlement transaction that was mined was signed.");
        SettlementPendingRounds = factory.CreateGauge("pool_settlement_pending_rounds", "Confirmed rounds not yet settled.");
        TokensMinted = factory.CreateCounter("pool_tokens_minted_total", "Reward token base units minted by mined settlement transactions.");
        GasSpent = factory.CreateCounter("pool_settlement_gas_used_total", "Gas used by mined settlement transactions.");
    }

    /// <summary>The registry the metrics live in.</summary>
    public CollectorRegistry Registry { get; }

    public Gauge Connections { get; }
    public Counter ConnectionsOpened { get; }
    public Counter ConnectionsClosed { get; }
    public Gauge Subscriptions { get; }
    public Gauge AuthorizedWorkers { get; }
    public Counter SharesAccepted { get; }
    public Counter SharesRejected { get; }
    public Counter DifficultyCredited { get; }
    public Histogram ShareDifficulty { get; }
    public Gauge PoolHashrate { get; }
    public Gauge MinerHashrate { get; }
    public Gauge Miners { get; }
    public Counter VardiffRetargets { get; }
    public Counter Bans { get; }
    public Gauge BannedAddresses { get; }
    public Counter BlocksFound { get; }
    public Counter BlocksSubmitted { get; }
    public Counter BlocksAccepted { get; }
    public Counter BlocksRejected { get; }
    public Counter BlocksConfirmed { get; }
    public Counter BlocksOrphaned { get; }
    public Gauge TemplateAge { get; }
    public Histogram NewBlockNotifyLatency { get; }
    public Histogram NodeRpcDuration { get; }
    public Counter NodeRpcErrors { get; }
    public Gauge NodeSynced { get; }
    public Histogram LedgerBatchSize { get; }
    public Histogram LedgerBatchDuration { get; }
    public Counter LedgerRedisErrors { get; }
    public Gauge LedgerSpoolDepth { get; }
    public Gauge SettlementOpenChunks { get; }
    public Gauge SettlementFailingChunks { get; }
    public Gauge SettlementLastSuccess { get; }
    public Gauge SettlementPendingRounds { get; }
    public Counter TokensMinted { get; }
    public Counter GasSpent { get; }
}
