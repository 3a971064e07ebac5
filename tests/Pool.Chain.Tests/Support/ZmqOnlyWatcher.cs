using Pool.Chain.Configuration;
using Pool.Chain.Hosting;
using Pool.Chain.Jobs;
using Pool.Chain.Rpc;
using Pool.Chain.Templates;

namespace Pool.Chain.Tests.Support;

/// <summary>
/// A template watcher on a real node with longpoll off and the best-block poll a minute apart, so a new job within
/// seconds of a block can only come from its ZMQ hashblock subscription.
/// </summary>
public sealed class ZmqOnlyWatcher : IAsyncDisposable
{
    /// <summary>Best-block poll period: far longer than any test waits.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(60);

    private readonly ChainServices _chain;

    private ZmqOnlyWatcher(ChainServices chain, TemplateWatcher watcher, RecordingLogger log)
    {
        _chain = chain;
        Watcher = watcher;
        Log = log;
    }

    /// <summary>The watcher under test.</summary>
    public TemplateWatcher Watcher { get; }

    /// <summary>Everything the watcher logged.</summary>
    public RecordingLogger Log { get; }

    /// <summary>The jobs the watcher feeds.</summary>
    public JobManager Jobs => _chain.Jobs;

    /// <summary>Starts a watcher for the node in <paramref name="options"/> subscribed to <paramref name="zmqEndpoint"/> and waits for its first job.</summary>
    public static async Task<ZmqOnlyWatcher> StartAsync(ChainOptions options, string zmqEndpoint)
    {
        // Used only for its node client and job manager; its own watcher is never started.
        var chain = ChainServices.Create(options, new TestLoggerFactory(), TimeProvider.System);
        var settings = new TemplateWatcherSettings(
            TimeSpan.FromMinutes(10),
            PollInterval,
            PollInterval,
            zmqEndpoint,
            new RetryBackoff(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(500), 3))
        {
            LongPollEnabled = false,
        };
        var log = new RecordingLogger();
        var watcher = new TemplateWatcher(chain.Rpc, chain.Profile.TemplateRules, chain.Jobs, settings, TimeProvider.System, log);
        var started = new ZmqOnlyWatcher(chain, watcher, log);
        try
        {
            watcher.Start();
            await watcher.FirstJob.WaitAsync(TimeSpan.FromSeconds(20));
            return started;
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Watcher.DisposeAsync();
        await _chain.DisposeAsync();
    }
}
