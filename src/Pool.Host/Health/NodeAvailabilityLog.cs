using Microsoft.Extensions.Logging;
using Pool.Chain.Hosting;

namespace Pool.Host.Health;

/// <summary>Checks the coin node every few seconds and logs one line when it goes down (no answer, no peers, initial block download, stale template) and one when it is back.</summary>
public sealed class NodeAvailabilityLog : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private readonly ChainServices _chain;
    private readonly NodeSyncProbe _probe;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly AvailabilityTracker _tracker = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    /// <summary>Watches <paramref name="chain"/>'s node.</summary>
    public NodeAvailabilityLog(ChainServices chain, ILogger<NodeAvailabilityLog> logger, TimeProvider time)
    {
        _chain = chain;
        _probe = new NodeSyncProbe(chain);
        _logger = logger;
        _time = time;
    }

    /// <summary>Starts the checks.</summary>
    public void Start() => _loop = Task.Run(() => RunAsync(_stop.Token));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken token)
    {
        while (!token.IsCancellationRequested)
        {
            await Task.Delay(Interval, _time, token).ConfigureAwait(false);
            var problem = await FindProblemAsync(token).ConfigureAwait(false);
            if (_tracker.Observe(problem is null))
            {
                if (problem is null)
                {
                    _logger.LogInformation("Node {Node} is back: it answers, has peers, is synced and the template is fresh", _chain.Rpc.Endpoint.Authority);
                }
                else
                {
                    _logger.LogError("Node {Node} is down: {Problem}", _chain.Rpc.Endpoint.Authority, problem);
                }
            }
        }
    }

    private async Task<string?> FindProblemAsync(CancellationToken token)
    {
        var (problem, _) = await _probe.CheckAsync(token).ConfigureAwait(false);
        return problem ?? (_chain.LastTemplateAt is DateTimeOffset at && _time.GetUtcNow() - at > PoolHealth.MaxTemplateAge
            ? $"the newest template is {(_time.GetUtcNow() - at).TotalSeconds:F0} s old"
            : null);
    }
}
