using System.Globalization;
using System.Net;
using Pool.Testing;

namespace Pool.Host.Tests.Support;

/// <summary>The real `pool run` process, on free loopback ports with its own spool, configured through POOL_* variables.</summary>
public sealed class PoolProcess : IAsyncDisposable
{
    private readonly ServerProcess _process;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private PoolProcess(ServerProcess process, int stratumPort, int httpPort)
    {
        _process = process;
        StratumPort = stratumPort;
        HttpPort = httpPort;
    }

    /// <summary>The Stratum port miners connect to.</summary>
    public int StratumPort { get; }

    /// <summary>The HTTP port of /metrics and /health.</summary>
    public int HttpPort { get; }

    /// <summary>The process, for its output and exit.</summary>
    public ServerProcess Process => _process;

    /// <summary>
    /// Starts `pool run` with <paramref name="configFile"/>, overriding node, Redis, ports and spool with
    /// <paramref name="overrides"/> (config keys such as "Chain:NodeUrl"), and waits until /health says ready.
    /// </summary>
    public static Task<PoolProcess> StartAsync(string configFile, IDictionary<string, string> overrides, TimeSpan readyTimeout) =>
        FreePort.StartWithRetryAsync("pool run", () => StartOnceAsync(configFile, overrides, readyTimeout));

    private static async Task<PoolProcess> StartOnceAsync(string configFile, IDictionary<string, string> overrides, TimeSpan readyTimeout)
    {
        var stratumPort = FreePort.Next();
        var httpPort = FreePort.Next();
        var environment = new Dictionary<string, string>
        {
            ["POOL_Stratum__Ports__0__Port"] = stratumPort.ToString(CultureInfo.InvariantCulture),
            ["POOL_Stratum__Ports__0__Address"] = "127.0.0.1",
            ["POOL_Host__HttpListen"] = string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{httpPort}"),
        };
        foreach (var (key, value) in overrides)
        {
            environment["POOL_" + key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var poolDll = Path.Combine(TestContext.CurrentContext.TestDirectory, "pool.dll");
        var process = ServerProcess.Start("dotnet", [poolDll, "run", "--config", configFile], environment: environment);
        var pool = new PoolProcess(process, stratumPort, httpPort);
        try
        {
            await process.WaitUntilAsync(pool.IsReadyAsync, readyTimeout);
            return pool;
        }
        catch
        {
            await pool.DisposeAsync();
            throw;
        }
    }

    /// <summary>True when /health answers 200.</summary>
    public async Task<bool> IsReadyAsync()
    {
        using var response = await _http.GetAsync(new Uri($"http://127.0.0.1:{HttpPort}/health"));
        return response.StatusCode == HttpStatusCode.OK;
    }

    /// <summary>The /metrics text.</summary>
    public Task<string> MetricsAsync() => _http.GetStringAsync(new Uri($"http://127.0.0.1:{HttpPort}/metrics"));

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        _http.Dispose();
    }
}
