using System.Text;
using Microsoft.Extensions.Logging;
using NBitcoin;
using Pool.Chain.Blocks;
using Pool.Chain.Coins;
using Pool.Chain.Configuration;
using Pool.Chain.Jobs;
using Pool.Chain.Rpc;
using Pool.Chain.Templates;
using Pool.Core.Mining;

namespace Pool.Chain.Hosting;

/// <summary>
/// The chain side wired from <see cref="ChainOptions"/>: coin profile, node client, job source, block submitter and
/// confirmation source. <see cref="StartAsync"/> begins following the node; <see cref="StopAsync"/> ends it.
/// </summary>
public sealed class ChainServices : IAsyncDisposable
{
    private readonly TemplateWatcher _watcher;

    private ChainServices(ChainOptions options, CoinProfile profile, BitcoinAddress poolAddress, NodeRpcClient rpc, JobManager jobs, TemplateWatcher watcher, ILoggerFactory loggerFactory)
    {
        Options = options;
        Profile = profile;
        PoolAddress = poolAddress;
        Rpc = rpc;
        Jobs = jobs;
        _watcher = watcher;
        BlockSubmitter = new BlockSubmitter(rpc, loggerFactory.CreateLogger<BlockSubmitter>());
        Confirmations = new NodeBlockConfirmationSource(rpc);
    }

    /// <summary>The validated options.</summary>
    public ChainOptions Options { get; }

    /// <summary>The coin mined.</summary>
    public CoinProfile Profile { get; }

    /// <summary>The address every coinbase pays.</summary>
    public BitcoinAddress PoolAddress { get; }

    /// <summary>The node's RPC client.</summary>
    public NodeRpcClient Rpc { get; }

    /// <summary>Jobs for the Stratum server.</summary>
    public JobManager Jobs { get; }

    /// <summary>Builds and submits the block of a winning share.</summary>
    public IBlockSubmitter BlockSubmitter { get; }

    /// <summary>Where found blocks stand on the node's chain.</summary>
    public IBlockConfirmationSource Confirmations { get; }


    /// <summary>When the node last answered with a template; null before the first.</summary>
    public DateTimeOffset? LastTemplateAt => _watcher.LastTemplateAt;

    /// <summary>New-block job counts and notice-to-job latency.</summary>
    public Templates.TemplateCounters TemplateCounters => _watcher.Counters;

    /// <summary>Extranonce2 size miners are told.</summary>
    public int Extranonce2Size => Options.Extranonce2Size;

    /// <summary>Validates <paramref name="options"/> (throwing <see cref="ChainConfigurationException"/> with what to fix) and builds the services.</summary>
    public static ChainServices Create(ChainOptions options, ILoggerFactory loggerFactory, TimeProvider time, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        ChainOptionsValidator.ThrowIfInvalid(options);
        var profile = CoinProfiles.Get(options.Coin);
        var address = profile.ParseAddress(options.PoolAddress, options.Network);
        var backoff = new RetryBackoff(
            TimeSpan.FromMilliseconds(options.RetryInitialDelayMilliseconds),
            TimeSpan.FromMilliseconds(options.RetryMaxDelayMilliseconds),
            options.RpcAttempts);
        var rpc = new NodeRpcClient(
            new Uri(options.NodeUrl),
            NodeCredentials.FromOptions(options),
            TimeSpan.FromSeconds(options.RpcTimeoutSeconds),
            backoff,
            time,
            loggerFactory.CreateLogger<NodeRpcClient>(),
            handler);
        var coinbase = new CoinbaseBuilder(
            address.ScriptPubKey.ToBytes(),
            Encoding.UTF8.GetBytes(options.PoolTag ?? string.Empty),
            options.Extranonce1Size + options.Extranonce2Size);
        var jobs = new JobManager(
            new JobFactory(coinbase, profile.Pow),
            options.JobHistorySize,
            TimeSpan.FromSeconds(options.JobRefreshSeconds),
            time,
            loggerFactory.CreateLogger<JobManager>());
        var settings = new TemplateWatcherSettings(
            TimeSpan.FromSeconds(options.LongPollTimeoutSeconds),
            TimeSpan.FromMilliseconds(options.BlockPollIntervalMilliseconds),
            TimeSpan.FromSeconds(options.JobRefreshSeconds),
            string.IsNullOrEmpty(options.ZmqHashBlockEndpoint) ? null : options.ZmqHashBlockEndpoint,
            backoff);
        var watcher = new TemplateWatcher(rpc, profile.TemplateRules, jobs, settings, time, loggerFactory.CreateLogger<TemplateWatcher>());
        return new ChainServices(options, profile, address, rpc, jobs, watcher, loggerFactory);
    }

    /// <summary>Starts following the node and waits for the first job (until <paramref name="cancellationToken"/> gives up).</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        _watcher.Start();
        await _watcher.FirstJob.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Fetches a template now (e.g. right after the pool's own block was accepted).</summary>
    public Task<MiningJob?> RefreshAsync(CancellationToken cancellationToken = default) => _watcher.RefreshAsync(cancellationToken);

    /// <summary>Stops following the node.</summary>
    public Task StopAsync() => _watcher.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _watcher.DisposeAsync().ConfigureAwait(false);
        Rpc.Dispose();
    }
}
