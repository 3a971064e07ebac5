using System.Diagnostics;
using System.Globalization;

namespace Pool.LoadGenerator;

/// <summary>`pool-loadgen bench`: starts the bench server as a child process, runs the load against it, stops it.</summary>
public static class BenchDriver
{
    /// <summary>Runs one benchmark with <paramref name="options"/> (host and port are chosen here); returns the exit code.</summary>
    public static async Task<int> RunAsync(LoadOptions options, CancellationToken cancellationToken)
    {
        var port = options.Port == 3333 ? FreeLoopbackPort() : options.Port;
        var self = Environment.ProcessPath!;
        var info = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            info.ArgumentList.Add(typeof(BenchDriver).Assembly.Location);
        }

        foreach (var argument in new[] { "serve", "--port", port.ToString(CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(argument);
        }

        using var server = Process.Start(info) ?? throw new InvalidOperationException("could not start the bench server");
        try
        {
            var first = await server.StandardOutput.ReadLineAsync(cancellationToken);
            if (first is null || !first.StartsWith("listening", StringComparison.Ordinal))
            {
                await Console.Error.WriteLineAsync($"pool-loadgen: the bench server did not start: {first}");
                return 1;
            }

            options.Port = port;
            options.Address = BenchServer.MinerAddress;
            options.ServerPid = server.Id;
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"bench: {options.Connections} connections, {options.Rate} submits/s asked, {options.WarmupSeconds} s warm-up then {options.DurationSeconds} s measured, sha256d, server pid {server.Id}, {Environment.ProcessorCount} cores"));
            var exit = await new LoadRun(options, Console.Out).RunAsync(cancellationToken);
            using (var term = Process.Start("kill", ["-TERM", server.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync(cancellationToken);
            }

            var rest = await server.StandardOutput.ReadToEndAsync(cancellationToken);
            await Console.Out.WriteAsync(rest);
            return exit;
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
