using BenchmarkDotNet.Attributes;
using Pool.Core.Hashing;

namespace Pool.Benchmarks;

/// <summary>Litecoin's scrypt(N=1024, r=1, p=1) over a batch of 80-byte headers on each implementation the CPU runs.</summary>
[MemoryDiagnoser]
public class ScryptBatchBenchmarks
{
    private const int Count = 16;
    private readonly byte[] _headers = new byte[Count * 80];
    private readonly byte[] _digests = new byte[Count * 32];

    /// <summary>Every implementation present on this CPU.</summary>
    public static IEnumerable<ScryptImplementation> Implementations => Scrypt.Available;

    [ParamsSource(nameof(Implementations))]
    public ScryptImplementation Implementation { get; set; }

    [GlobalSetup]
    public void Setup() => new Random(3).NextBytes(_headers);

    [Benchmark(OperationsPerInvoke = Count)]
    public void HashHeaders() => Scrypt.HashMany(Implementation, _headers, 80, Scrypt.LitecoinN, _digests);
}
