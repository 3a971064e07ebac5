using BenchmarkDotNet.Attributes;
using Pool.Core.Mining;
using Pool.Ledger.Records;

namespace Pool.Benchmarks;

/// <summary>The ledger's per-share work outside I/O: checking and writing a share record, and parsing it back for the batch sums.</summary>
[MemoryDiagnoser]
public class LedgerRecordBenchmarks
{
    private readonly AcceptedShare _share = new(
        "000000000000000000000000000000000000000000000000000000000000c0de",
        "ltc1qg82ss5kx8fd8a9ccyj5dmc4fwmsqxsgvssmxyz",
        "rig1",
        65536,
        70000,
        2.5e7,
        "1a2b",
        3_000_000,
        new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        "pool-1",
        false);

    private readonly byte[] _buffer = new byte[4096];
    private byte[] _record = [];

    [GlobalSetup]
    public void Setup() => _record = ShareRecord.Encode(_share);

    [Benchmark]
    public int ValidateAndWrite()
    {
        ShareRecord.Validate(_share);
        return ShareRecord.Write(_share, _buffer);
    }

    [Benchmark]
    public double Parse() => ShareRecord.TryParse(_record, out var fields) ? fields.Difficulty : 0;
}
