namespace Pool.Host.Configuration;

/// <summary>Settings of the pool process itself: its identity, HTTP endpoint and logging.</summary>
public sealed class HostOptions
{
    /// <summary>Config section name.</summary>
    public const string SectionName = "Host";

    /// <summary>Id of this pool instance; distinct per instance when several share one Redis (e.g. the pod name).</summary>
    public string InstanceId { get; set; } = "pool-1";

    /// <summary>Address and port of the HTTP endpoint serving /metrics, /health and the stats API (loopback by default).</summary>
    public string HttpListen { get; set; } = "127.0.0.1:9464";

    /// <summary>"text" for one human-readable line per event, "json" for one JSON object per line.</summary>
    public string LogFormat { get; set; } = "text";

    /// <summary>How many miners get their own hashrate series in /metrics (bounds label cardinality); 0 for none.</summary>
    public int TopMinersInMetrics { get; set; } = 20;

    /// <summary>How long a graceful shutdown may take before connections are dropped.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Stats API requests each client address may make per second on average; 0 for no limit (/metrics and /health are never limited).</summary>
    public int ApiRequestsPerSecond { get; set; } = 10;

    /// <summary>Stats API requests a client address may make at once before the per-second rate applies.</summary>
    public int ApiBurst { get; set; } = 40;

    /// <summary>Every problem with these settings, each saying what to fix.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(InstanceId))
        {
            problems.Add("Host:InstanceId is empty: give this instance a name unique among the pool's instances");
        }

        if (!System.Net.IPEndPoint.TryParse(HttpListen, out var endpoint) || endpoint.Port == 0)
        {
            problems.Add($"Host:HttpListen '{HttpListen}' is not ADDRESS:PORT (e.g. 127.0.0.1:9464)");
        }

        if (LogFormat is not ("text" or "json"))
        {
            problems.Add($"Host:LogFormat '{LogFormat}' must be \"text\" or \"json\"");
        }

        if (TopMinersInMetrics < 0)
        {
            problems.Add("Host:TopMinersInMetrics must be 0 or more");
        }

        if (ApiRequestsPerSecond < 0)
        {
            problems.Add("Host:ApiRequestsPerSecond must be 0 (no limit) or more");
        }
        else if (ApiRequestsPerSecond > 0 && ApiBurst < ApiRequestsPerSecond)
        {
            problems.Add($"Host:ApiBurst ({ApiBurst}) must be at least Host:ApiRequestsPerSecond ({ApiRequestsPerSecond})");
        }

        return problems;
    }
}
