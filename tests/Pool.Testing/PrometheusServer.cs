using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Pool.Testing;

/// <summary>
/// A real Prometheus server (Debian's `prometheus`) on a free loopback port, scraping given targets every 5 s. A scrape
/// may take as long as its interval: the pool's /metrics waits up to 3 s on Redis and the node, and a scrape cut off
/// sooner marks every series stale until the next one.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    private readonly TempDirectory _directory;
    private readonly ServerProcess _process;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private PrometheusServer(int port, TempDirectory directory, ServerProcess process)
    {
        Port = port;
        _directory = directory;
        _process = process;
    }

    /// <summary>The port of its HTTP API (127.0.0.1 only).</summary>
    public int Port { get; }

    /// <summary>The server process.</summary>
    public ServerProcess Process => _process;

    /// <summary>Starts Prometheus with job <paramref name="job"/> scraping <paramref name="targets"/> (HOST:PORT) every 5 s.</summary>
    public static async Task<PrometheusServer> StartAsync(string job, params string[] targets)
    {
        if (ServerProcess.FindOnPath("prometheus") is null)
        {
            throw new InvalidOperationException("prometheus is not on PATH: run `make test` (it installs Debian's prometheus) or `apt-get install prometheus`.");
        }

        return await FreePort.StartWithRetryAsync("prometheus", () => StartOnceAsync(job, targets)).ConfigureAwait(false);
    }

    private static async Task<PrometheusServer> StartOnceAsync(string job, string[] targets)
    {
        var directory = new TempDirectory("prometheus");
        var config = directory.Combine("prometheus.yml");
        var targetList = string.Join(", ", targets.Select(t => "'" + t + "'"));
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 5s
              scrape_timeout: 5s
              evaluation_interval: 5s
            scrape_configs:
              - job_name: {job}
                static_configs:
                  - targets: [{targetList}]
            """).ConfigureAwait(false);
        var port = FreePort.Next();
        var process = ServerProcess.Start("prometheus",
        [
            "--config.file=" + config,
            "--storage.tsdb.path=" + directory.Combine("data"),
            string.Create(CultureInfo.InvariantCulture, $"--web.listen-address=127.0.0.1:{port}"),
            "--log.level=warn",
        ], directory.Path);
        var server = new PrometheusServer(port, directory, process);
        try
        {
            await process.WaitUntilAsync(server.IsReadyAsync, TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Runs an instant PromQL query; returns the first sample's value, or null when the result is empty.</summary>
    public async Task<double?> QueryScalarAsync(string promQl)
    {
        var uri = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}/api/v1/query?query={Uri.EscapeDataString(promQl)}"));
        using var document = JsonDocument.Parse(await _http.GetStringAsync(uri).ConfigureAwait(false));
        var data = document.RootElement.GetProperty("data");
        var result = data.GetProperty("result");
        var value = data.GetProperty("resultType").GetString() == "scalar" ? result
            : result.GetArrayLength() == 0 ? (JsonElement?)null : result[0].GetProperty("value");
        return value is { } v ? double.Parse(v[1].GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Runs an instant PromQL query; true when Prometheus accepted it, with its raw answer.</summary>
    public async Task<(bool Ok, string Answer)> TryQueryAsync(string promQl)
    {
        var uri = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}/api/v1/query?query={Uri.EscapeDataString(promQl)}"));
        using var response = await _http.GetAsync(uri).ConfigureAwait(false);
        var answer = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        return (response.IsSuccessStatusCode, answer);
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill();
        await _process.DisposeAsync().ConfigureAwait(false);
        _http.Dispose();
        _directory.Dispose();
    }

    private async Task<bool> IsReadyAsync()
    {
        using var response = await _http.GetAsync(new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}/-/ready"))).ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.OK;
    }
}
