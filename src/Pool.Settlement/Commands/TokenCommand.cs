using Pool.Settlement.Addresses;
using Pool.Settlement.Chain;

namespace Pool.Settlement.Commands;

/// <summary><c>pool token deploy</c> and <c>pool token status</c>.</summary>
public sealed partial class TokenCommand
{
    public const string DeployVerb = "deploy";
    public const string StatusVerb = "status";

    /// <summary>Chain id of anvil and other local development chains, the only chains <c>--dev</c> works on.</summary>
    public const long DevelopmentChainId = 31337;

    // anvil's first two accounts from the public "test test … junk" mnemonic: admin/deployer and settler in development.
    private const string DevAdminKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private const string DevSettlerKey = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

    private const string Usage = """
        usage: pool token deploy --rpc URL (--dev | --admin ADDRESS [--settler ADDRESS]) [--name NAME] [--symbol SYMBOL]
                 deployer key from POOL_DEPLOYER_KEY_FILE or POOL_DEPLOYER_KEY (--dev: anvil's public dev key, chain 31337 only);
                 settler defaults to the address of POOL_SETTLER_KEY_FILE / POOL_SETTLER_KEY
               pool token status --rpc URL --token ADDRESS [--settler ADDRESS] [--redis HOST:PORT [--key-prefix P]]
                 with --redis also prints the settlement state kept in Redis (open settlements, carried balances);
                 --settlements N [--from-block B] lists the last N Settled events (coin block, height, shares root, total)
        environment: POOL_EVM_RPC_URL, POOL_TOKEN_ADDRESS, POOL_REDIS, POOL_REDIS_PREFIX stand in for the flags
        exit codes: 0 ok, 1 node unreachable or no contract, 2 bad options
        """;

    private static readonly HashSet<string> ValueFlags = new(StringComparer.Ordinal) { "--rpc", "--admin", "--settler", "--name", "--symbol", "--token", "--redis", "--key-prefix", "--settlements", "--from-block" };
    private static readonly HashSet<string> SwitchFlags = new(StringComparer.Ordinal) { "--dev", "--help" };

    private readonly Func<string, string?> _environment;

    public TokenCommand(Func<string, string?>? environment = null)
    {
        _environment = environment ?? Environment.GetEnvironmentVariable;
    }

    /// <summary>Runs <c>deploy</c> or <c>status</c> (the first word of <paramref name="args"/>).</summary>
    public async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        var verb = args.Length > 0 ? args[0] : string.Empty;
        var errors = new List<string>();
        var parsed = CommandArguments.Parse(args.Skip(1).ToList(), ValueFlags, SwitchFlags, errors);
        if (verb is not (DeployVerb or StatusVerb) || parsed.Has("--help") || errors.Count > 0)
        {
            foreach (var error in errors)
            {
                await stderr.WriteLineAsync($"pool token: {error}");
            }

            var asked = parsed.Has("--help") && errors.Count == 0;
            await (asked ? stdout : stderr).WriteLineAsync(Usage);
            return asked ? SettleExitCodes.Ok : SettleExitCodes.Usage;
        }

        var rpc = parsed.Get("--rpc", EnvironmentNames.RpcUrl, _environment);
        if (!Uri.TryCreate(rpc, UriKind.Absolute, out var rpcUrl) || rpcUrl.Scheme is not ("http" or "https"))
        {
            await stderr.WriteLineAsync($"pool token: --rpc / {EnvironmentNames.RpcUrl}: '{rpc}' is not an http(s) URL of the EVM node");
            return SettleExitCodes.Usage;
        }

        var chain = new EvmChain(rpcUrl, TimeSpan.FromSeconds(15));
        try
        {
            return verb == DeployVerb
                ? await DeployAsync(parsed, chain, stdout, stderr, cancellationToken)
                : await StatusAsync(parsed, chain, stdout, stderr);
        }
        catch (ChainUnavailableException e)
        {
            await stderr.WriteLineAsync($"pool token: {e.Message}");
            return SettleExitCodes.Failed;
        }
        catch (Exception e) when (e is ContractRevertedException or InvalidOperationException)
        {
            await stderr.WriteLineAsync($"pool token: {e.Message}");
            return SettleExitCodes.Failed;
        }
    }

    private bool TryAddress(CommandArguments parsed, string flag, string? variable, bool required, TextWriter stderr, out string? address)
    {
        address = null;
        var value = parsed.Get(flag, variable, _environment);
        if (value is null)
        {
            if (required)
            {
                stderr.WriteLine($"pool token: {flag}{(variable is null ? string.Empty : " / " + variable)} is required");
            }

            return !required;
        }

        if (!EvmAddress.TryNormalize(value, out address, out var error))
        {
            stderr.WriteLine($"pool token: {flag}: {error}");
            return false;
        }

        return true;
    }
}
