using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Pool.Core.Mining;
using Pool.Ledger;
using Pool.Testing;

namespace Pool.Benchmarks;

/// <summary>
/// Shares recorded per second through the ledger into one local redis-server, next to redis-benchmark's pipelined XADD against
/// the same server, without persistence and with appendfsync everysec; plus the latency RecordAsync adds.
/// </summary>
public sealed class LedgerQuickBenchmark : IQuickBenchmark
{
    private const int Shares = 200_000;
    private const int Concurrency = 256;
    private const int Miners = 50;

    public string Name => "ledger";

    public async Task<int> RunAsync(string[] args)
    {
        var ok = true;
        ok &= await RunModeAsync("no persistence", []);
        ok &= await RunModeAsync("appendonly everysec", ["--appendonly", "yes", "--appendfsync", "everysec"]);
        return ok ? 0 : 1;
    }

    private static async Task<bool> RunModeAsync(string mode, string[] redisArguments)
    {
        await using var redis = await RedisServer.StartAsync(redisArguments);
        var ledger = await MeasureLedgerAsync(redis);
        var xadd = await LedgerRedisBenchmark.MeasureXaddAsync(redis.Port, Shares);
        var ratio = ledger.SharesPerSecond / xadd;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ledger [{mode}]: {ledger.SharesPerSecond:N0} shares/s into Redis; redis-benchmark XADD -P 16: {xadd:N0}/s; ratio {ratio:0.00} (target >= 0.5)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ledger [{mode}]: RecordAsync latency at {Concurrency} concurrent writers p50 {ledger.P50Ms:0.000} ms, p99 {ledger.P99Ms:0.000} ms (target p99 < 2 ms); batches {ledger.Batches:N0}, mean batch {ledger.MeanBatch:0} shares, mean batch round trip {ledger.MeanBatchMs:0.00} ms, total {ledger.Seconds:0.00} s"));
        return ratio >= 0.5 && ledger.P99Ms < 2;
    }

    private static async Task<LedgerFigures> MeasureLedgerAsync(RedisServer redis)
    {
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
        var shares = Enumerable.Range(0, Shares)
            .Select(i => new AcceptedShare(
                Convert.ToHexStringLower(BitConverter.GetBytes((long)i)) + "00000000000000000000000000000000000000000000000c",
                "ltc1qminer" + (i % Miners).ToString(CultureInfo.InvariantCulture),
                "rig" + (i % 4).ToString(CultureInfo.InvariantCulture),
                65536,
                70000,
                2.5e7,
                "1a2b",
                3_000_000,
                DateTimeOffset.UtcNow,
                "bench1",
                false))
            .ToArray();
        var latencies = new long[Shares];
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < Shares)
            {
                var before = Stopwatch.GetTimestamp();
                await ledger.RecordAsync(shares[i]);
                latencies[i] = Stopwatch.GetTimestamp() - before;
            }
        })));
        await ledger.FlushAsync();
        var elapsed = Stopwatch.GetElapsedTime(started);
        Array.Sort(latencies);
        var counters = ledger.Counters;
        return new LedgerFigures(
            Shares / elapsed.TotalSeconds,
            Stopwatch.GetElapsedTime(0, latencies[Shares / 2]).TotalMilliseconds,
            Stopwatch.GetElapsedTime(0, latencies[(int)(Shares * 0.99)]).TotalMilliseconds,
            counters.Batches,
            counters.Batches == 0 ? 0 : (double)counters.SharesWritten / counters.Batches,
            counters.Batches == 0 ? 0 : counters.TotalBatchLatency.TotalMilliseconds / counters.Batches,
            elapsed.TotalSeconds);
    }
}
