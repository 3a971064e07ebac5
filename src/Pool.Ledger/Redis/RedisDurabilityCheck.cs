using System.Globalization;
using StackExchange.Redis;

namespace Pool.Ledger.Redis;

/// <summary>
/// Reads each Redis master's persistence and eviction settings and says what could lose ledger data: an eviction policy
/// other than <c>noeviction</c> may drop shares under memory pressure, and without <c>appendonly</c> a Redis crash loses
/// everything written since the last snapshot (after the spool has already let go of it).
/// </summary>
public static class RedisDurabilityCheck
{
    private const string NoEviction = "noeviction";
    private const string InfoScript = "return redis.call('INFO', 'memory', 'persistence')";

    /// <summary>Warnings for every master it could read; servers that refuse INFO are skipped.</summary>
    public static async Task<IReadOnlyList<string>> CheckAsync(IConnectionMultiplexer connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var warnings = new List<string>();
        foreach (var endpoint in connection.GetEndPoints())
        {
            var server = connection.GetServer(endpoint);
            if (!server.IsConnected || server.IsReplica)
            {
                continue;
            }

            string text;
            try
            {
                // INFO through a script: the plain command needs the client's admin mode, which the ledger does not want.
                text = (string)(await server.ExecuteAsync("EVAL", InfoScript, 0).ConfigureAwait(false))!;
            }
            catch (RedisException)
            {
                continue;
            }

            var values = Parse(text);
            var name = Convert.ToString(endpoint, CultureInfo.InvariantCulture);
            if (values.TryGetValue("maxmemory_policy", out var policy) && policy != NoEviction)
            {
                warnings.Add($"Redis {name} has maxmemory-policy {policy}: it may evict ledger keys under memory pressure; set maxmemory-policy noeviction");
            }

            if (values.TryGetValue("aof_enabled", out var aof) && aof != "1")
            {
                warnings.Add($"Redis {name} runs without appendonly: a Redis crash loses shares it already acknowledged; set appendonly yes");
            }
        }

        return warnings;
    }

    private static Dictionary<string, string> Parse(string info)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in info.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && !line.StartsWith('#'))
            {
                values[line[..colon]] = line[(colon + 1)..];
            }
        }

        return values;
    }
}
