using System.Globalization;

namespace Pool.Testing;

/// <summary>
/// Two connected regtest nodes (bitcoind or litecoind): getblocktemplate needs a peer, and the second node plays the
/// rest of the network (it mines competing blocks). Node A has a wallet with mature coins.
/// </summary>
public sealed class BitcoindRegtestPair : IAsyncDisposable
{
    private const string WalletName = "test";

    private BitcoindRegtestPair(BitcoindRegtestNode a, BitcoindRegtestNode b)
    {
        A = a;
        B = b;
    }

    /// <summary>The node the pool talks to; it holds the wallet.</summary>
    public BitcoindRegtestNode A { get; }

    /// <summary>The other node.</summary>
    public BitcoindRegtestNode B { get; }

    /// <summary>An address of node A's wallet that received the first coinbases.</summary>
    public string WalletAddress { get; private set; } = string.Empty;

    /// <summary>True when <paramref name="program"/> is installed.</summary>
    public static bool IsInstalled(string program) => ServerProcess.FindOnPath(program) is not null;

    /// <summary>Starts both nodes, connects them, creates node A's wallet and mines <paramref name="matureBlocks"/> blocks to it.</summary>
    public static async Task<BitcoindRegtestPair> StartAsync(string program, int matureBlocks = 101)
    {
        // Another process on the machine may take a chosen port before the node binds it: start again on fresh ports.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(program, matureBlocks).ConfigureAwait(false);
            }
            catch (InvalidOperationException e) when (attempt < 3 && e.Message.Contains("exited", StringComparison.Ordinal))
            {
                await NUnit.Framework.TestContext.Progress.WriteLineAsync($"{program} did not start ({e.Message.Split('\n')[0]}); trying again on other ports").ConfigureAwait(false);
            }
        }
    }

    private static async Task<BitcoindRegtestPair> StartOnceAsync(string program, int matureBlocks)
    {
        var a = BitcoindRegtestNode.Create(program);
        var b = BitcoindRegtestNode.Create(program);
        var pair = new BitcoindRegtestPair(a, b);
        try
        {
            await Task.WhenAll(a.StartAsync(Connect(b)), b.StartAsync(Connect(a))).ConfigureAwait(false);
            await Eventually.HoldsAsync(async () => (await a.CallAsync("getconnectioncount").ConfigureAwait(false)).GetInt32() >= 1, "the nodes to connect").ConfigureAwait(false);
            await a.CallAsync("createwallet", WalletName).ConfigureAwait(false);
            pair.WalletAddress = (await a.CallAsync("getnewaddress").ConfigureAwait(false)).GetString()!;
            await a.GenerateAsync(matureBlocks, pair.WalletAddress).ConfigureAwait(false);
            await pair.WaitInSyncAsync().ConfigureAwait(false);
            return pair;
        }
        catch
        {
            await pair.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The argument that makes a node connect to <paramref name="peer"/>.</summary>
    public static string Connect(BitcoindRegtestNode peer) =>
        string.Create(CultureInfo.InvariantCulture, $"-connect=127.0.0.1:{peer.P2pPort}");

    /// <summary>Waits until both nodes have the same best block.</summary>
    public async Task WaitInSyncAsync()
    {
        await Eventually.HoldsAsync(async () =>
        {
            var tipA = (await A.CallAsync("getbestblockhash").ConfigureAwait(false)).GetString();
            var tipB = (await B.CallAsync("getbestblockhash").ConfigureAwait(false)).GetString();
            return tipA == tipB;
        }, "the nodes to agree on the best block").ConfigureAwait(false);
    }

    /// <summary>
    /// Kills <paramref name="node"/> and starts it again on the same ports and data (a node that went away and came back);
    /// node A gets its wallet loaded again. Returns once the nodes are connected.
    /// </summary>
    public async Task RestartAsync(BitcoindRegtestNode node, TimeSpan downtime)
    {
        ArgumentNullException.ThrowIfNull(node);
        var other = node == A ? B : A;
        node.Kill();
        await Task.Delay(downtime).ConfigureAwait(false);
        await node.StartAsync(Connect(other)).ConfigureAwait(false);
        if (node == A)
        {
            await A.CallAsync("loadwallet", WalletName).ConfigureAwait(false);
        }

        await Eventually.HoldsAsync(async () => (await node.CallAsync("getconnectioncount").ConfigureAwait(false)).GetInt32() >= 1, "the restarted node to reconnect").ConfigureAwait(false);
        await WaitInSyncAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync().ConfigureAwait(false);
        await B.DisposeAsync().ConfigureAwait(false);
    }
}
