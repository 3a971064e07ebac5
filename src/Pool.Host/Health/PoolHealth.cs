using Pool.Chain.Hosting;
using StackExchange.Redis;

namespace Pool.Host.Health;

/// <summary>Readiness: the node answers, has peers and is synced, a template is fresh, and Redis takes writes.</summary>
public sealed class PoolHealth
{
    /// <summary>A template older than this makes the pool not ready.</summary>
    public static readonly TimeSpan MaxTemplateAge = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);
    private readonly ChainServices _chain;
    private readonly NodeSyncProbe _node;
    private readonly IConnectionMultiplexer _redis;
    private readonly TimeProvider _time;

    /// <summary>Checks the given chain services and Redis connection.</summary>
    public PoolHealth(ChainServices chain, IConnectionMultiplexer redis, TimeProvider time)
    {
        _chain = chain;
        _node = new NodeSyncProbe(chain);
        _redis = redis;
        _time = time;
    }

    /// <summary>Runs every check; the report is ready only when all pass.</summary>
    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        var checks = new List<HealthCheckResult>
        {
            await CheckNodeAsync(cancellationToken).ConfigureAwait(false),
            CheckTemplate(),
            await CheckRedisAsync().ConfigureAwait(false),
        };
        return new HealthReport(checks.TrueForAll(c => c.Ok), checks);
    }

    private async Task<HealthCheckResult> CheckNodeAsync(CancellationToken cancellationToken)
    {
        var (problem, peers) = await _node.CheckAsync(cancellationToken).ConfigureAwait(false);
        return problem is null ? new HealthCheckResult("node", true, $"{peers} peers, synced") : new HealthCheckResult("node", false, problem);
    }

    private HealthCheckResult CheckTemplate()
    {
        if (_chain.LastTemplateAt is not DateTimeOffset at)
        {
            return new HealthCheckResult("template", false, "no template yet");
        }

        var age = _time.GetUtcNow() - at;
        return age <= MaxTemplateAge
            ? new HealthCheckResult("template", true, $"{age.TotalSeconds:F0} s old")
            : new HealthCheckResult("template", false, $"the newest template is {age.TotalSeconds:F0} s old");
    }

    private async Task<HealthCheckResult> CheckRedisAsync()
    {
        try
        {
            var latency = await _redis.GetDatabase().PingAsync().WaitAsync(ProbeTimeout).ConfigureAwait(false);
            return new HealthCheckResult("ledger", true, $"redis answered in {latency.TotalMilliseconds:F1} ms");
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return new HealthCheckResult("ledger", false, $"redis does not take writes: {e.Message}");
        }
    }
}
