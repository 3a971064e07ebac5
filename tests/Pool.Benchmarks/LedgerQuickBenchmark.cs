using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Pool.Ledger;
using Pool.Testing;

namespace Pool.Benchmarks;

/// <summary>
/// Shares recorded per second through the ledger into one local redis-server, next to redis-benchmark's pipelined XADD against
/// the same server, without persistence and with appendfsync everysec; plus the latency RecordAsync adds, at saturation and at
/// a steady load.
/// </summary>
public sealed class LedgerQuickBenchmark : IQuickBenchmark
{
    private const int Shares = 200_000;
    private const int WarmUpShares = 100_000;
    private const int Concurrency = 256;
    private const int PacedWriters = 16;
    private const int PacedShares = 20_000;

    public string Name => "ledger";

    public async Task<int> RunAsync(string[] args)
    {
        Console.WriteLine($"load average before: {LoadAverage()}");
        var ok = true;

        // The first run in a process is slower whatever it measures (JIT tiers, thread pool and GC heap still growing), so one
        // whole run goes first and is not reported.
        await RunModeAsync("warm-up", [], report: false);
        ok &= await RunModeAsync("no persistence", []);
        ok &= await RunModeAsync("appendonly everysec", ["--appendonly", "yes", "--appendfsync", "everysec"]);
        Console.WriteLine($"load average after: {LoadAverage()}");
        return ok ? 0 : 1;
    }

    private static async Task<bool> RunModeAsync(string mode, string[] redisArguments, bool report = true)
    {
        await using var redis = await RedisServer.StartAsync(redisArguments);
        using var spool = new TempDirectory("bench-spool");
        var options = new LedgerOptions
        {
            RedisConfiguration = redis.ConnectionString,
            PoolId = "bench",
            InstanceId = "bench1",
            SpoolDirectory = spool.Path,
        };
        await using var connection = await LedgerRedisConnection.ConnectAsync(options);
        await using var ledger = new RedisShareLedger(options, connection, NullLogger<RedisShareLedger>.Instance);
        await ledger.StartAsync();

        await LedgerLoad.SaturateAsync(ledger, LedgerLoad.MakeShares(WarmUpShares, "warm"), Concurrency);

        // Lets tiered compilation finish optimising what the warm-up ran hot.
        await Task.Delay(500);
        var batchesBefore = ledger.Counters.Batches;
        var writtenBefore = ledger.Counters.SharesWritten;
        var batchTimeBefore = ledger.Counters.TotalBatchLatency;
        var saturated = await LedgerLoad.SaturateAsync(ledger, LedgerLoad.MakeShares(Shares, "sat"), Concurrency);
        var batches = ledger.Counters.Batches - batchesBefore;
        var meanBatch = batches == 0 ? 0 : (double)(ledger.Counters.SharesWritten - writtenBefore) / batches;
        var meanRoundTrip = batches == 0 ? 0 : (ledger.Counters.TotalBatchLatency - batchTimeBefore).TotalMilliseconds / batches;
        var paced = await LedgerLoad.PacedAsync(ledger, LedgerLoad.MakeShares(PacedShares, "paced"), PacedWriters);
        var xadd = await LedgerRedisBenchmark.MeasureXaddAsync(redis.Port, Shares);

        var ratio = saturated.SharesPerSecond / xadd;
        if (!report)
        {
            return true;
        }

        Console.WriteLine(Invariant($"ledger [{mode}]: {saturated.SharesPerSecond:N0} shares/s recorded and in Redis; redis-benchmark XADD -P 16: {xadd:N0}/s; ratio {ratio:0.00} (target >= 0.5)"));
        Console.WriteLine(Invariant($"ledger [{mode}]: batches {batches:N0}, mean {meanBatch:0} shares, mean round trip {meanRoundTrip:0.00} ms"));
        Console.WriteLine(Invariant($"ledger [{mode}]: RecordAsync at saturation ({Concurrency} writers) p50 {saturated.P50Ms:0.000} ms, p99 {saturated.P99Ms:0.000} ms"));
        Console.WriteLine(Invariant($"ledger [{mode}]: RecordAsync at {paced.SharesPerSecond:N0} shares/s ({PacedWriters} paced writers) p50 {paced.P50Ms:0.000} ms, p99 {paced.P99Ms:0.000} ms (target p99 < 2 ms)"));
        return ratio >= 0.5 && paced.P99Ms < 2;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
}
