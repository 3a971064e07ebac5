using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Pool.Testing;

/// <summary>A real redis-server on a free loopback port with its own temp directory, for one test or fixture.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly TempDirectory _directory;
    private readonly string[] _extraArguments;
    private ServerProcess? _process;

    private RedisServer(int port, TempDirectory directory, string[] extraArguments)
    {
        Port = port;
        _directory = directory;
        _extraArguments = extraArguments;
    }

    /// <summary>The port it listens on (127.0.0.1 only).</summary>
    public int Port { get; }

    /// <summary>Its data directory.</summary>
    public string DataDirectory => _directory.Path;

    /// <summary>A StackExchange.Redis configuration string for this server.</summary>
    public string ConnectionString => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{Port},abortConnect=false");

    /// <summary>The server process, while it runs.</summary>
    public ServerProcess? Process => _process;

    /// <summary>
    /// Starts redis-server; <paramref name="extraArguments"/> are passed as command-line config
    /// (e.g. "--appendonly", "yes"). Persistence is off unless asked for.
    /// </summary>
    public static async Task<RedisServer> StartAsync(params string[] extraArguments)
    {
        if (ServerProcess.FindOnPath("redis-server") is null)
        {
            throw new InvalidOperationException("redis-server is not on PATH: run `make test` (it installs Debian's redis-server) or `apt-get install redis-server`.");
        }

        return await FreePort.StartWithRetryAsync("redis-server", async () =>
        {
            var server = new RedisServer(FreePort.Next(), new TempDirectory("redis"), extraArguments);
            try
            {
                await server.StartProcessAsync().ConfigureAwait(false);
                return server;
            }
            catch
            {
                await server.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }).ConfigureAwait(false);
    }

    /// <summary>Starts the server again on the same port and directory after <see cref="Kill"/> or <see cref="StopAsync"/>.</summary>
    public async Task StartAgainAsync()
    {
        try
        {
            await StartProcessAsync().ConfigureAwait(false);
        }
        catch (InvalidOperationException e) when (FreePort.WasTaken(e))
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"redis-server could not start again: another process took its port {Port} while it was down"), e);
        }
    }

    private async Task StartProcessAsync()
    {
        if (_process is { IsRunning: true })
        {
            throw new InvalidOperationException("redis-server is already running");
        }

        string[] arguments =
        [
            "--port", Port.ToString(CultureInfo.InvariantCulture),
            "--bind", "127.0.0.1",
            "--dir", _directory.Path,
            "--save", string.Empty,
            "--appendonly", "no",
            "--daemonize", "no",
            .. _extraArguments,
        ];
        _process = ServerProcess.Start("redis-server", arguments, _directory.Path);
        await _process.WaitUntilAsync(PingAsync, TimeSpan.FromSeconds(20)).ConfigureAwait(false);
    }

    /// <summary>SIGKILLs the server: no shutdown, no save.</summary>
    public void Kill() => _process?.Kill();

    /// <summary>Stops the server gracefully.</summary>
    public async Task StopAsync()
    {
        if (_process is not null)
        {
            await _process.StopAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            _process.Kill();
            await _process.DisposeAsync().ConfigureAwait(false);
        }

        _directory.Dispose();
    }

    // A raw PING keeps this fixture independent of any Redis client library.
    private async Task<bool> PingAsync()
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", Port).ConfigureAwait(false);
        var stream = client.GetStream();
        await stream.WriteAsync("PING\r\n"u8.ToArray()).ConfigureAwait(false);
        var buffer = new byte[64];

        // Whatever holds the port when redis-server could not bind it may never answer: wait for a reply a while only.
        var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        var reply = Encoding.ASCII.GetString(buffer, 0, read);

        // A server started with --requirepass answers NOAUTH: it is up all the same.
        return reply.StartsWith("+PONG", StringComparison.Ordinal) || reply.StartsWith("-NOAUTH", StringComparison.Ordinal);
    }
}
