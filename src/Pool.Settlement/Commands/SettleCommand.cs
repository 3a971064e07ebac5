using Pool.Core.Mining;
using Pool.Settlement.Addresses;
using Pool.Settlement.Chain;
using Pool.Settlement.Settlement;
using StackExchange.Redis;

namespace Pool.Settlement.Commands;

/// <summary><c>pool settle</c>: one settlement run for cron; returns a <see cref="SettleExitCodes"/> value.</summary>
public sealed class SettleCommand
{
    private readonly Func<IConnectionMultiplexer, SettlementOptions, IRoundStore> _roundStoreFactory;
    private readonly Func<string, string?> _environment;
    private readonly Func<string, IReadOnlyDictionary<string, string?>>? _readConfiguration;
    private readonly TimeProvider _time;
    private readonly Action<SettlementCrashPoint>? _crashHook;

    /// <param name="roundStoreFactory">Opens the ledger's closed rounds on the given Redis connection.</param>
    /// <param name="environment">Environment lookup; the process environment when null.</param>
    /// <param name="time">Clock; the system clock when null.</param>
    /// <param name="crashHook">Called at each <see cref="SettlementCrashPoint"/>; lets a test stop or kill the run there.</param>
    /// <param name="readConfiguration">Reads <c>--config FILE</c> into flat keys (<c>Settlement:Scheme</c>); without it the option is refused.</param>
    public SettleCommand(
        Func<IConnectionMultiplexer, SettlementOptions, IRoundStore> roundStoreFactory,
        Func<string, string?>? environment = null,
        TimeProvider? time = null,
        Action<SettlementCrashPoint>? crashHook = null,
        Func<string, IReadOnlyDictionary<string, string?>>? readConfiguration = null)
    {
        _roundStoreFactory = roundStoreFactory;
        _environment = environment ?? Environment.GetEnvironmentVariable;
        _readConfiguration = readConfiguration;
        _time = time ?? TimeProvider.System;
        _crashHook = crashHook;
    }

    /// <summary>Parses <paramref name="args"/> (the words after <c>pool settle</c>), runs once and reports.</summary>
    public async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        if (!SettleCommandLine.TryParse(args, _environment, _readConfiguration, out var options, out var keyFile, out var help, out var errors) || help)
        {
            foreach (var error in errors)
            {
                await stderr.WriteLineAsync($"pool settle: {error}");
            }

            await (help ? stdout : stderr).WriteLineAsync(SettleCommandLine.Usage);
            return help && errors.Count == 0 ? SettleExitCodes.Ok : SettleExitCodes.Usage;
        }

        string? key = null;
        if (!options.DryRun)
        {
            if (!PrivateKeySource.TryRead(_environment, EnvironmentNames.SettlerKey, EnvironmentNames.SettlerKeyFile, keyFile, out var read, out var keyError))
            {
                await stderr.WriteLineAsync($"pool settle: {keyError}");
                return SettleExitCodes.Usage;
            }

            try
            {
                await stdout.WriteLineAsync($"settler {TransactionSigner.AddressOf(read)}, token {options.TokenAddress}, node {options.RpcUrl}");
            }
            catch (ArgumentException e)
            {
                await stderr.WriteLineAsync($"pool settle: settler key: {e.Message}");
                return SettleExitCodes.Usage;
            }

            key = read;
        }

        try
        {
            await using var redis = await ConnectionMultiplexer.ConnectAsync(RedisConfiguration(options.Redis, options.RedisPassword));
            var database = redis.GetDatabase();
            var job = new SettlementJob(
                options,
                _roundStoreFactory(redis, options),
                new RedisTokenAddressBook(database, options.KeyPrefix),
                new RedisSettlementStore(database, options.KeyPrefix),
                options.RpcUrl is null ? null : new EvmChain(options.RpcUrl, options.RpcTimeout),
                key,
                _time,
                stdout,
                _crashHook);
            var report = await job.RunAsync(cancellationToken);
            SettlementReportWriter.Write(report, options.DryRun, stdout);
            if (report.Error is not null)
            {
                await stderr.WriteLineAsync($"pool settle: {report.Error}");
            }

            return report.Outcome switch
            {
                SettlementOutcome.Completed => SettleExitCodes.Ok,
                SettlementOutcome.Pending => SettleExitCodes.Pending,
                SettlementOutcome.LockHeld => SettleExitCodes.LockHeld,
                _ => SettleExitCodes.Failed,
            };
        }
        catch (Exception e) when (e is RedisConnectionException or RedisTimeoutException)
        {
            var reason = e is RedisConnectionException connection ? connection.FailureType.ToString() : "timeout";
            await stderr.WriteLineAsync($"pool settle: cannot reach Redis at {options.Redis} ({reason}); settlement state in Redis is written atomically, so nothing is lost: run again once Redis is back");
            return SettleExitCodes.Failed;
        }
        catch (InvalidOperationException e)
        {
            await stderr.WriteLineAsync($"pool settle: {e.Message}");
            return SettleExitCodes.Failed;
        }
    }

    private static ConfigurationOptions RedisConfiguration(string configuration, string? password)
    {
        var parsed = ConfigurationOptions.Parse(configuration);
        if (password is not null)
        {
            parsed.Password = password;
        }

        parsed.AbortOnConnectFail = true;
        parsed.ConnectTimeout = Math.Min(parsed.ConnectTimeout, 5000);
        return parsed;
    }
}
