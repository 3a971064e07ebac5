using BenchmarkDotNet.Attributes;
using Pool.Core.Hashing;

namespace Pool.Benchmarks;

/// <summary>SHA-256d of a batch of 80-byte headers, full and through a midstate, on each implementation the CPU runs.</summary>
[MemoryDiagnoser]
public class Sha256dBatchBenchmarks
{
    private const int Count = 1024;
    private readonly byte[] _headers = new byte[Count * 80];
    private readonly byte[] _tails = new byte[Count * Sha256dMidstate.TailSize];
    private readonly byte[] _digests = new byte[Count * 32];
    private Sha256dMidstate _midstate;

    /// <summary>Every implementation present on this CPU.</summary>
    public static IEnumerable<Sha256Implementation> Implementations => Sha256Engine.Available;

    [ParamsSource(nameof(Implementations))]
    public Sha256Implementation Implementation { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        new Random(1).NextBytes(_headers);
        new Random(2).NextBytes(_tails);
        _midstate = Sha256dMidstate.FromHeaderPrefix(_headers);
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public void HashHeaders() => Sha256Engine.HashMany(Implementation, _headers, 80, _digests);

    [Benchmark(OperationsPerInvoke = Count)]
    public void HashTails() => Sha256Engine.HashTails(Implementation, _midstate, _tails, _digests);
}
