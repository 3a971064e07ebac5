namespace Pool.Benchmarks;

/// <summary>A benchmark with a quick mode: one short run printing its figures, for `dotnet run -- NAME --quick`.</summary>
public interface IQuickBenchmark
{
    /// <summary>The name given on the command line (e.g. "sha256d", "ledger").</summary>
    string Name { get; }

    /// <summary>Runs once and prints its figures; returns the process exit code.</summary>
    Task<int> RunAsync(string[] args);
}
