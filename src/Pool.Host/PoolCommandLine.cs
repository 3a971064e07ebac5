namespace Pool.Host;

/// <summary>The `pool` command: dispatches to run, settle, token and bench.</summary>
public static class PoolCommandLine
{
    /// <summary>Runs the command named by the first argument and returns the process exit code.</summary>
    public static Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var command = args.Length > 0 ? args[0] : "help";
        switch (command)
        {
            case "help":
            case "--help":
            case "-h":
                Console.WriteLine(Usage);
                return Task.FromResult(0);
            case "run":
            case "settle":
            case "token":
            case "bench":
                Console.Error.WriteLine($"pool {command}: not built yet; the Stratum server, ledger and settlement land with their issues.");
                return Task.FromResult(3);
            default:
                Console.Error.WriteLine($"pool: unknown command '{command}'.");
                Console.Error.WriteLine(Usage);
                return Task.FromResult(2);
        }
    }

    private const string Usage = """
        usage: pool <command> [options]
          run              start the Stratum pool with the config in config/
          settle           settle matured rounds into reward tokens (run by cron)
          token deploy     deploy the reward token
          token status     show the token and settlement state
          bench stratum    load-test a running pool
        """;
}
