using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Pool.Testing;

/// <summary>A real three-master Redis Cluster on loopback (no replicas), each node a <see cref="RedisServer"/> on a free port.</summary>
public sealed class RedisCluster : IAsyncDisposable
{
    private const int Masters = 3;
    private readonly List<RedisServer> _nodes;

    private RedisCluster(List<RedisServer> nodes) => _nodes = nodes;

    /// <summary>The nodes.</summary>
    public IReadOnlyList<RedisServer> Nodes => _nodes;

    /// <summary>A StackExchange.Redis configuration string naming every node.</summary>
    public string ConnectionString =>
        string.Join(',', _nodes.Select(n => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{n.Port}"))) + ",abortConnect=false";

    /// <summary>Starts three cluster-enabled redis-servers, joins them with <c>redis-cli --cluster create</c> and waits for state ok.</summary>
    public static async Task<RedisCluster> StartAsync()
    {
        if (ServerProcess.FindOnPath("redis-cli") is null)
        {
            throw new InvalidOperationException("redis-cli is not on PATH: run `make test` (it installs Debian's redis-server, which brings redis-cli) or `apt-get install redis-tools`.");
        }

        var nodes = new List<RedisServer>();
        var cluster = new RedisCluster(nodes);
        try
        {
            for (var i = 0; i < Masters; i++)
            {
                nodes.Add(await RedisServer.StartAsync("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "5000").ConfigureAwait(false));
            }

            await CreateAsync(nodes).ConfigureAwait(false);
            foreach (var node in nodes)
            {
                await node.Process!.WaitUntilAsync(async () => (await InfoAsync(node.Port).ConfigureAwait(false)).Contains("cluster_state:ok", StringComparison.Ordinal), TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            }

            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task CreateAsync(List<RedisServer> nodes)
    {
        var info = new ProcessStartInfo("redis-cli")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("--cluster");
        info.ArgumentList.Add("create");
        foreach (var node in nodes)
        {
            info.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{node.Port}"));
        }

        info.ArgumentList.Add("--cluster-replicas");
        info.ArgumentList.Add("0");
        info.ArgumentList.Add("--cluster-yes");
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start redis-cli");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"redis-cli --cluster create failed ({process.ExitCode}):\n{await output.ConfigureAwait(false)}\n{await errors.ConfigureAwait(false)}");
        }
    }

    private static bool HasStateLine(string info)
    {
        var at = info.IndexOf("cluster_state:", StringComparison.Ordinal);
        return at >= 0 && info.IndexOf('\n', at) > 0;
    }

    // CLUSTER INFO over a raw socket keeps this fixture independent of any Redis client library.
    private static async Task<string> InfoAsync(int port)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port).ConfigureAwait(false);
        var stream = client.GetStream();
        await stream.WriteAsync("CLUSTER INFO\r\n"u8.ToArray()).ConfigureAwait(false);
        var buffer = new byte[4096];
        var text = new StringBuilder();
        do
        {
            var read = await stream.ReadAsync(buffer).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            text.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
        while (!HasStateLine(text.ToString()));

        return text.ToString();
    }
}
