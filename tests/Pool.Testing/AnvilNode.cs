using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pool.Testing;

/// <summary>A real anvil EVM node (npm @foundry-rs/anvil, pinned in package-lock.json) on a free loopback port.</summary>
public sealed partial class AnvilNode : IAsyncDisposable
{
    /// <summary>Chain id anvil runs with.</summary>
    public const long ChainId = 31337;

    // anvil's default accounts come from the public test mnemonic "test test … junk"; they hold test ether only.
    private static readonly string[] DevKeys =
    [
        "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
        "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
        "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
        "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
    ];

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly ServerProcess _process;
    private int _requestId;

    private AnvilNode(int port, ServerProcess process)
    {
        Port = port;
        _process = process;
    }

    /// <summary>The port it listens on (127.0.0.1 only).</summary>
    public int Port { get; }

    /// <summary>JSON-RPC endpoint.</summary>
    public Uri RpcUrl => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}"));

    /// <summary>Private key (hex) of anvil's funded dev account <paramref name="index"/> (0–3).</summary>
    public static string DevPrivateKey(int index) => DevKeys[index];

    /// <summary>Starts node_modules/.bin/anvil from the repository root; <paramref name="extraArguments"/> go on its command line.</summary>
    public static async Task<AnvilNode> StartAsync(params string[] extraArguments)
    {
        var anvil = RepositoryFiles.Combine("node_modules", ".bin", "anvil");
        if (!File.Exists(anvil))
        {
            throw new InvalidOperationException($"{anvil} is missing: run `make test` or `npm ci` at the repository root (package-lock.json pins @foundry-rs/anvil).");
        }

        return await FreePort.StartWithRetryAsync("anvil", async () =>
        {
            var port = FreePort.Next();
            string[] arguments =
            [
                "--host", "127.0.0.1",
                "--port", port.ToString(CultureInfo.InvariantCulture),
                "--chain-id", ChainId.ToString(CultureInfo.InvariantCulture),
                "--accounts", DevKeys.Length.ToString(CultureInfo.InvariantCulture),
                "--silent",
                .. extraArguments,
            ];
            var node = new AnvilNode(port, ServerProcess.Start(anvil, arguments));
            try
            {
                await node._process.WaitUntilAsync(node.IsReadyAsync, TimeSpan.FromSeconds(30)).ConfigureAwait(false);
                return node;
            }
            catch
            {
                await node.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }).ConfigureAwait(false);
    }

    /// <summary>Sends a JSON-RPC request and returns its result; throws with the node's error message on failure.</summary>
    public async Task<JsonNode?> CallAsync(string method, params object?[] parameters)
    {
        var request = new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = Interlocked.Increment(ref _requestId),
            ["method"] = method,
            ["params"] = JsonSerializer.SerializeToNode(parameters),
        };
        using var response = await _http.PostAsJsonAsync(RpcUrl, request).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>().ConfigureAwait(false)
            ?? throw new InvalidOperationException($"{method}: empty response");
        if (body["error"] is { } error)
        {
            throw new InvalidOperationException($"{method} failed: {error.ToJsonString()}");
        }

        return body["result"];
    }

    /// <summary>Turns mining on every transaction on or off (off: transactions wait in the pool until <see cref="MineAsync"/>).</summary>
    public Task SetAutomineAsync(bool enabled) => CallAsync("evm_setAutomine", enabled);

    /// <summary>Mines <paramref name="blocks"/> blocks now.</summary>
    public Task MineAsync(int blocks = 1) => CallAsync("anvil_mine", "0x" + blocks.ToString("x", CultureInfo.InvariantCulture));

    /// <summary>Sets the base fee of the next block, e.g. above a pending transaction's fee cap so it cannot be included.</summary>
    public Task SetNextBlockBaseFeeAsync(System.Numerics.BigInteger weiPerGas) =>
        CallAsync("anvil_setNextBlockBaseFeePerGas", "0x" + weiPerGas.ToString("x", CultureInfo.InvariantCulture).TrimStart('0').PadLeft(1, '0'));

    /// <summary>Removes a transaction from the node's pool, as if it had been lost.</summary>
    public Task DropTransactionAsync(string transactionHash) => CallAsync("anvil_dropTransaction", transactionHash);

    /// <summary>Current block number.</summary>
    public async Task<long> GetBlockNumberAsync() => ParseQuantity(await CallAsync("eth_blockNumber").ConfigureAwait(false));

    /// <summary>Hashes of the transactions waiting in the node's pool.</summary>
    public async Task<IReadOnlyList<string>> GetPendingTransactionHashesAsync()
    {
        var block = await CallAsync("eth_getBlockByNumber", "pending", false).ConfigureAwait(false);
        return block?["transactions"]?.AsArray().Select(t => t!.GetValue<string>()).ToList() ?? [];
    }

    /// <summary>Kills the node (SIGKILL).</summary>
    public void Kill() => _process.Kill();

    public async ValueTask DisposeAsync()
    {
        _process.Kill();
        await _process.DisposeAsync().ConfigureAwait(false);
        _http.Dispose();
    }

    private static long ParseQuantity(JsonNode? node) =>
        long.Parse(node!.GetValue<string>().AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private async Task<bool> IsReadyAsync()
    {
        var chainId = await CallAsync("eth_chainId").ConfigureAwait(false);
        return ParseQuantity(chainId) == ChainId;
    }
}
