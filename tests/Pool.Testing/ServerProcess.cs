using System.Collections.Concurrent;
using System.Diagnostics;

namespace Pool.Testing;

/// <summary>A real server program (redis-server, litecoind, anvil, the pool itself) started for a test and killed on dispose.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServerProcess(Process process, string name)
    {
        _process = process;
        Name = name;
    }

    /// <summary>Program name, for messages.</summary>
    public string Name { get; }

    /// <summary>OS process id.</summary>
    public int Id => _process.Id;

    /// <summary>True while the process runs.</summary>
    public bool IsRunning => !_process.HasExited;

    /// <summary>Everything the process wrote to stdout and stderr so far.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>Finds a program on PATH; null when it is not installed.</summary>
    public static string? FindOnPath(string program)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Starts <paramref name="program"/> with <paramref name="arguments"/>, capturing its output.</summary>
    public static ServerProcess Start(string program, IEnumerable<string> arguments, string? workingDirectory = null, IDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                info.Environment[key] = value;
            }
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var server = new ServerProcess(process, Path.GetFileName(program));
        process.OutputDataReceived += (_, e) => server.Capture(e.Data);
        process.ErrorDataReceived += (_, e) => server.Capture(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"could not start {program}");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Polls <paramref name="ready"/> until it returns true; fails with the server's output when it exits or time runs out.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> ready, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(ready);
        var deadline = Stopwatch.StartNew();
        Exception? last = null;
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw await ExitedBeforeReadyAsync().ConfigureAwait(false);
            }

            try
            {
                // A process that exited meanwhile did not answer: another server on a port it failed to bind did.
                if (await ready().ConfigureAwait(false) && !_process.HasExited)
                {
                    return;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || e.InnerException is TimeoutException)
            {
                // An HttpClient timeout is a server too busy to answer yet, not a cancelled wait.
                last = e;
            }

            await Task.Delay(50).ConfigureAwait(false);
        }

        throw new TimeoutException($"{Name} was not ready after {timeout.TotalSeconds:0} s (last error: {last?.Message ?? "none"}):\n{Output}");
    }

    private async Task<InvalidOperationException> ExitedBeforeReadyAsync()
    {
        // Its last lines, which say why it exited (a port in use, say), may still be on their way through the pipes.
        using var drained = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _process.WaitForExitAsync(drained.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        return new InvalidOperationException($"{Name} exited with code {_process.ExitCode} before it was ready:\n{Output}");
    }

    /// <summary>Sends SIGKILL: the process gets no chance to clean up.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    /// <summary>Sends SIGTERM and waits for a graceful exit, then kills after <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync().ConfigureAwait(false);
        }

        using var cts = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void Capture(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);

        // Keep the tail only: a chatty server must not grow the test's memory without bound.
        while (_output.Count > 2000 && _output.TryDequeue(out _))
        {
        }
    }
}
