using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Pool.Chain.Coins;
using Pool.Host.Configuration;
using Pool.Host.Logging;

namespace Pool.Host.Run;

/// <summary>`pool run --config FILE`: runs the pool until SIGINT or SIGTERM, then shuts down gracefully.</summary>
public static class RunCommand
{
    /// <summary>Exit code when the configuration is wrong.</summary>
    public const int ConfigurationError = 2;

    /// <summary>Exit code when the pool could not start (a port taken, the node unreachable at start, …).</summary>
    public const int StartFailed = 3;

    /// <summary>Runs the pool; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(error);
        var configFile = ArgumentValue(args, "--config") ?? Path.Combine("config", "pool.litecoin-regtest.json");
        PoolSettings settings;
        try
        {
            settings = PoolSettings.Load(PoolConfiguration.Load(configFile));
        }
        catch (Exception e) when (e is ConfigurationException or FileNotFoundException)
        {
            await error.WriteLineAsync($"pool run: {e.Message}").ConfigureAwait(false);
            return ConfigurationError;
        }

        using var loggerFactory = PoolLogging.Create(settings.Host.LogFormat);
        var logger = loggerFactory.CreateLogger("Pool");
        using var stopping = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        await using var runtime = new PoolRuntime(settings, loggerFactory, TimeProvider.System);
        try
        {
            await runtime.StartAsync(stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            logger.LogInformation("Stopped before the pool was ready");
            await runtime.StopAsync(settings.Host.ShutdownTimeout).ConfigureAwait(false);
            return 0;
        }
        catch (Exception e) when (e is ChainConfigurationException or System.Net.Sockets.SocketException or IOException or InvalidOperationException)
        {
            logger.LogCritical("The pool could not start: {Message}", e.Message);
            await runtime.StopAsync(settings.Host.ShutdownTimeout).ConfigureAwait(false);
            return StartFailed;
        }

        logger.LogInformation("Pool {Instance} is running; Ctrl-C or SIGTERM stops it", settings.Host.InstanceId);
        try
        {
            await Task.Delay(Timeout.Infinite, stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        logger.LogInformation("Shutting down: no new miners, answering in-flight submits, flushing the ledger");
        await runtime.StopAsync(settings.Host.ShutdownTimeout).ConfigureAwait(false);
        logger.LogInformation("Stopped");
        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stopping.Cancel();
        }
    }

    private static string? ArgumentValue(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
