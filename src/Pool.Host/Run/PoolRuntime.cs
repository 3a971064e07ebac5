using Microsoft.Extensions.Logging;
using Pool.Chain.Hosting;
using Pool.Host.Health;
using Pool.Host.Http;
using Pool.Host.Metrics;
using Pool.Host.Stats;
using Pool.Ledger;
using Pool.Settlement.Addresses;
using Pool.Stratum;
using StackExchange.Redis;

namespace Pool.Host.Run;

/// <summary>The running pool: chain side, Redis ledger, Stratum server and HTTP endpoint, started and stopped in order.</summary>
public sealed class PoolRuntime : IAsyncDisposable
{
    private readonly PoolSettings _settings;
    private readonly ILoggerFactory _loggerFactory;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private ConnectionMultiplexer? _redis;
    private RedisShareLedger? _ledger;
    private RoundStatusUpdater? _statusUpdater;
    private ChainServices? _chain;
    private StratumServer? _stratum;
    private PoolHttpEndpoint? _http;
    private NodeAvailabilityLog? _nodeLog;

    /// <summary>Prepares a runtime; nothing starts before <see cref="StartAsync"/>.</summary>
    public PoolRuntime(PoolSettings settings, ILoggerFactory loggerFactory, TimeProvider time)
    {
        _settings = settings;
        _loggerFactory = loggerFactory;
        _time = time;
        _logger = loggerFactory.CreateLogger<PoolRuntime>();
    }

    /// <summary>The Stratum server, once started.</summary>
    public StratumServer? Stratum => _stratum;

    /// <summary>The HTTP endpoint's address, once started.</summary>
    public Uri? HttpAddress => _http?.Address;

    /// <summary>
    /// Starts the ledger (replaying its spool), follows the node until the first job, then opens the Stratum ports and
    /// the HTTP endpoint. <paramref name="cancellationToken"/> aborts a start that waits for the node.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _redis = await LedgerRedisConnection.ConnectAsync(_settings.Ledger).ConfigureAwait(false);
        _ledger = new RedisShareLedger(_settings.Ledger, _redis, _loggerFactory.CreateLogger<RedisShareLedger>(), _time);
        await _ledger.StartAsync(cancellationToken).ConfigureAwait(false);

        _chain = ChainServices.Create(_settings.Chain, _loggerFactory, _time);
        _logger.LogInformation("Following {Coin} {Network} at {Node}; waiting for the first template",
            _chain.Profile.Name, _settings.Chain.Network, WithoutUserInfo(_settings.Chain.NodeUrl));
        await _chain.StartAsync(cancellationToken).ConfigureAwait(false);

        _statusUpdater = new RoundStatusUpdater(_ledger.Store, _chain.Confirmations, _settings.Ledger,
            _loggerFactory.CreateLogger<RoundStatusUpdater>(), _time);
        _statusUpdater.Start();
        _nodeLog = new NodeAvailabilityLog(_chain, _loggerFactory.CreateLogger<NodeAvailabilityLog>(), _time);
        _nodeLog.Start();

        var metrics = new PoolMetrics(Prometheus.Metrics.DefaultRegistry);
        MetricsBridge? bridge = null;
        var roundCloser = new RoundCloser(_ledger, _chain, () => bridge?.OnBlockAccepted(), _loggerFactory.CreateLogger<RoundCloser>());
        var addresses = new CoinAddressValidator(_chain.Profile, _settings.Chain.Network);
        var tokenBook = new RedisTokenAddressBook(_redis.GetDatabase(), _settings.TokenKeyPrefix);
        _stratum = new StratumServer(
            _settings.Stratum,
            _chain.Jobs,
            _chain.BlockSubmitter,
            _ledger,
            roundCloser,
            _chain.Profile.Pow,
            addresses,
            tokenBook,
            _loggerFactory,
            _time);
        await _stratum.StartAsync(cancellationToken).ConfigureAwait(false);
        var stats = new PoolStatsReader(_redis, _settings.Ledger, _settings.TokenKeyPrefix, _chain, _time);
        bridge = new MetricsBridge(metrics, _stratum, _ledger, _chain, stats, _settings.Host.TopMinersInMetrics, _time)
        {
            Logger = _loggerFactory.CreateLogger<MetricsBridge>(),
        };

        var health = new PoolHealth(_chain, _redis, _time);
        _http = await PoolHttpEndpoint.StartAsync(_settings.Host, metrics.Registry, health, stats, addresses, _loggerFactory).ConfigureAwait(false);
        _logger.LogInformation("HTTP endpoint on {Address} (/metrics, /health, /api/pool, /api/miners/{{address}})", _http.Address);
    }

    /// <summary>Stops accepting miners, answers in-flight submits, flushes the ledger, then closes everything.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        if (_stratum is not null)
        {
            await _stratum.StopAsync(deadline.Token).ConfigureAwait(false);
        }

        if (_http is not null)
        {
            await _http.DisposeAsync().ConfigureAwait(false);
        }

        if (_statusUpdater is not null)
        {
            await _statusUpdater.DisposeAsync().ConfigureAwait(false);
        }

        if (_nodeLog is not null)
        {
            await _nodeLog.DisposeAsync().ConfigureAwait(false);
        }

        if (_chain is not null)
        {
            await _chain.StopAsync().ConfigureAwait(false);
        }

        if (_ledger is not null)
        {
            await _ledger.StopAsync(deadline.Token).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stratum is not null)
        {
            await _stratum.DisposeAsync().ConfigureAwait(false);
        }

        if (_chain is not null)
        {
            await _chain.DisposeAsync().ConfigureAwait(false);
        }

        if (_ledger is not null)
        {
            await _ledger.DisposeAsync().ConfigureAwait(false);
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync().ConfigureAwait(false);
        }
    }

    // A node URL may carry user:password; the log gets scheme, host, port and path only.
    private static string WithoutUserInfo(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped) : "(unparsable URL)";
}
