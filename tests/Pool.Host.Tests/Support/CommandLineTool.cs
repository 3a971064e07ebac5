using System.Diagnostics;
using Pool.Testing;

namespace Pool.Host.Tests.Support;

/// <summary>Runs a command-line tool to completion and captures its output.</summary>
public static class CommandLineTool
{
    /// <summary>Runs <paramref name="program"/> (which must be on PATH) and returns its exit code and combined output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string program, params string[] arguments)
    {
        var path = ServerProcess.FindOnPath(program)
            ?? throw new AssertionException($"{program} is not installed: run deploy/local/install-deps.sh");
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
