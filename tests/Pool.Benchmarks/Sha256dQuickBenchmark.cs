using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Pool.Core.Hashing;

namespace Pool.Benchmarks;

/// <summary>`sha256d --quick`: single-thread MH/s of each SHA-256d implementation, the midstate path and the runtime's SHA-256 applied twice, plus scrypt hashes/s.</summary>
public sealed class Sha256dQuickBenchmark : IQuickBenchmark
{
    private const int BatchSize = 4096;
    private const int ScryptBatch = 16;
    private const int Windows = 3;
    private static readonly TimeSpan Warmup = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan Measure = TimeSpan.FromMilliseconds(500);

    public string Name => "sha256d";

    public Task<int> RunAsync(string[] args)
    {
        var headers = new byte[BatchSize * Sha256d.HeaderSize];
        new Random(1).NextBytes(headers);
        var tails = new byte[BatchSize * Sha256dMidstate.TailSize];
        new Random(2).NextBytes(tails);
        var digests = new byte[BatchSize * Sha256d.DigestSize];
        var midstate = Sha256dMidstate.FromHeaderPrefix(headers);

        Console.WriteLine($"cpu: {CpuName()}; one thread; rates per CPU-second; sha256d batches of {BatchSize} 80-byte headers");
        var best = 0.0;
        foreach (var implementation in Sha256Engine.Available)
        {
            var batch = Rate(() => Sha256Engine.HashMany(implementation, headers, Sha256d.HeaderSize, digests), BatchSize);
            var tailed = Rate(() => Sha256Engine.HashTails(implementation, midstate, tails, digests), BatchSize);
            Print($"sha256d {implementation,-8} batch", batch, "MH/s", 1e6);
            Print($"sha256d {implementation,-8} midstate", tailed, "MH/s", 1e6);
            best = Math.Max(best, Math.Max(batch.PerCpuSecond, tailed.PerCpuSecond));
        }

        var single = Rate(() => Sha256d.Hash(headers.AsSpan(0, Sha256d.HeaderSize), digests), 1);
        Print("sha256d one header (Sha256d.Hash)", single, "MH/s", 1e6);

        var bcl = Rate(() => RuntimeDoubleHash(headers, digests), BatchSize);
        Print("SHA256.HashData twice", bcl, "MH/s", 1e6);

        var scrypt = Rate(() => ScryptHeaders(headers, digests), ScryptBatch);
        Print("scrypt one header (Scrypt.Hash)", scrypt, "H/s", 1);
        foreach (var implementation in Scrypt.Available)
        {
            var rate = Rate(() => Scrypt.HashMany(implementation, headers.AsSpan(0, ScryptBatch * 80), 80, Scrypt.LitecoinN, digests.AsSpan(0, ScryptBatch * 32)), ScryptBatch);
            Print($"scrypt {implementation,-8} batch", rate, "H/s", 1);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio best/bcl: {best / bcl.PerCpuSecond:F2}"));
        return Task.FromResult(0);
    }

    private static void RuntimeDoubleHash(byte[] headers, byte[] digests)
    {
        Span<byte> first = stackalloc byte[32];
        for (var i = 0; i < BatchSize; i++)
        {
            SHA256.HashData(headers.AsSpan(i * 80, 80), first);
            SHA256.HashData(first, digests.AsSpan(i * 32, 32));
        }
    }

    private static void ScryptHeaders(byte[] headers, byte[] digests)
    {
        for (var i = 0; i < ScryptBatch; i++)
        {
            var header = headers.AsSpan(i * 80, 80);
            Scrypt.Hash(header, header, Scrypt.LitecoinN, digests.AsSpan(i * 32, 32));
        }
    }

    // Hashes per second of `run` (which hashes `perRun` items) per second of this process's CPU time, after a warm-up
    // long enough for the JIT's final tier; the best of a few short windows, since the cores are shared with other
    // work. CPU time rather than wall time so that work does not count against us; the wall-clock rate is printed beside it.
    private static (double PerCpuSecond, double PerWallSecond, long BytesPerRun) Rate(Action run, int perRun)
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < Warmup)
        {
            run();
        }

        var best = (PerCpuSecond: 0.0, PerWallSecond: 0.0, BytesPerRun: 0L);
        for (var window = 0; window < Windows; window++)
        {
            long runs = 0;
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var cpuBefore = Environment.CpuUsage.TotalTime;
            stopwatch.Restart();
            while (stopwatch.Elapsed < Measure)
            {
                run();
                runs++;
            }

            var wall = stopwatch.Elapsed.TotalSeconds;
            var cpu = (Environment.CpuUsage.TotalTime - cpuBefore).TotalSeconds;
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            var perCpuSecond = runs * perRun / Math.Max(cpu, 1e-6);
            if (perCpuSecond > best.PerCpuSecond)
            {
                best = (perCpuSecond, runs * perRun / wall, allocated / runs);
            }
        }

        return best;
    }

    private static void Print(string what, (double PerCpuSecond, double PerWallSecond, long BytesPerRun) rate, string unit, double scale) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what,-36} {rate.PerCpuSecond / scale,10:F3} {unit,-5} (wall {rate.PerWallSecond / scale,8:F3}, {rate.BytesPerRun} B allocated per call)"));

    private static string CpuName()
    {
        const string cpuInfo = "/proc/cpuinfo";
        const string modelName = "model name";
        var line = File.Exists(cpuInfo) ? File.ReadLines(cpuInfo).FirstOrDefault(l => l.StartsWith(modelName, StringComparison.Ordinal)) : null;
        return line is null ? Environment.ProcessorCount + " processors" : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}
