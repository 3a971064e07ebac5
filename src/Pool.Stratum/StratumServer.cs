using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Pool.Chain.Jobs;
using Pool.Core.Mining;
using Pool.Core.Pow;
using Pool.Stratum.Options;
using Pool.Stratum.Security;
using Pool.Stratum.Server;
using Pool.Stratum.Shares;

namespace Pool.Stratum;

/// <summary>
/// The Stratum V1 server: listens on the configured ports, serves miners, validates their shares, sends block candidates
/// to the node at once and accepted shares to the ledger. Counters and events are there for metrics.
/// </summary>
public sealed partial class StratumServer : IAsyncDisposable
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(1);
    private readonly StratumServices _services;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<long, StratumConnection> _connections = new();
    private readonly ConcurrentDictionary<Task, byte> _serving = new();
    private readonly List<Socket> _listeners = [];
    private readonly List<Task> _acceptLoops = [];
    private readonly List<IPEndPoint> _boundEndPoints = [];
    private readonly CancellationTokenSource _stopping = new();
    private ITimer? _sweeper;
    private int _started;

    /// <summary>Creates a server; nothing listens until <see cref="StartAsync"/>.</summary>
    public StratumServer(
        StratumOptions options,
        IJobSource jobSource,
        IBlockSubmitter blockSubmitter,
        IShareSink shareSink,
        IBlockFoundSink blockFoundSink,
        PowAlgorithm pow,
        IPayoutAddressValidator addressValidator,
        ITokenAddressBook? tokenAddressBook,
        ILoggerFactory loggerFactory,
        TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        options.EnsureValid();
        _logger = loggerFactory.CreateLogger<StratumServer>();
        var bans = new BanList(options.Bans, timeProvider, loggerFactory.CreateLogger<BanList>());
        _services = new StratumServices
        {
            Options = options,
            Jobs = jobSource ?? throw new ArgumentNullException(nameof(jobSource)),
            BlockSubmitter = blockSubmitter ?? throw new ArgumentNullException(nameof(blockSubmitter)),
            ShareSink = shareSink ?? throw new ArgumentNullException(nameof(shareSink)),
            BlockFoundSink = blockFoundSink ?? throw new ArgumentNullException(nameof(blockFoundSink)),
            AddressValidator = addressValidator ?? throw new ArgumentNullException(nameof(addressValidator)),
            TokenAddressBook = tokenAddressBook,
            Pow = pow ?? throw new ArgumentNullException(nameof(pow)),
            Validator = new ShareValidator(pow),
            Time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider)),
            Logger = loggerFactory.CreateLogger<StratumConnection>(),
            Counters = new StratumCounters(),
            Bans = bans,
            Limiter = new ConnectionLimiter(options.MaxConnectionsPerIp),
            Extranonces = new ExtranonceAllocator(options.InstancePrefix),
            VersionRollingMask = options.VersionRollingMask,
            ShareAccepted = OnShareAccepted,
        };
        bans.Banned += OnBanned;
    }

    /// <summary>Raised for every share accepted and recorded.</summary>
    public event Action<AcceptedShare>? ShareAccepted;

    /// <summary>Raised when an IP address is banned, with the moment the ban ends.</summary>
    public event Action<IPAddress, DateTimeOffset>? AddressBanned;

    /// <summary>Running totals: connections, shares accepted and rejected by reason, blocks, bans, retargets.</summary>
    public StratumCounters Counters => _services.Counters;

    /// <summary>The endpoints actually bound (with the OS-chosen port where the configured port was 0).</summary>
    public IReadOnlyList<IPEndPoint> BoundEndPoints => _boundEndPoints;

    /// <summary>Connections open now.</summary>
    public int ConnectionCount => _connections.Count;

    /// <summary>Connections that subscribed, counted now.</summary>
    public int SubscribedConnectionCount => _connections.Count(p => p.Value.IsSubscribed);

    /// <summary>Workers authorized over all connections, counted now.</summary>
    public int AuthorizedWorkerCount => _connections.Sum(p => p.Value.AuthorizedWorkerCount);

    /// <summary>True while <paramref name="address"/> is banned.</summary>
    public bool IsBanned(IPAddress address) => _services.Bans.IsBanned(address);

    /// <summary>Binds every port and starts accepting; throws when a port cannot be bound or a certificate cannot be loaded.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("the server was already started");
        }

        foreach (var port in _services.Options.Ports)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var certificate = port.UsesTls ? LoadCertificate(port) : null;
            var endPoint = new IPEndPoint(IPAddress.Parse(port.Address), port.Port);
            var listener = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            if (endPoint.Address.Equals(IPAddress.IPv6Any))
            {
                // "::" serves IPv4 miners too.
                listener.DualMode = true;
            }

            listener.Bind(endPoint);
            listener.Listen(1024);
            _listeners.Add(listener);
            var bound = (IPEndPoint)listener.LocalEndPoint!;
            _boundEndPoints.Add(bound);
            _acceptLoops.Add(AcceptLoopAsync(listener, port, certificate));
            _logger.LogInformation("Stratum listening on {EndPoint}{Tls}, starting difficulty {Difficulty}", bound,
                certificate is null ? "" : " (TLS)", port.StartingDifficulty);
        }

        _services.Jobs.JobCreated += OnJobCreated;
        if (_services.Jobs.Current is { } current)
        {
            _services.CurrentJob = new EncodedJob(current);
        }

        _sweeper = _services.Time.CreateTimer(_ => Sweep(), null, SweepInterval, SweepInterval);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Stops accepting, lets every connection answer the requests it already read, flushes what is queued, then closes.
    /// <paramref name="cancellationToken"/> bounds the wait.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _services.Jobs.JobCreated -= OnJobCreated;
        if (_sweeper is not null)
        {
            await _sweeper.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var listener in _listeners)
        {
            listener.Dispose();
        }

        await Task.WhenAll(_acceptLoops).ConfigureAwait(false);
        foreach (var (_, connection) in _connections)
        {
            connection.RecordCloseReason(ConnectionCloseReason.ServerStopping);
            connection.RequestClose();
        }

        await Task.WhenAll(_serving.Keys).WaitAsync(cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Stratum stopped");
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private void OnShareAccepted(AcceptedShare share)
    {
        try
        {
            ShareAccepted?.Invoke(share);
        }
        catch (Exception e)
        {
            // Metrics must never cost a miner its answer.
            _logger.LogError(e, "A ShareAccepted handler failed");
        }
    }

    private static X509Certificate2 LoadCertificate(StratumPortOptions port)
    {
        string? password = null;
        if (!string.IsNullOrEmpty(port.CertificatePasswordEnvironmentVariable))
        {
            password = Environment.GetEnvironmentVariable(port.CertificatePasswordEnvironmentVariable)
                ?? throw new InvalidOperationException(
                    $"environment variable {port.CertificatePasswordEnvironmentVariable} (the password of {port.CertificatePath}) is not set");
        }

        return X509CertificateLoader.LoadPkcs12FromFile(port.CertificatePath!, password);
    }
}
