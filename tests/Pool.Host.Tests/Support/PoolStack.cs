using Pool.Testing;

namespace Pool.Host.Tests.Support;

/// <summary>
/// Everything `pool run` needs, for real: two connected litecoind regtest nodes, redis-server, a spool directory, and
/// the pool process on the regtest sample config pointed at them.
/// </summary>
public sealed class PoolStack : IAsyncDisposable
{
    private PoolStack(BitcoindRegtestPair nodes, RedisServer redis, TempDirectory spool)
    {
        Nodes = nodes;
        Redis = redis;
        Spool = spool;
    }

    /// <summary>The coin nodes; the pool talks to node A.</summary>
    public BitcoindRegtestPair Nodes { get; }

    /// <summary>The ledger's Redis.</summary>
    public RedisServer Redis { get; }

    /// <summary>The pool's spool directory.</summary>
    public TempDirectory Spool { get; }

    /// <summary>The running pool.</summary>
    public PoolProcess Pool { get; private set; } = null!;

    /// <summary>The address every coinbase pays (a node A wallet address).</summary>
    public string PoolAddress { get; private set; } = string.Empty;

    /// <summary>
    /// Starts the servers and the pool with ledger pool id <paramref name="poolId"/>; <paramref name="overrides"/> (config
    /// keys such as "Stratum:Vardiff:Enabled") come on top, and <paramref name="redisOptions"/> is appended to the Redis
    /// configuration string (e.g. ",asyncTimeout=1000").
    /// </summary>
    public static async Task<PoolStack> StartAsync(string poolId, IReadOnlyDictionary<string, string>? overrides = null, string redisOptions = "")
    {
        var nodes = await BitcoindRegtestPair.StartAsync("litecoind");
        var stack = new PoolStack(nodes, await RedisServer.StartAsync(), new TempDirectory("spool"));
        try
        {
            stack.PoolAddress = (await nodes.A.CallAsync("getnewaddress", "pool", "bech32")).GetString()!;
            var settings = new Dictionary<string, string>
            {
                ["Chain:NodeUrl"] = nodes.A.RpcUrl.ToString(),
                ["Chain:RpcCookieFile"] = nodes.A.CookieFile,
                ["Chain:PoolAddress"] = stack.PoolAddress,
                ["Ledger:RedisConfiguration"] = stack.Redis.ConnectionString + redisOptions,
                ["Ledger:SpoolDirectory"] = stack.Spool.Path,
                ["Ledger:PoolId"] = poolId,
            };
            foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
            {
                settings[key] = value;
            }

            stack.Pool = await PoolProcess.StartAsync(RepositoryFiles.Combine("config", "pool.litecoin-regtest.json"), settings, TimeSpan.FromSeconds(90));
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Pool is not null)
        {
            await Pool.DisposeAsync();
        }

        await Redis.DisposeAsync();
        await Nodes.DisposeAsync();
        Spool.Dispose();
    }
}
