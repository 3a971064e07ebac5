using Microsoft.Extensions.Configuration;
using Pool.Host.Configuration;
using Pool.Host.Run;
using Pool.Ledger;
using Pool.Ledger.Redis;
using Pool.Settlement.Commands;

namespace Pool.Host;

/// <summary>The `pool` command: dispatches to run, settle and token.</summary>
public static class PoolCommandLine
{
    /// <summary>Exit code for an unknown command.</summary>
    public const int UsageError = 2;

    private const string Usage = """
        usage: pool <command> [options]
          run [--config FILE]   run the Stratum pool (default config: config/pool.litecoin-regtest.json)
          settle [--config FILE] [options]
                                settle matured rounds into reward tokens, once (run by cron); --help for options
          token deploy|status   deploy the reward token, or show the token and settlement state
        """;

    /// <summary>Runs the command named by the first argument and returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var command = args.Length > 0 ? args[0] : "help";
        var rest = args.Length > 0 ? args[1..] : [];
        using var cancel = new CancellationTokenSource();
        switch (command)
        {
            case "help" or "--help" or "-h":
                await Console.Out.WriteLineAsync(Usage).ConfigureAwait(false);
                return 0;
            case "run":
                return await RunCommand.RunAsync(rest, Console.Error).ConfigureAwait(false);
            case "settle":
                Console.CancelKeyPress += (_, e) =>
                {
                    e.Cancel = true;
                    cancel.Cancel();
                };
                var settle = new SettleCommand(
                    (redis, options) => new RedisRoundStore(new RedisLedgerStore(redis, options.PoolId, pplnsWindowFactor: 2), options.PoolId),
                    readConfiguration: ReadSettleConfiguration);
                return await settle.RunAsync(rest, Console.Out, Console.Error, cancel.Token).ConfigureAwait(false);
            case "token":
                return await new TokenCommand().RunAsync(rest, Console.Out, Console.Error, cancel.Token).ConfigureAwait(false);
            default:
                await Console.Error.WriteLineAsync($"pool: unknown command '{command}'.\n{Usage}").ConfigureAwait(false);
                return UsageError;
        }
    }

    /// <summary>The pool's configuration file and POOL_Section__Key variables as flat keys, as `pool run` reads them.</summary>
    public static IReadOnlyDictionary<string, string?> ReadSettleConfiguration(string path)
    {
        try
        {
            return PoolConfiguration.Load(path).AsEnumerable().ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
        }
        catch (ConfigurationException e)
        {
            throw new InvalidDataException(string.Join("; ", e.Problems), e);
        }
    }
}
