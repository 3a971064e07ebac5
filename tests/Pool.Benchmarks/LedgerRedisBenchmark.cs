using System.Diagnostics;
using System.Globalization;

namespace Pool.Benchmarks;

/// <summary>Runs redis-benchmark's pipelined XADD with a share-sized value against a running server.</summary>
internal static class LedgerRedisBenchmark
{
    // As long as a share record, so both sides move the same bytes.
    private const string Record = "00000000000000000000000000000000000000000000000000000000000000c|ltc1qminer7|rig1|65536|1a2b|3000000|1767227430000|bench1";
    private const string RequestsPerSecond = " requests per second";

    public static async Task<double> MeasureXaddAsync(int port, int requests)
    {
        var info = new ProcessStartInfo("redis-benchmark")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-P", "16", "-n", requests.ToString(CultureInfo.InvariantCulture), "-q", "XADD", "benchstream", "*", "s", Record })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start redis-benchmark");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        // -q prints "XADD …: 123456.78 requests per second, p50=…" (after \r-separated progress lines).
        var line = output.Split('\r', '\n').LastOrDefault(l => l.Contains(RequestsPerSecond, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"redis-benchmark printed no rate:\n{output}\n{await process.StandardError.ReadToEndAsync()}");
        var end = line.IndexOf(RequestsPerSecond, StringComparison.Ordinal);
        var start = line.LastIndexOf(' ', end - 1) + 1;
        return double.Parse(line[start..end], CultureInfo.InvariantCulture);
    }
}
