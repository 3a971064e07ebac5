using System.Diagnostics;
using System.Globalization;

namespace Pool.LoadGenerator;

/// <summary>One load run: open and hold the connections, measure the server's memory, submit at the set rate, report.</summary>
public sealed class LoadRun
{
    private readonly LoadOptions _options;
    private readonly TextWriter _output;
    private readonly LoadResults _results = new();

    /// <summary>Creates a run that reports to <paramref name="output"/>.</summary>
    public LoadRun(LoadOptions options, TextWriter output)
    {
        _options = options;
        _output = output;
    }

    /// <summary>Runs the load and prints the figures; returns 0 when every connection was held and shares were accepted.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var residentBefore = ServerResidentBytes();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var connections = new List<StratumLoadConnection>(_options.Connections);
        var loops = new List<Task>(_options.Connections);
        for (var i = 0; i < _options.Connections; i++)
        {
            var connection = new StratumLoadConnection($"{_options.Address}.w{i}", _results);
            connections.Add(connection);
            loops.Add(connection.RunAsync(_options.Host, _options.Port, _options.Password, stop.Token));

            // Open in waves so the listen backlog is never the bottleneck being measured.
            if (i % 500 == 499)
            {
                await Task.Delay(20, cancellationToken).ConfigureAwait(false);
            }
        }

        var ready = await WaitForReadyAsync(connections, TimeSpan.FromSeconds(120), cancellationToken).ConfigureAwait(false);
        await Task.Delay(1000, cancellationToken).ConfigureAwait(false);
        var residentHeld = ServerResidentBytes();
        _output.WriteLine($"connections held: {ready} of {_options.Connections}");
        if (residentBefore is long before && residentHeld is long held && ready > 0)
        {
            _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"server memory per idle connection: {(held - before) / 1024.0 / ready:F2} KiB (RSS {before / 1048576.0:F1} MiB -> {held / 1048576.0:F1} MiB)"));
        }

        if (_options.WarmupSeconds > 0)
        {
            await SubmitAsync(connections, TimeSpan.FromSeconds(_options.WarmupSeconds), cancellationToken).ConfigureAwait(false);
            _results.Reset();
        }

        var elapsed = await SubmitAsync(connections, TimeSpan.FromSeconds(_options.DurationSeconds), cancellationToken).ConfigureAwait(false);
        await Task.Delay(2000, cancellationToken).ConfigureAwait(false);
        Report(elapsed);

        await stop.CancelAsync().ConfigureAwait(false);
        foreach (var connection in connections)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        await Task.WhenAll(loops.Select(l => l.ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);
        return ready == _options.Connections && _results.Accepted > 0 ? 0 : 1;
    }

    private static async Task<int> WaitForReadyAsync(List<StratumLoadConnection> connections, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        int ready;
        while ((ready = connections.Count(c => c.IsReady)) < connections.Count && clock.Elapsed < timeout)
        {
            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }

        return ready;
    }

    private async Task<TimeSpan> SubmitAsync(List<StratumLoadConnection> connections, TimeSpan duration, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        long issued = 0;
        var next = 0;
        while (clock.Elapsed < duration)
        {
            var due = (long)(clock.Elapsed.TotalSeconds * _options.Rate) - issued;
            for (var misses = 0; due > 0 && misses < connections.Count; next = (next + 1) % connections.Count)
            {
                if (connections[next].TrySubmit())
                {
                    issued++;
                    due--;
                    misses = 0;
                }
                else
                {
                    misses++;
                }
            }

            await Task.Delay(1, cancellationToken).ConfigureAwait(false);
        }

        return clock.Elapsed;
    }

    private void Report(TimeSpan elapsed)
    {
        var seconds = elapsed.TotalSeconds;
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"submitted: {_results.Submitted} in {seconds:F1} s (asked for {_options.Rate}/s)"));
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"accepted shares/s: {_results.Accepted / seconds:F0}"));
        _output.WriteLine($"rejected: {_results.Rejected}, authorize failures: {_results.AuthorizeFailures}");
        foreach (var (reason, count) in _results.RejectionReasons)
        {
            _output.WriteLine($"  rejected {count}x: {reason}");
        }

        _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"submit->answer latency ms: p50 {_results.Latency.QuantileMilliseconds(0.5):F3}, p99 {_results.Latency.QuantileMilliseconds(0.99):F3}, p99.9 {_results.Latency.QuantileMilliseconds(0.999):F3}"));
    }

    private long? ServerResidentBytes()
    {
        if (_options.ServerPid is not int pid)
        {
            return null;
        }

        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kib = long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
                return kib * 1024;
            }
        }

        return null;
    }
}
