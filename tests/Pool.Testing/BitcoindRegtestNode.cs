using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Pool.Testing;

/// <summary>
/// One real regtest node of bitcoind or a fork that keeps its command line and RPC (litecoind), on free loopback
/// ports with its own temp data directory. Killed on dispose.
/// </summary>
public sealed class BitcoindRegtestNode : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private readonly TempDirectory _directory;
    private readonly string[] _extraArguments;
    private ServerProcess? _process;
    private int _requestId;

    private BitcoindRegtestNode(string program, TempDirectory directory, string[] extraArguments)
    {
        Program = program;
        _directory = directory;
        _extraArguments = extraArguments;
        P2pPort = FreePort.Next();
        RpcPort = FreePort.Next();
    }

    /// <summary>"bitcoind" or "litecoind".</summary>
    public string Program { get; }

    /// <summary>Peer-to-peer port on 127.0.0.1.</summary>
    public int P2pPort { get; }

    /// <summary>JSON-RPC port on 127.0.0.1.</summary>
    public int RpcPort { get; }

    /// <summary>The RPC URL.</summary>
    public Uri RpcUrl => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{RpcPort}/"));

    /// <summary>The cookie file the node writes at start (RPC authentication for this node).</summary>
    public string CookieFile => _directory.Combine("regtest", ".cookie");

    /// <summary>Its data directory.</summary>
    public string DataDirectory => _directory.Path;

    /// <summary>The process, while it runs.</summary>
    public ServerProcess? Process => _process;

    /// <summary>Creates a node (not started); <paramref name="extraArguments"/> go to the daemon (e.g. -connect=…).</summary>
    public static BitcoindRegtestNode Create(string program, params string[] extraArguments)
    {
        if (ServerProcess.FindOnPath(program) is null)
        {
            throw new InvalidOperationException($"{program} is not on PATH: run `make test` (it installs Debian's litecoind) or install {program}.");
        }

        return new BitcoindRegtestNode(program, new TempDirectory(program), extraArguments);
    }

    /// <summary>Starts the daemon with <paramref name="peerArguments"/> and waits until RPC answers.</summary>
    public async Task StartAsync(params string[] peerArguments)
    {
        if (_process is { IsRunning: true })
        {
            throw new InvalidOperationException($"{Program} is already running");
        }

        string[] arguments =
        [
            "-regtest",
            "-datadir=" + _directory.Path,
            string.Create(CultureInfo.InvariantCulture, $"-port={P2pPort}"),
            string.Create(CultureInfo.InvariantCulture, $"-rpcport={RpcPort}"),
            "-bind=127.0.0.1",
            "-rpcbind=127.0.0.1",
            "-rpcallowip=127.0.0.1",
            "-listen=1",
            "-server=1",
            "-listenonion=0",
            "-dnsseed=0",
            "-discover=0",
            "-rpcthreads=8",
            "-fallbackfee=0.0001",
            "-printtoconsole=0",
            .. peerArguments,
            .. _extraArguments,
        ];
        _process = ServerProcess.Start(Program, arguments, _directory.Path);
        await _process.WaitUntilAsync(async () =>
        {
            await CallAsync("getblockcount").ConfigureAwait(false);
            return true;
        }, TimeSpan.FromSeconds(60)).ConfigureAwait(false);
    }

    /// <summary>SIGKILLs the daemon.</summary>
    public void Kill() => _process?.Kill();

    /// <summary>Calls an RPC method with the node's cookie; throws with the node's error when it answers one.</summary>
    public async Task<JsonElement> CallAsync(string method, params object?[] parameters)
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["jsonrpc"] = "1.0",
            ["id"] = Interlocked.Increment(ref _requestId),
            ["method"] = method,
            ["params"] = parameters,
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, RpcUrl)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        var cookie = await File.ReadAllTextAsync(CookieFile).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(cookie.Trim())));
        using var response = await Http.SendAsync(request).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        using var document = JsonDocument.Parse(text);
        var error = document.RootElement.GetProperty("error");
        if (error.ValueKind != JsonValueKind.Null)
        {
            throw new InvalidOperationException($"{Program} {method} failed: {error.GetRawText()}");
        }

        return document.RootElement.GetProperty("result").Clone();
    }

    /// <summary>Mines <paramref name="count"/> blocks to <paramref name="address"/>; returns their hashes.</summary>
    public async Task<string[]> GenerateAsync(int count, string address)
    {
        var result = await CallAsync("generatetoaddress", count, address).ConfigureAwait(false);
        return [.. result.EnumerateArray().Select(h => h.GetString()!)];
    }

    /// <summary>The node's block count.</summary>
    public async Task<long> GetBlockCountAsync() => (await CallAsync("getblockcount").ConfigureAwait(false)).GetInt64();

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            _process.Kill();
            await _process.DisposeAsync().ConfigureAwait(false);
        }

        _directory.Dispose();
    }
}
