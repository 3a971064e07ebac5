using BenchmarkDotNet.Attributes;
using Pool.Core.Hashing;

namespace Pool.Benchmarks;

/// <summary>SHA-256d of one 80-byte header through the general entry point.</summary>
[MemoryDiagnoser]
public class Sha256dBenchmarks
{
    private readonly byte[] _header = new byte[80];
    private readonly byte[] _digest = new byte[32];

    [Benchmark]
    public void HashHeader() => Sha256d.Hash(_header, _digest);
}
